package id.loket.supervisor.service;

import id.loket.staff.service.Officer;
import id.loket.staff.model.Session;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Guarded;
import id.loket.casefile.model.CaseAction;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.EventType;
import id.loket.casefile.service.CaseWork;
import id.loket.casefile.service.CaseWork.Event;
import id.loket.casefile.service.CaseWork.Step;
import id.loket.common.model.UserFacingException;
import id.loket.staff.model.Role;
import id.loket.supervisor.model.DayClosing;
import id.loket.supervisor.model.OpenCase;
import id.loket.supervisor.repo.SupervisorRepository;
import id.loket.supervisor.repo.SupervisorRepository.Candidate;
import id.loket.supervisor.repo.SupervisorRepository.DayCase;
import id.loket.audit.model.OfficeAction;
import id.loket.audit.AuditTrail;
import id.loket.queue.service.QueueService;
import java.time.LocalDate;
import java.time.LocalTime;
import id.loket.casefile.service.Outbox;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closing the day, by a supervisor: every booking of the date still BOOKED (at the highest version
 * pulled from central) that was never checked in becomes a no-show, recorded once with its audit
 * row and a NO_SHOW event for central in the same transaction; and the cases still open are listed
 * for the supervisor to follow up. Closing again records nothing new.
 *
 * <p>A no-show is a row of {@code no_show}, not a case: it never had a queue number, a check-in time
 * or a counter. Its audit row and event carry the appointment id as caseRef, as the contract says.
 */
public final class CloseDayService {

    /** Cases of the day whose counter work is not finished: "still open" at closing. */
    public static final Set<CaseStatus> OPEN = EnumSet.of(CaseStatus.CHECKED_IN, CaseStatus.IN_VERIFICATION, CaseStatus.VERIFIED,
            CaseStatus.INTERVIEWED, CaseStatus.APPROVAL_PENDING, CaseStatus.APPROVED, CaseStatus.ON_HOLD);

    /** No-shows written per transaction: a day's 250 bookings close in a few short transactions. */
    static final int BATCH = 50;

    private static final Logger LOG = LoggerFactory.getLogger(CloseDayService.class);

    private final CaseWork work;
    private final String office;

    public CloseDayService(CaseWork work, String office) {
        this(work, office, session -> { });
    }

    /**
     * {@code afterClose} runs once the day is closed, as the supervisor who closed it (the desk
     * makes the day's backup there); its failure is logged and does not undo the closing.
     */
    public CloseDayService(CaseWork work, String office, java.util.function.Consumer<Session> afterClose) {
        this.work = work;
        this.office = office;
        this.afterClose = afterClose;
    }

    private final java.util.function.Consumer<Session> afterClose;

    /** The longest reason for an early closing kept in the audit trail. */
    public static final int REASON_MAX = 500;

    /**
     * What closing {@code date} now would record (the no-shows), the cases still open, the sync
     * conflicts still open, and whether it would be before the end of the day's last slot (then
     * closing needs a reason); changes nothing.
     */
    @Guarded(Permission.CLOSE_DAY)
    public DayClosing preview(LocalDate date, Session session) {
        Officer actor = work.require(session, Permission.CLOSE_DAY);
        return work.db().inTransaction(tx -> {
            SupervisorRepository repo = new SupervisorRepository(tx);
            Set<String> codes = new TreeSet<>(repo.recordedNoShows(office, date));
            repo.candidates(office, date, Integer.MAX_VALUE).forEach(c -> codes.add(c.bookingCode()));
            return closing(tx, repo, date, new ArrayList<>(codes), repo.closing(office, date).isPresent());
        });
    }

    /** Closes {@code date} with no reason: refused before the end of the day's last slot (see {@link #close(LocalDate, Session, String)}). */
    @Guarded(Permission.CLOSE_DAY)
    public DayClosing close(LocalDate date, Session session) {
        return close(date, session, null);
    }

