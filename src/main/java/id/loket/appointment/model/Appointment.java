package id.loket.appointment.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One booking of the office, in the shape of central's contract (see docs/central-contract.md).
 * The local store keeps, per {@link #id()}, the item with the highest {@link #version()}.
 */
public record Appointment(
        String id,
        long version,
        String bookingCode,
        String office,
        LocalDate date,
        String slotStart,
        String slotEnd,
        AppointmentStatus status,
        LocalDate rescheduledTo,
        ServiceType service,
        PassportType passportType,
        Integer validityYears,
        boolean sameDay,
        Applicant applicant,
        Payment payment,
        OffsetDateTime updatedAt) {

    public Appointment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(applicant, "applicant");
        Objects.requireNonNull(payment, "payment");
    }

    /** True if {@code other} is a newer state of this booking and should replace it. */
    public boolean isSupersededBy(Appointment other) {
        return other.version > version;
    }
}
