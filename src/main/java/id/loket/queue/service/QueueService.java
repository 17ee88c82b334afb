package id.loket.queue.service;

import org.jooq.DSLContext;
import id.loket.staff.model.Unguarded;
import id.loket.appointment.service.Appointments;
import id.loket.casefile.service.Cases;
import id.loket.staff.service.Authorization;
import id.loket.staff.model.Session;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Guarded;
import id.loket.appointment.model.Appointment;
import id.loket.casefile.model.CaseFile;
import id.loket.db.Database;
import id.loket.queue.model.DayCounts;
import id.loket.queue.model.QueueDay;
import id.loket.queue.model.QueueEntry;
import id.loket.queue.repo.DayLineRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the day's queue from the local store: it works the same whether central is up or not. */
public final class QueueService {

    private final Database db;
    private final Authorization authorization;

    public QueueService(Database db) {
        this.authorization = new Authorization(db);
        this.db = db;
    }

    /** When the last booked slot of the day at {@code office} ends ("HH:mm"), null without bookings: inside the caller's transaction. */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public static String lastSlotEnd(DSLContext tx, String office, LocalDate date) {
        return new DayLineRepository(tx).lastSlotEnd(office, date);
    }

    /** The day's counts at {@code office} (view day_line), for the dashboard: inside the caller's transaction. */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public static DayCounts dayCounts(DSLContext tx, String office, LocalDate date) {
        return new DayLineRepository(tx).counts(office, date);
    }

    /**
     * The day's bookings (by slot) with their cases where the applicant checked in, then the
     * cases without a booking of the day (walk-ins, and bookings moved away after check-in)
     * in queue order. Read in one transaction, so a case and its booking agree.
     */
    @Guarded(Permission.VIEW_QUEUE)
    public List<QueueEntry> day(Session session, String office, LocalDate date) {
        authorization.require(session, Permission.VIEW_QUEUE);
        return db.inTransaction(tx -> entries(tx, office, date));
    }

    /**
     * The queue's lines as {@link #day} reads them and the day's figures (appointments,
     * arrivals, belum datang, no-shows, waiting) as the view {@code day_line} defines them — the
     * figures the dashboard and the daily summary show — in one transaction. The queue's count
     * line shows these figures, not the number of its lines (which also lists cancelled bookings
     * so an officer can tell the applicant).
     */
    @Guarded(Permission.VIEW_QUEUE)
    public QueueDay dayWithCounts(Session session, String office, LocalDate date) {
        authorization.require(session, Permission.VIEW_QUEUE);
        return db.inTransaction(tx -> new QueueDay(entries(tx, office, date), new DayLineRepository(tx).counts(office, date)));
    }

    /**
     * The lines of the cases {@code caseRefs} as {@link #dayWithCounts} reads them (each case with
     * its booking if that is of the day) and the day's figures, in one transaction: what a queue
     * needs when the change feed told of just these cases. Cases of another day are left out.
     * Empty when one of them is gone (a check-in undone: its booking's line must lose its case),
     * so the caller reads the day.
     */
    @Guarded(Permission.VIEW_QUEUE)
    public Optional<QueueDay> casesWithCounts(Session session, String office, LocalDate date, Collection<String> caseRefs) {
        authorization.require(session, Permission.VIEW_QUEUE);
        return db.inTransaction(tx -> {
            Cases cases = new Cases(tx);
            List<CaseFile> found = cases.findOfDay(office, date, caseRefs);
            if (found.size() < caseRefs.size()) {
                Set<String> there = found.stream().map(CaseFile::caseRef).collect(Collectors.toSet());
                if (caseRefs.stream().anyMatch(ref -> !there.contains(ref) && cases.find(ref).isEmpty())) {
                    return Optional.<QueueDay>empty();
                }
            }
            Appointments bookings = new Appointments(tx);
            List<QueueEntry> entries = new ArrayList<>(found.size());
            for (CaseFile c : found) {
                Optional<Appointment> booking = c.appointmentId() == null ? Optional.empty()
                        : bookings.findById(c.appointmentId()).filter(a -> a.office().equals(office) && a.date().equals(date));
                entries.add(booking.map(a -> new QueueEntry(a, c)).orElseGet(() -> QueueEntry.caseOnly(c)));
            }
            return Optional.of(new QueueDay(entries, new DayLineRepository(tx).counts(office, date)));
        });
    }

    private static List<QueueEntry> entries(DSLContext tx, String office, LocalDate date) {
        List<Appointment> bookings = new Appointments(tx).findByDate(office, date);
        Map<String, CaseFile> byAppointment = new HashMap<>();
        List<CaseFile> cases = new Cases(tx).findDay(office, date);
        for (CaseFile c : cases) {
            if (c.appointmentId() != null) {
                byAppointment.put(c.appointmentId(), c);
            }
        }
        List<QueueEntry> entries = new ArrayList<>(bookings.size() + cases.size());
        for (Appointment a : bookings) {
            entries.add(new QueueEntry(a, byAppointment.remove(a.id())));
        }
        for (CaseFile c : cases) {
            if (c.appointmentId() == null || byAppointment.containsKey(c.appointmentId())) {
                entries.add(QueueEntry.caseOnly(c));
            }
        }
        return entries;
    }
}