    /**
     * Closes {@code date}: records the no-shows (in batches of {@value #BATCH}, each batch one
     * transaction with its audit rows and events) and that the day was closed, by whom and when.
     * A date after today is refused: its applicants may still come. Today before the end of its
     * last booked slot is refused too unless {@code reason} says why (the applicants of the later
     * slots would all become no-shows); the reason is audited (DAY_CLOSED_EARLY).
     */
    @Guarded(Permission.CLOSE_DAY)
    public DayClosing close(LocalDate date, Session session, String reason) {
        Officer actor = work.require(session, Permission.CLOSE_DAY);
        if (date.isAfter(LocalDate.now(work.clock()))) {
            throw new UserFacingException("supervisor.close.futureDay", date.toString());
        }
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > REASON_MAX) {
            throw new UserFacingException("supervisor.close.reasonTooLong", REASON_MAX);
        }
        // one transaction: whether it is early (refused without a reason, audited with one) and whether it was closed before
        boolean alreadyClosed = work.db().inTransaction(tx -> {
            LocalTime lastEnd = lastSlotEnd(tx, date);
            if (isEarly(date, lastEnd)) {
                if (why == null) {
                    throw new UserFacingException("supervisor.close.tooEarly", lastEnd.toString());
                }
                new AuditTrail(tx).appendOffice(OfficeAction.DAY_CLOSED_EARLY, actor.username(), actor.counter(),
                        "closing " + office + " " + date + " before the last slot ends at " + lastEnd + ": " + why, work.now());
            }
            return new SupervisorRepository(tx).closing(office, date).isPresent();
        });
        int recorded = 0;
        while (true) {
            int[] batch = work.db().inTransaction(tx -> recordBatch(tx, date, actor));
            recorded += batch[1];
            if (batch[0] < BATCH) {
                break;
            }
        }
        int total = recorded;
        DayClosing result = work.db().inTransaction(tx -> {
            SupervisorRepository repo = new SupervisorRepository(tx);
            repo.markClosed(office, date, work.now(), actor.username(), total);
            return closing(tx, repo, date, repo.recordedNoShows(office, date), alreadyClosed);
        });
        LOG.info("Day {} {} closed by {}: {} no-shows recorded now, {} in all; {} cases still open", office, date,
                actor.username(), recorded, result.noShows(), result.open().size());
        purgeSentEvents();
        try {
            afterClose.accept(session);
        } catch (RuntimeException e) {
            LOG.warn("After closing {} {}: {}", office, date, e.getMessage());
        }
        return result;
    }

    /** The setting: days an event central took is kept in the outbox (0: for ever). */
    public static final String KEEP_SENT_SETTING = "outbox.keepSentDays";
    public static final int DEFAULT_KEEP_SENT_DAYS = 90;
    private static final int PURGE_BATCH = 10_000;

    /**
     * Housekeeping at the closing: events central took more than {@code outbox.keepSentDays} days
     * ago leave the outbox, in transactions of {@value #PURGE_BATCH}, so the outbox stays the size
     * of a few months whatever the office's age. Their steps stay in the audit trail; the
     * outage-log report of a day older than that finds no events. A failure is logged and does
     * not undo the closing.
     */
    private void purgeSentEvents() {
        try {
            int days = work.db().inTransaction(tx -> keepSentDays(new id.loket.settings.Settings(tx).get(KEEP_SENT_SETTING).orElse(null)));
            if (days == 0) {
                return;
            }
            OffsetDateTime before = work.now().minusDays(days);
            int purged = 0;
            int n;
            do {
                n = work.db().inTransaction(tx -> new Outbox(tx).purgeSent(before, PURGE_BATCH));
                purged += n;
            } while (n == PURGE_BATCH);
            if (purged > 0) {
                LOG.info("Outbox housekeeping: {} events sent before {} removed", purged, before);
            }
        } catch (RuntimeException e) {
            LOG.warn("Outbox housekeeping at the closing of {}: {}", office, e.getMessage());
        }
    }

    /** The setting's value: a whole number of days, 0 to 3650; anything else falls back to the default, with a warning. */
    public static int keepSentDays(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_KEEP_SENT_DAYS;
        }
        try {
            int days = Integer.parseInt(value.strip());
            if (days >= 0 && days <= 3650) {
                return days;
            }
        } catch (NumberFormatException e) {
            // the default below
        }
        LOG.warn("Setting {}={} is not 0 to 3650 days: {} days are kept", KEEP_SENT_SETTING, value, DEFAULT_KEEP_SENT_DAYS);
        return DEFAULT_KEEP_SENT_DAYS;
    }

    /** One transaction: up to BATCH candidates recorded. Answers {candidates seen, no-shows recorded}. */
    private int[] recordBatch(org.jooq.DSLContext tx, LocalDate date, Officer actor) {
        SupervisorRepository repo = new SupervisorRepository(tx);
        List<Candidate> candidates = repo.candidates(office, date, BATCH);
        OffsetDateTime now = work.now();
        int recorded = 0;
        for (Candidate c : candidates) {
            if (repo.insertNoShow(office, date, c, now, actor.username())) {
                work.record(tx, c.appointmentId(), actor, now, List.of(new Step(CaseAction.NO_SHOW, null, CaseStatus.NO_SHOW,
                        "no-show " + c.bookingCode() + " (version " + c.version() + ") at closing of " + date,
                        List.of(new Event(EventType.NO_SHOW, CaseWork.data())))));
                recorded++;
            }
        }
        return new int[] {candidates.size(), recorded};
    }

    /** The end of the day's last booked slot, or null with no booking. */
    private LocalTime lastSlotEnd(org.jooq.DSLContext tx, LocalDate date) {
        String end = QueueService.lastSlotEnd(tx, office, date);
        try {
            return end == null ? null : LocalTime.parse(end);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** Closing {@code date} now is before the end of its last slot (only today can be: earlier days are over). */
    private boolean isEarly(LocalDate date, LocalTime lastEnd) {
        if (lastEnd == null) {
            return false;
        }
        java.time.LocalDateTime now = java.time.LocalDateTime.now(work.clock());
        return now.isBefore(date.atTime(lastEnd));
    }

    private DayClosing closing(org.jooq.DSLContext tx, SupervisorRepository repo, LocalDate date, List<String> noShowCodes,
            boolean alreadyClosed) {
        Map<CaseStatus, Integer> byStatus = new EnumMap<>(CaseStatus.class);
        List<OpenCase> open = new ArrayList<>();
        for (DayCase c : repo.dayCases(office, date, OPEN)) {
            byStatus.merge(c.status(), 1, Integer::sum);
            open.add(new OpenCase(c.caseRef(), c.queueNumber(), c.name(), c.status(), c.counter()));
        }
        LocalTime lastEnd = lastSlotEnd(tx, date);
        return new DayClosing(date, noShowCodes.size(), noShowCodes, byStatus, open, alreadyClosed, lastEnd,
                !alreadyClosed && isEarly(date, lastEnd), repo.openConflicts());
    }
}
