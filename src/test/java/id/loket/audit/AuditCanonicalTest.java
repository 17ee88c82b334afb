package id.loket.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.audit.model.AuditCanonical;
import id.loket.audit.model.AuditHead;
import id.loket.audit.model.SignedHead;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The canonical form is exactly what docs/security.md says, and the head file's signature holds only with the key. */
class AuditCanonicalTest {

    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 11, 27, 9, 2, 3, 456_789_000, ZoneOffset.ofHours(8));
    private final AuditCanonical canonical = new AuditCanonical();

    @Test
    void hashMatchesTheDocumentedFormComputedByAnotherTool() {
        // Reference values computed with Python's hashlib from the documented form (4-byte big-endian
        // lengths, -1 for absent, UTC with milliseconds): see docs/security.md.
        String first = canonical.hash(1, "DPS-20261127-A001", "REJECT", "VERIFYING", "REJECTED", AT, "petugas1", "3",
                "catatan; ünïcode", AuditCanonical.GENESIS);
        assertThat(first).isEqualTo("576cc084128a57814523efcda9ee6c9816bd216dce460be666932ec21d610f5a");
        String second = canonical.hash(2, null, "LOGIN", null, null, OffsetDateTime.of(2026, 11, 27, 1, 2, 3, 0, ZoneOffset.UTC),
                "supervisor", null, null, first);
        assertThat(second).isEqualTo("51de43d93f5d61053443cf3980bf1f43436cf6f7a5016f6a0518717063d5db7c");
    }

    @Test
    void instantIsWrittenInUtcWithMilliseconds() {
        assertThat(AuditCanonical.utc(AT)).isEqualTo("2026-11-27T01:02:03.456Z");
        assertThat(AuditCanonical.utc(OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))).isEqualTo("2026-01-01T00:00:00.000Z");
    }

    @Test
    void fieldBoundariesAndAbsentValuesCannotBeConfused() {
        String ab = canonical.hash(1, "ab", "c", null, null, AT, "x", null, null, AuditCanonical.GENESIS);
        String a = canonical.hash(1, "a", "bc", null, null, AT, "x", null, null, AuditCanonical.GENESIS);
        String empty = canonical.hash(1, "ab", "c", "", null, AT, "x", null, null, AuditCanonical.GENESIS);
        assertThat(ab).isNotEqualTo(a).isNotEqualTo(empty);
        assertThat(new String(canonical.form(7, null, "LOGIN", null, null, AT, "x", null, null, "h"), StandardCharsets.ISO_8859_1))
                .startsWith("\0\0\0\u000eloket-audit-v1\0\0\0\u00017\u00ff\u00ff\u00ff\u00ff\0\0\0\u0005LOGIN");
    }

    @Test
    void signedHeadReadsBackOnlyWithItsKey() throws Exception {
        byte[] key = "k".repeat(32).getBytes(StandardCharsets.US_ASCII);
        TreeMap<Long, String> pending = new TreeMap<>();
        pending.put(13L, "b".repeat(64));
        SignedHead head = new SignedHead(new AuditHead(12, "a".repeat(64)), pending);
        byte[] file = head.encode(key);
        assertThat(new String(file, StandardCharsets.US_ASCII)).startsWith("loket-audit-head 1\nseq 12\nhash " + "a".repeat(64)
                + "\npending 13 " + "b".repeat(64) + "\nhmac ");
        assertThat(SignedHead.decode(file, key)).isEqualTo(head);

        byte[] otherKey = "j".repeat(32).getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> SignedHead.decode(file, otherKey))
                .isInstanceOfSatisfying(SignedHead.Invalid.class, e -> assertThat(e.forged()).isTrue());
        byte[] edited = new String(file, StandardCharsets.US_ASCII).replace("seq 12", "seq 11").getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> SignedHead.decode(edited, key))
                .isInstanceOfSatisfying(SignedHead.Invalid.class, e -> assertThat(e.forged()).isTrue());
        assertThatThrownBy(() -> SignedHead.decode("nonsense".getBytes(StandardCharsets.US_ASCII), key))
                .isInstanceOfSatisfying(SignedHead.Invalid.class, e -> assertThat(e.forged()).isFalse());
    }
}
