package id.loket.receipt.model;

import id.loket.common.model.UserFacingException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A receipt (tanda terima) number, {@code TT-<office>-<yyyyMMdd>-<nnnn>}: the office's code
 * (2 to 10 letters), the receipt day and its number that day, counted from 1 per office and
 * day. The one place the format is written: issuing builds it here, the counter's scan field
 * and the pickup counter read it here.
 */
public record ReceiptNumber(String office, LocalDate date, int sequence) {

    /** The message key for text that is not a receipt number. */
    public static final String BAD_INPUT_KEY = "receipt.badNumber";

    private static final Pattern FORMAT = Pattern.compile("TT-([A-Z]{2,10})-(\\d{8})-(\\d{4,6})");

    public ReceiptNumber {
        Objects.requireNonNull(office, "office");
        Objects.requireNonNull(date, "date");
        if (!office.matches("[A-Z]{2,10}")) {
            throw new IllegalArgumentException("office code: " + office);
        }
        if (sequence < 1 || sequence > 999_999) {
            throw new IllegalArgumentException("sequence: " + sequence);
        }
    }

    /** The number as printed and stored, e.g. TT-DPS-20261127-0001. */
    public String text() {
        return "TT-" + office + "-" + date.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + String.format(Locale.ROOT, "%04d", sequence);
    }

    /** The receipt number typed or scanned as {@code text} (any case, spaces around), or empty when it is not one. */
    public static Optional<ReceiptNumber> tryParse(String text) {
        String clean = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
        Matcher m = FORMAT.matcher(clean);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            LocalDate day = LocalDate.parse(m.group(2), DateTimeFormatter.BASIC_ISO_DATE);
            int n = Integer.parseInt(m.group(3));
            return n < 1 ? Optional.empty() : Optional.of(new ReceiptNumber(m.group(1), day, n));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * The receipt number typed or scanned as {@code text}.
     *
     * @throws UserFacingException {@value #BAD_INPUT_KEY} (with the text) when it is not one
     */
    public static ReceiptNumber parse(String text) {
        return tryParse(text).orElseThrow(() -> new UserFacingException(BAD_INPUT_KEY, text == null ? "" : text.strip()));
    }

    /** Whether {@code text} reads as a receipt number (the counter's scan field routes it to the pickup counter). */
    public static boolean looksLike(String text) {
        return tryParse(text).isPresent();
    }

    @Override
    public String toString() {
        return text();
    }
}
