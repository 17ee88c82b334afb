package id.loket.checkin.ui;

import id.loket.appointment.model.Limits;
import id.loket.appointment.model.PassportType;
import id.loket.appointment.model.ServiceType;
import id.loket.common.model.Sex;
import id.loket.casefile.model.PriorityCategory;
import id.loket.checkin.model.WalkInForm;
import id.loket.common.model.InvalidNikException;
import id.loket.common.model.Nik;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The walk-in form without Swing: what the officer typed, checked field by field so the
 * dialog can point at the field to fix. The service checks again.
 */
public final class WalkInFormModel {

    public enum Field { NIK, NAME, BIRTH_DATE, BIRTH_PLACE, SEX, SERVICE, PASSPORT_TYPE, VALIDITY }

    /** What is wrong, with which field: a message key of the bundle and its arguments. */
    public record Problem(Field field, String key, Object... args) {
    }

    /** What the NIK field says while it is typed: a problem, or (once whole) what the NIK encodes. */
    public record NikFeedback(Problem problem, LocalDate birthDate, Sex sex, int digits) {
        public boolean ok() {
            return problem == null && birthDate != null;
        }
    }

    /** The form's outcome: a form to register, or the first problem. */
    public record Checked(WalkInForm form, Problem problem) {
    }

    private static final Pattern DMY = Pattern.compile("(\\d{1,2})[-/. ](\\d{1,2})[-/. ](\\d{4})");
    private static final Pattern DMY_COMPACT = Pattern.compile("(\\d{2})(\\d{2})(\\d{4})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");

    private WalkInFormModel() {
    }

    /**
     * Feedback as the NIK is typed: letters are refused at once, a short NIK only counted,
     * a whole one checked.
     */
    public static NikFeedback nik(String text, LocalDate today) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return new NikFeedback(null, null, null, 0);
        }
        if (!t.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
            return new NikFeedback(problemOf(new InvalidNikException(Nik.Problem.NOT_DIGITS, t)), null, null, t.length());
        }
        if (t.length() > 16) {
            return new NikFeedback(problemOf(new InvalidNikException(Nik.Problem.LENGTH, t)), null, null, t.length());
        }
        if (t.length() < 16) {
            return new NikFeedback(null, null, null, t.length());
        }
        try {
            Nik nik = Nik.parse(t);
            return new NikFeedback(null, nik.birthDate(today), nik.sex(), 16);
        } catch (InvalidNikException e) {
            return new NikFeedback(problemOf(e), null, null, 16);
        }
    }

    private static Problem problemOf(InvalidNikException e) {
        return new Problem(Field.NIK, e.key(), e.args());
    }

    /** A birth date as typed at an Indonesian counter: 17-08-1990, 17/8/1990, 17081990, or 1990-08-17. */
    public static Optional<LocalDate> parseDate(String text) {
        String t = text == null ? "" : text.strip();
        try {
            Matcher m = DMY.matcher(t);
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
            }
            m = DMY_COMPACT.matcher(t);
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))));
            }
            m = ISO.matcher(t);
            if (m.matches()) {
                return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The passport validity the rules give: 5 years for a minor (under 17 and unmarried), else 10. */
    public static int defaultValidity(LocalDate birthDate, boolean married, LocalDate today) {
        return birthDate != null && Period.between(birthDate, today).getYears() < 17 && !married ? 5 : 10;
    }

    /** Checks every field in the order of the form and builds the walk-in form. */
    public static Checked check(String nik, String fullName, String birthDate, String birthPlace, Sex sex, boolean married,
            ServiceType service, PassportType passportType, Integer validityYears, PriorityCategory priority, LocalDate today) {
        NikFeedback f = nik(nik, today);
        if (f.problem() != null) {
            return new Checked(null, f.problem());
        }
        if (!f.ok()) {
            return new Checked(null, problemOf(new InvalidNikException(Nik.check(nik == null ? "" : nik.strip()), nik == null ? "" : nik.strip())));
        }
        if (fullName == null || fullName.isBlank()) {
            return new Checked(null, new Problem(Field.NAME, "walkin.nameMissing"));
        }
        int length = fullName.strip().codePointCount(0, fullName.strip().length());
        if (length > Limits.FULL_NAME) {
            return new Checked(null, new Problem(Field.NAME, "walkin.nameTooLong", length, Limits.FULL_NAME));
        }
        Optional<LocalDate> born = parseDate(birthDate);
        if (born.isEmpty()) {
            return new Checked(null, new Problem(Field.BIRTH_DATE, "counter.walkin.badDate"));
        }
        if (born.get().isAfter(today)) {
            return new Checked(null, new Problem(Field.BIRTH_DATE, "walkin.birthDate"));
        }
        String place = birthPlace == null || birthPlace.isBlank() ? null : birthPlace.strip();
        if (place != null && place.length() > Limits.BIRTH_PLACE) {
            return new Checked(null, new Problem(Field.BIRTH_PLACE, "walkin.birthPlaceTooLong", Limits.BIRTH_PLACE));
        }
        if (sex == null) {
            return new Checked(null, new Problem(Field.SEX, "walkin.incomplete"));
        }
        if (service == null) {
            return new Checked(null, new Problem(Field.SERVICE, "walkin.incomplete"));
        }
        if (passportType == null) {
            return new Checked(null, new Problem(Field.PASSPORT_TYPE, "walkin.incomplete"));
        }
        if (validityYears == null || (validityYears != 5 && validityYears != 10)) {
            return new Checked(null, new Problem(Field.VALIDITY, "walkin.validity"));
        }
        return new Checked(new WalkInForm(nik.strip(), fullName.strip(), born.get(), place, sex, married, service, passportType,
                validityYears, priority), null);
    }
}
