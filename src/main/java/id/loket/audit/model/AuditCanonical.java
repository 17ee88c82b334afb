package id.loket.audit.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The canonical form of an audit entry and its hash. The form is exact, so that anyone can
 * recompute a hash from the rows with another tool (docs/security.md):
 *
 * <p>eleven fields, in this order, each written as a 4-byte big-endian length followed by that
 * many bytes of UTF-8, or as the length {@code -1} ({@code FF FF FF FF}) and nothing for an
 * absent value:
 * <ol>
 * <li>the tag {@code loket-audit-v1};</li>
 * <li>seq, in decimal ASCII;</li>
 * <li>case_ref (absent for an office-wide entry);</li>
 * <li>action;</li>
 * <li>from_status;</li>
 * <li>to_status;</li>
 * <li>at, the instant in UTC as {@code yyyy-MM-ddTHH:mm:ss.SSSZ} (always three digits of
 *     milliseconds, finer digits dropped);</li>
 * <li>officer;</li>
 * <li>counter_no;</li>
 * <li>details;</li>
 * <li>prev_hash: 64 lower-case hex digits, the previous entry's hash (64 zeros for entry 1).</li>
 * </ol>
 * The hash is SHA-256 over those bytes, written as 64 lower-case hex digits. Because every
 * field carries its length, no choice of text can make two different entries encode alike.
 *
 * <p>An instance reuses its buffer and digest: one per thread.
 */
public final class AuditCanonical {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);
    /** The first field: names this form, so a later form cannot be mistaken for it. */
    public static final String TAG = "loket-audit-v1";

    private static final DateTimeFormatter UTC_MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'");
    private static final HexFormat HEX = HexFormat.of();

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(512);
    private final MessageDigest sha256;

    public AuditCanonical() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The canonical bytes of an entry with these values. */
    public byte[] form(long seq, String caseRef, String action, String from, String to, OffsetDateTime at, String officer,
            String counter, String details, String prevHash) {
        buffer.reset();
        field(TAG);
        field(Long.toString(seq));
        field(caseRef);
        field(action);
        field(from);
        field(to);
        field(at == null ? null : utc(at));
        field(officer);
        field(counter);
        field(details);
        field(prevHash);
        return buffer.toByteArray();
    }

    /** The hash of an entry with these values (64 lower-case hex digits). */
    public String hash(long seq, String caseRef, String action, String from, String to, OffsetDateTime at, String officer,
            String counter, String details, String prevHash) {
        return HEX.formatHex(sha256.digest(form(seq, caseRef, action, from, to, at, officer, counter, details, prevHash)));
    }

    /** The hash a stored row should carry, from its content and its stored previous hash, at place {@code seq}. */
    public String hash(AuditLink row, long seq) {
        return hash(seq, row.caseRef(), row.action(), row.from(), row.to(), row.at(), row.officer(), row.counter(), row.details(),
                row.prevHash());
    }

    /** An instant as the canonical form writes it: UTC, milliseconds, {@code Z}. */
    public static String utc(OffsetDateTime at) {
        return at.toInstant().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC).format(UTC_MILLIS);
    }

    private void field(String value) {
        if (value == null) {
            length(-1);
            return;
        }
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        length(b.length);
        buffer.write(b, 0, b.length);
    }

    private void length(int n) {
        buffer.write(n >>> 24);
        buffer.write(n >>> 16);
        buffer.write(n >>> 8);
        buffer.write(n);
    }
}
