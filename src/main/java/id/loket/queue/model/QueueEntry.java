package id.loket.queue.model;

import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.ServiceType;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.QueueNumber;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One line of today's queue: a booking, its case once the applicant checked in, or a case
 * with no booking (a walk-in, or a booking moved to another day after check-in).
 * At least one of the two is present.
 */
public record QueueEntry(Appointment appointment, CaseFile caseFile) {

    public QueueEntry {
        if (appointment == null && caseFile == null) {
            throw new IllegalArgumentException("a queue entry needs a booking or a case");
        }
    }

    /** A booking nobody has checked in yet. */
    public QueueEntry(Appointment appointment) {
        this(Objects.requireNonNull(appointment, "appointment"), null);
    }

    /** A case without a booking of the day (a walk-in). */
    public static QueueEntry caseOnly(CaseFile caseFile) {
        return new QueueEntry(null, Objects.requireNonNull(caseFile, "caseFile"));
    }

    /** What identifies the line across reloads: the case, or the booking before check-in. */
    public String key() {
        return caseFile != null ? caseFile.caseRef() : appointment.id();
    }

    public boolean hasCase() {
        return caseFile != null;
    }

    /** The booked slot ({@code 08:00–08:30}), or null for a walk-in. */
    public String slot() {
        if (appointment == null) {
            return null;
        }
        return appointment.slotEnd() == null ? appointment.slotStart() : appointment.slotStart() + "–" + appointment.slotEnd();
    }

    /** The booking code, or the walk-in's own reference. */
    public String code() {
        return appointment != null ? appointment.bookingCode() : caseFile.caseRef();
    }

    public String fullName() {
        return appointment != null ? appointment.applicant().fullName() : caseFile.applicant().fullName();
    }

    public String nik() {
        return appointment != null ? appointment.applicant().nik() : caseFile.applicant().nik();
    }

    public ServiceType service() {
        return caseFile != null ? caseFile.service() : appointment.service();
    }

    /** The queue number given at check-in, or null before. */
    public QueueNumber queueNumber() {
        return caseFile == null ? null : caseFile.queueNumber();
    }

    /** The case's state, or null before check-in. */
    public CaseStatus caseStatus() {
        return caseFile == null ? null : caseFile.status();
    }

    /** The counter the case was called to, or null. */
    public String counter() {
        return caseFile == null ? null : caseFile.counter();
    }

    /** Checked in and not yet called to a counter. */
    public boolean isWaiting() {
        return caseFile != null && caseFile.status() == CaseStatus.CHECKED_IN;
    }

    /**
     * How long the applicant has waited: until {@code now} while still waiting, until the call
     * once called; null before check-in or when the case never waited for a call.
     */
    public Duration waiting(OffsetDateTime now) {
        if (caseFile == null || caseFile.checkedInAt() == null) {
            return null;
        }
        OffsetDateTime end = isWaiting() ? now : caseFile.calledAt();
        if (end == null) {
            return null;
        }
        Duration d = Duration.between(caseFile.checkedInAt(), end);
        return d.isNegative() ? Duration.ZERO : d;
    }
}
