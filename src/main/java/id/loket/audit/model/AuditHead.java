package id.loket.audit.model;

/** The chain's end: the last entry's number and hash ({@code 0} and 64 zeros for an empty chain). */
public record AuditHead(long seq, String hash) {

    public static final AuditHead EMPTY = new AuditHead(0, AuditCanonical.GENESIS);

    /** The first 16 hex digits of the hash, for paper (the daily summary's footer). */
    public String shortHash() {
        return hash.substring(0, Math.min(16, hash.length()));
    }
}
