package id.loket.appointment.service;

import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.UpsertCounts;
import id.loket.appointment.repo.AppointmentRepository;
import id.loket.staff.model.Unguarded;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The appointments as other features may read and (sync's pull) write them: inside the caller's
 * transaction, after the caller checked the session. Other features use this, never the
 * repository (ArchitectureTest).
 */
public final class Appointments {

    private final AppointmentRepository repo;

    /** The appointments inside the caller's transaction {@code tx}. */
    public Appointments(DSLContext tx) {
        this.repo = new AppointmentRepository(tx);
    }

    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public Optional<Appointment> findById(String id) {
        return repo.findById(id);
    }

    /** The stored ones of these ids, in no particular order (sync's pull reads a page's worth at once). */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public List<Appointment> findByIds(Collection<String> ids) {
        return repo.findByIds(ids);
    }

    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public List<Appointment> findByDate(String office, LocalDate date) {
        return repo.findByDate(office, date);
    }

    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public List<Appointment> findByBookingCode(String bookingCode) {
        return repo.findByBookingCode(bookingCode);
    }

    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public boolean recordedNoShow(String id) {
        return repo.recordedNoShow(id);
    }

    /** Takes central's appointments where they are newer than ours (sync's pull, as the system principal). */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public UpsertCounts upsertNewer(List<Appointment> items, OffsetDateTime pulledAt) {
        return repo.upsertNewer(items, pulledAt);
    }
}
