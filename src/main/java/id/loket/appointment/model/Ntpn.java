package id.loket.appointment.model;

import id.loket.common.model.UserFacingException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An NTPN (Nomor Transaksi Penerimaan Negara): the number on the applicant's proof of payment,
 * 16 letters or digits. Typed in lower case or with spaces around it, it is read in capitals
 * and stripped. The one place the format is written.
 */
public record Ntpn(String value) {

    /** The message key for text that is not an NTPN. */
    public static final String BAD_INPUT_KEY = "payment.badNtpn";

    private static final Pattern FORMAT = Pattern.compile("[0-9A-Z]{16}");

    public Ntpn {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("not an NTPN");
        }
    }

    /** The NTPN typed or scanned as {@code text}, or empty when it is not one. */
    public static Optional<Ntpn> tryParse(String text) {
        String clean = clean(text);
        return FORMAT.matcher(clean).matches() ? Optional.of(new Ntpn(clean)) : Optional.empty();
    }

    /**
     * The NTPN typed or scanned as {@code text}.
     *
     * @throws UserFacingException {@value #BAD_INPUT_KEY} when it is not one
     */
    public static Ntpn parse(String text) {
        return tryParse(text).orElseThrow(() -> new UserFacingException(BAD_INPUT_KEY));
    }

    /** Whether {@code text} reads as an NTPN (for a field's check while typing). */
    public static boolean isValid(String text) {
        return tryParse(text).isPresent();
    }

    private static String clean(String text) {
        return text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
