package id.loket.audit.model;

/**
 * What a check of the audit chain found. {@code entries} is how many entries the chain holds;
 * {@code at} is the first entry something happened to (0 if none), {@code to} the last of a
 * range of entries (removed, cut off, or not covered by the signed head); {@code head} the
 * signed head the check compared with (null if there was none, or it could not be trusted);
 * {@code rowId} the table row of an entry inserted outside the chain (0 otherwise);
 * {@code recovered} how many entries at the end are covered only by the head's pending list (a
 * Loket stopped between a commit and writing its head: not tampering).
 */
public record AuditReport(Outcome outcome, long entries, long at, long to, AuditHead head, long rowId, long recovered) {

    /** The verdict, worst first found. Only {@link #INTACT} is a chain that holds. */
    public enum Outcome {
        /** Every entry hashes right, links to the one before, and the signed head is at the end (or covers it). */
        INTACT,
        /** The entry {@code at} does not hash to what it carries: its content was changed. */
        CHANGED,
        /** Entries {@code at}..{@code to} are missing from the middle of the chain. */
        REMOVED,
        /** Entry {@code at} does not belong to the chain: added between its neighbours, or (rowId) a row without a place in it. */
        INSERTED,
        /** Entries {@code at}..{@code to} were signed in the head but are no longer there: cut off at the end. */
        CUT_OFF,
        /** The chain hashes and links right, but entry {@code at} (the signed head) differs from what was signed: rewritten up to there. */
        REWRITTEN,
        /** The chain is intact but entries {@code at}..{@code to} come after the signed head and are not covered by it. */
        HEAD_BEHIND,
        /** The chain has entries but the data folder has no head file: the end cannot be checked. */
        HEAD_MISSING,
        /** The head file is malformed or its signature does not match this folder's key. */
        HEAD_FORGED
    }

    public static AuditReport intact(long entries, AuditHead head, long recovered) {
        return new AuditReport(Outcome.INTACT, entries, 0, 0, head, 0, recovered);
    }

    /** The same verdict about a chain of {@code n} entries. */
    public AuditReport withEntries(long n) {
        return new AuditReport(outcome, n, at, to, head, rowId, recovered);
    }

    /**
     * For a warning beside a history (the case export): 0 when the chain holds, else the first
     * entry from which the trail cannot be trusted (1 when the head itself is missing or forged).
     */
    public long brokenAt() {
        return intact() ? 0 : Math.max(1, at);
    }

    public boolean intact() {
        return outcome == Outcome.INTACT;
    }
}
