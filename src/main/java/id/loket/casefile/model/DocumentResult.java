package id.loket.casefile.model;

/** What the officer found for one document. MISMATCH and NOT_APPLICABLE need a note. */
public enum DocumentResult {
    VERIFIED, MISMATCH, MISSING, NOT_APPLICABLE;

    public boolean needsNote() {
        return this == MISMATCH || this == NOT_APPLICABLE;
    }
}
