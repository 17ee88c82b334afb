package id.loket.receipt.model;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** An Indonesian passport number: one letter and seven digits (electronic passports start with X). */
public final class PassportNumber {

    private static final Pattern FORMAT = Pattern.compile("[A-Z][0-9]{7}");

    private PassportNumber() {
    }

    /** The number in upper case without spaces, or empty when it is not one. */
    public static Optional<String> normalize(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String clean = text.replace(" ", "").strip().toUpperCase(Locale.ROOT);
        return FORMAT.matcher(clean).matches() ? Optional.of(clean) : Optional.empty();
    }
}
