package id.loket.appointment.model;

import id.loket.common.model.Sex;
import java.time.LocalDate;
import java.util.List;

/**
 * The person a booking is for, exactly as central sent it. Names are kept byte for byte:
 * one word is a whole name, and nothing is trimmed, case-folded or shortened.
 */
public record Applicant(
        String nik,
        String fullName,
        LocalDate birthDate,
        String birthPlace,
        Sex sex,
        boolean married,
        String phone,
        String email,
        String oldPassportNumber,
        List<Guardian> guardians) {

    public Applicant {
        guardians = guardians == null ? List.of() : List.copyOf(guardians);
    }
}
