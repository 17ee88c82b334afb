package id.loket.checkin.model;

import id.loket.appointment.model.PassportType;
import id.loket.appointment.model.ServiceType;
import id.loket.common.model.Sex;
import id.loket.casefile.model.PriorityCategory;
import java.time.LocalDate;

/** What the walk-in form records. {@code priority} null means an ordinary walk-in (series W). */
public record WalkInForm(
        String nik,
        String fullName,
        LocalDate birthDate,
        String birthPlace,
        Sex sex,
        boolean married,
        ServiceType service,
        PassportType passportType,
        int validityYears,
        PriorityCategory priority) {
}
