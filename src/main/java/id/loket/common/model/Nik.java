package id.loket.common.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A Nomor Induk Kependudukan: 16 digits {@code PP KK CC DD MM YY SSSS}. There is no check
 * digit; a NIK is well-formed when its province code is known and its date part is a real
 * date (women's day + 40). Whether it agrees with a booking's birth date and sex is a
 * separate question: a disagreement is a warning for the officer, not a refusal.
 */
public final class Nik {

    /** The 38 province codes in use. */
    public static final Set<Integer> PROVINCE_CODES = Set.of(
            11, 12, 13, 14, 15, 16, 17, 18, 19, 21,
            31, 32, 33, 34, 35, 36,
            51, 52, 53,
            61, 62, 63, 64, 65,
            71, 72, 73, 74, 75, 76,
            81, 82,
            91, 92, 93, 94, 95, 96);

    /** Why a text is not a NIK. */
    public enum Problem { EMPTY, LENGTH, NOT_DIGITS, PROVINCE, DATE, SERIAL }

    private final String digits;

    private Nik(String digits) {
        this.digits = digits;
    }

    /** Parses a NIK or says why it is not one. */
    public static Nik parse(String text) {
        Problem problem = check(text);
        if (problem != null) {
            throw new InvalidNikException(problem, text);
        }
        return new Nik(text);
    }

    public static boolean isValid(String text) {
        return check(text) == null;
    }

    /** The first problem found, or {@code null} for a well-formed NIK. */
    public static Problem check(String text) {
        if (text == null || text.isEmpty()) {
            return Problem.EMPTY;
        }
        if (text.length() != 16) {
            return Problem.LENGTH;
        }
        for (int i = 0; i < 16; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return Problem.NOT_DIGITS;
            }
        }
        if (!PROVINCE_CODES.contains(Integer.parseInt(text.substring(0, 2)))) {
            return Problem.PROVINCE;
        }
        int day = Integer.parseInt(text.substring(6, 8));
        int month = Integer.parseInt(text.substring(8, 10));
        int yy = Integer.parseInt(text.substring(10, 12));
        if (day > 40) {
            day -= 40;
        }
        if (!isRealDate(1900 + yy, month, day) && !isRealDate(2000 + yy, month, day)) {
            return Problem.DATE;
        }
        if (Integer.parseInt(text.substring(12)) == 0) {
            return Problem.SERIAL;
        }
        return null;
    }

    private static boolean isRealDate(int year, int month, int day) {
        try {
            LocalDate.of(year, month, day);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    public String digits() {
        return digits;
    }

    public int provinceCode() {
        return Integer.parseInt(digits.substring(0, 2));
    }

    public Sex sex() {
        return Integer.parseInt(digits.substring(6, 8)) > 40 ? Sex.F : Sex.M;
    }

    /**
     * The birth date the NIK encodes. The two-digit year is read as the latest year not after
     * {@code today}; a date that does not exist in that century falls back to the previous one.
     */
    public LocalDate birthDate(LocalDate today) {
        int day = Integer.parseInt(digits.substring(6, 8));
        if (day > 40) {
            day -= 40;
        }
        int month = Integer.parseInt(digits.substring(8, 10));
        int yy = Integer.parseInt(digits.substring(10, 12));
        int century = today.getYear() / 100 * 100;
        int year = century + yy > today.getYear() ? century - 100 + yy : century + yy;
        if (!isRealDate(year, month, day) || LocalDate.of(year, month, day).isAfter(today)) {
            year -= 100;
        }
        return LocalDate.of(year, month, day);
    }

    /** True when the NIK's date part and sex agree with the given birth date and sex. */
    public boolean agreesWith(LocalDate birthDate, Sex sex) {
        int encodedDay = birthDate.getDayOfMonth() + (sex == Sex.F ? 40 : 0);
        String expected = String.format("%02d%02d%02d", encodedDay, birthDate.getMonthValue(), birthDate.getYear() % 100);
        return digits.substring(6, 12).equals(expected);
    }

    /** The NIK as it may appear in logs and on paper: only the last four characters (at most 12 stars before them). */
    public static String mask(String text) {
        if (text == null) {
            return "";
        }
        if (text.length() <= 4) {
            return "*".repeat(text.length());
        }
        return "*".repeat(Math.min(text.length() - 4, 12)) + text.substring(text.length() - 4);
    }

    public String masked() {
        return mask(digits);
    }

    public static Optional<Nik> tryParse(String text) {
        return isValid(text) ? Optional.of(new Nik(text)) : Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Nik other && other.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digits);
    }

    /** Masked on purpose: a NIK printed by accident must not leak. */
    @Override
    public String toString() {
        return masked();
    }
}
