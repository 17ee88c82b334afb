package id.loket.casefile.model;

import id.loket.common.model.Sex;
import java.time.LocalDate;

/** The applicant as the case holds them: from the booking, or as the walk-in form recorded them. */
public record Person(String nik, String fullName, LocalDate birthDate, String birthPlace, Sex sex, boolean married) {

    /** Age in whole years on {@code day}. */
    public int ageOn(LocalDate day) {
        return java.time.Period.between(birthDate, day).getYears();
    }

    /** A minor is under 17 and unmarried on the appointment date. */
    public boolean isMinorOn(LocalDate day) {
        return ageOn(day) < 17 && !married;
    }
}
