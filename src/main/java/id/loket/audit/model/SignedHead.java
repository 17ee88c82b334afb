package id.loket.audit.model;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What the head file {@code audit.head} holds: the last entry whose transaction committed
 * ({@code confirmed}), and the entries being committed when it was written ({@code pending},
 * usually none). A pending entry is signed just before its transaction commits and confirmed
 * just after, so a Loket killed between the commit and the confirmation leaves a file that
 * still covers the entry: verify tells that apart from tampering.
 *
 * <p>The format is ASCII lines, each ending in LF, exactly:
 * <pre>
 * loket-audit-head 1
 * seq &lt;decimal&gt;
 * hash &lt;64 hex&gt;
 * pending &lt;decimal&gt; &lt;64 hex&gt;      (zero or more, ascending)
 * hmac &lt;64 hex&gt;
 * </pre>
 * where {@code hmac} is HMAC-SHA256, with the folder's audit key, over every byte of the file
 * before the {@code hmac} line. Hex is lower case.
 */
public record SignedHead(AuditHead confirmed, SortedMap<Long, String> pending) {

    private static final String MAGIC = "loket-audit-head 1";
    private static final HexFormat HEX = HexFormat.of();

    public SignedHead {
        pending = Collections.unmodifiableSortedMap(new TreeMap<>(pending));
    }

    public SignedHead(AuditHead confirmed) {
        this(confirmed, new TreeMap<>());
    }

    /** A head file that cannot be trusted: unreadable, malformed, or signed with another key (or not at all). */
    public static final class Invalid extends Exception {
        private final boolean forged;

        public Invalid(String message, boolean forged) {
            super(message);
            this.forged = forged;
        }

        /** True when the file is well formed but its signature does not match: written by someone without the key. */
        public boolean forged() {
            return forged;
        }
    }

    /** The file's bytes, signed with {@code key}. */
    public byte[] encode(byte[] key) {
        StringBuilder s = new StringBuilder(256).append(MAGIC).append('\n')
                .append("seq ").append(confirmed.seq()).append('\n')
                .append("hash ").append(confirmed.hash()).append('\n');
        for (Map.Entry<Long, String> p : pending.entrySet()) {
            s.append("pending ").append(p.getKey()).append(' ').append(p.getValue()).append('\n');
        }
        String body = s.toString();
        return (body + "hmac " + HEX.formatHex(mac(key, body.getBytes(StandardCharsets.US_ASCII))) + "\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Reads a head file's bytes, checking its signature with {@code key}. */
    public static SignedHead decode(byte[] file, byte[] key) throws Invalid {
        String text = new String(file, StandardCharsets.US_ASCII);
        int hmacAt = text.lastIndexOf("hmac ");
        if (!text.startsWith(MAGIC + "\n") || hmacAt < 0 || (hmacAt > 0 && text.charAt(hmacAt - 1) != '\n') || !text.endsWith("\n")) {
            throw new Invalid("not a head file", false);
        }
        String body = text.substring(0, hmacAt);
        String given = text.substring(hmacAt + 5, text.length() - 1);
        if (!given.matches("[0-9a-f]{64}")) {
            throw new Invalid("no signature", false);
        }
        if (!MessageDigest.isEqual(HEX.parseHex(given), mac(key, body.getBytes(StandardCharsets.US_ASCII)))) {
            throw new Invalid("signature does not match the key", true);
        }
        String[] lines = body.split("\n");
        if (lines.length < 3 || !lines[1].matches("seq (0|[1-9][0-9]{0,18})") || !lines[2].matches("hash [0-9a-f]{64}")) {
            throw new Invalid("malformed head", false);
        }
        AuditHead confirmed = new AuditHead(Long.parseLong(lines[1].substring(4)), lines[2].substring(5));
        TreeMap<Long, String> pending = new TreeMap<>();
        for (int i = 3; i < lines.length; i++) {
            if (!lines[i].matches("pending [1-9][0-9]{0,18} [0-9a-f]{64}")) {
                throw new Invalid("malformed pending line", false);
            }
            String[] p = lines[i].split(" ");
            pending.put(Long.parseLong(p[1]), p[2]);
        }
        return new SignedHead(confirmed, pending);
    }

    static byte[] mac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 with a " + key.length + "-byte key", e);
        }
    }
}
