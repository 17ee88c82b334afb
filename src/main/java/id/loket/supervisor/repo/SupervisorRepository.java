package id.loket.supervisor.repo;

import static id.loket.db.jooq.Tables.APPOINTMENT;
import static id.loket.db.jooq.Tables.AUDIT_LOG;
import static id.loket.db.jooq.Tables.CASE_FILE;
import static id.loket.db.jooq.Tables.DAY_CLOSING;
import static id.loket.db.jooq.Tables.NO_SHOW;
import static id.loket.db.jooq.Tables.STAFF;
import static id.loket.db.jooq.Tables.STAFF_SESSION;
import static id.loket.db.jooq.Tables.SYNC_CONFLICT;

import id.loket.appointment.model.AppointmentStatus;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.QueueNumber;
import id.loket.casefile.model.QueueSeries;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The supervisor's reads and writes: closings, no-shows, the day's cases as the dashboard needs them. */
public final class SupervisorRepository {

    /** A booking of the day still BOOKED (at the highest version pulled), with no case and no no-show recorded. */
    public record Candidate(String appointmentId, String bookingCode, long version) {
    }

    /** Who closed a day, and when. */
    public record Closed(OffsetDateTime at, String by, int noShows) {
    }

    /** A case of the day, with what the closing and the dashboard look at. */
    public record DayCase(String caseRef, String queueNumber, String name, CaseStatus status, String counter, String officer,
            OffsetDateTime checkedInAt, OffsetDateTime calledAt) {
    }

    /** Someone signed in at a counter's desk: the counter, the account, its full name, and since when. */
    public record SignedIn(String counter, String username, String fullName, OffsetDateTime since) {
    }

    /** The moment a case of the day was finished (receipt issued, or rejected). */
    public record Finished(String caseRef, OffsetDateTime at) {
    }

    private final DSLContext ctx;

    public SupervisorRepository(DSLContext ctx) {
        this.ctx = ctx;
    }

    public Optional<Closed> closing(String office, LocalDate date) {
        return ctx.selectFrom(DAY_CLOSING).where(DAY_CLOSING.OFFICE.eq(office).and(DAY_CLOSING.CLOSING_DATE.eq(date)))
                .fetchOptional(r -> new Closed(r.getClosedAt(), r.getClosedBy(), r.getNoShows()));
    }

    /** Bookings that closing the day now would record as no-shows, by slot then booking code; at most {@code limit}. */
    public List<Candidate> candidates(String office, LocalDate date, int limit) {
        return ctx.select(APPOINTMENT.ID, APPOINTMENT.BOOKING_CODE, APPOINTMENT.VERSION)
                .from(APPOINTMENT)
                .where(APPOINTMENT.OFFICE.eq(office).and(APPOINTMENT.APPOINTMENT_DATE.eq(date))
                        .and(APPOINTMENT.STATUS.eq(AppointmentStatus.BOOKED.name()))
                        .andNotExists(DSL.selectOne().from(CASE_FILE).where(CASE_FILE.APPOINTMENT_ID.eq(APPOINTMENT.ID)))
                        .andNotExists(DSL.selectOne().from(NO_SHOW).where(NO_SHOW.APPOINTMENT_ID.eq(APPOINTMENT.ID))))
                .orderBy(APPOINTMENT.SLOT_START, APPOINTMENT.BOOKING_CODE, APPOINTMENT.ID)
                .limit(limit)
                .fetch(r -> new Candidate(r.value1(), r.value2(), r.value3()));
    }

    /** Booking codes of the no-shows recorded for the date. */
    public List<String> recordedNoShows(String office, LocalDate date) {
        return ctx.select(NO_SHOW.BOOKING_CODE).from(NO_SHOW)
                .where(NO_SHOW.OFFICE.eq(office).and(NO_SHOW.APPOINTMENT_DATE.eq(date)))
                .orderBy(NO_SHOW.BOOKING_CODE).fetch(NO_SHOW.BOOKING_CODE);
    }

    /** Records a no-show once: false when it is recorded already (another desk closed the day at the same moment). */
    public boolean insertNoShow(String office, LocalDate date, Candidate c, OffsetDateTime at, String by) {
        return ctx.insertInto(NO_SHOW)
                .set(NO_SHOW.APPOINTMENT_ID, c.appointmentId())
                .set(NO_SHOW.OFFICE, office)
                .set(NO_SHOW.APPOINTMENT_DATE, date)
                .set(NO_SHOW.BOOKING_CODE, c.bookingCode())
                .set(NO_SHOW.APPOINTMENT_VERSION, c.version())
                .set(NO_SHOW.RECORDED_AT, at)
                .set(NO_SHOW.RECORDED_BY, by)
                .onConflictDoNothing()
                .execute() == 1;
    }

    /** Remembers the first closing of the date; a later one only adds what it recorded. */
    public void markClosed(String office, LocalDate date, OffsetDateTime at, String by, int recorded) {
        int updated = ctx.update(DAY_CLOSING).set(DAY_CLOSING.NO_SHOWS, DAY_CLOSING.NO_SHOWS.plus(recorded))
                .where(DAY_CLOSING.OFFICE.eq(office).and(DAY_CLOSING.CLOSING_DATE.eq(date))).execute();
        if (updated == 0) {
            ctx.insertInto(DAY_CLOSING)
                    .set(DAY_CLOSING.OFFICE, office)
                    .set(DAY_CLOSING.CLOSING_DATE, date)
                    .set(DAY_CLOSING.CLOSED_AT, at)
                    .set(DAY_CLOSING.CLOSED_BY, by)
                    .set(DAY_CLOSING.NO_SHOWS, recorded)
                    .execute();
        }
    }

    /** The day's cases in the given statuses (all if none given), in queue order. */
    public List<DayCase> dayCases(String office, LocalDate date, Collection<CaseStatus> statuses) {
        var where = CASE_FILE.OFFICE.eq(office).and(CASE_FILE.CASE_DATE.eq(date));
        if (!statuses.isEmpty()) {
            where = where.and(CASE_FILE.STATUS.in(statuses.stream().map(Enum::name).toList()));
        }
        return ctx.select(CASE_FILE.CASE_REF, CASE_FILE.QUEUE_SERIES, CASE_FILE.QUEUE_NUMBER, CASE_FILE.FULL_NAME, CASE_FILE.STATUS,
                        CASE_FILE.COUNTER_NO, CASE_FILE.OFFICER, CASE_FILE.CHECKED_IN_AT, CASE_FILE.CALLED_AT)
                .from(CASE_FILE).where(where)
                .orderBy(CASE_FILE.QUEUE_SERIES, CASE_FILE.QUEUE_NUMBER)
                .fetch(r -> new DayCase(r.value1(), new QueueNumber(QueueSeries.valueOf(r.value2()), r.value3()).toString(), r.value4(),
                        CaseStatus.valueOf(r.value5()), r.value6(), r.value7(), r.value8(), r.value9()));
    }

    /** Slot starts ({@code HH:MM}) of the day's bookings that could be checked in. */
    public List<String> bookedSlots(String office, LocalDate date) {
        return ctx.select(APPOINTMENT.SLOT_START).from(APPOINTMENT)
                .where(APPOINTMENT.OFFICE.eq(office).and(APPOINTMENT.APPOINTMENT_DATE.eq(date))
                        .and(APPOINTMENT.STATUS.eq(AppointmentStatus.BOOKED.name())))
                .fetch(APPOINTMENT.SLOT_START);
    }

    /** When each case of the day was finished: its first step to RECEIPT_ISSUED or REJECTED. */
    public List<Finished> finished(String office, LocalDate date) {
        return ctx.select(AUDIT_LOG.CASE_REF, DSL.min(AUDIT_LOG.AT))
                .from(CASE_FILE).join(AUDIT_LOG).on(AUDIT_LOG.CASE_REF.eq(CASE_FILE.CASE_REF))
                .where(CASE_FILE.OFFICE.eq(office).and(CASE_FILE.CASE_DATE.eq(date))
                        .and(AUDIT_LOG.TO_STATUS.in(CaseStatus.RECEIPT_ISSUED.name(), CaseStatus.REJECTED.name())))
                .groupBy(AUDIT_LOG.CASE_REF)
                .fetch(r -> new Finished(r.value1(), r.value2()));
    }

    /**
     * Staff signed in at a counter now: open sessions that name a counter, begun at or after
     * {@code since} (a desk that was killed yesterday left its session open), the latest first.
     */
    public List<SignedIn> signedIn(OffsetDateTime since) {
        return ctx.select(STAFF_SESSION.COUNTER_NO, STAFF_SESSION.USERNAME, STAFF.FULL_NAME, STAFF_SESSION.STARTED_AT)
                .from(STAFF_SESSION).leftJoin(STAFF).on(STAFF.USERNAME.eq(STAFF_SESSION.USERNAME))
                .where(STAFF_SESSION.ENDED_AT.isNull().and(STAFF_SESSION.COUNTER_NO.isNotNull())
                        .and(STAFF_SESSION.KIND.in("STAFF", "TRAINING")).and(STAFF_SESSION.STARTED_AT.ge(since)))
                .orderBy(STAFF_SESSION.STARTED_AT.desc())
                .fetch(r -> new SignedIn(r.value1(), r.value2(), r.value3() == null ? r.value2() : r.value3(), r.value4()));
    }

    /** The sync conflicts still open, oldest first, with the queue number and name of whom each is about. */
    public List<id.loket.supervisor.model.OpenConflict> openConflicts() {
        return ctx.select(SYNC_CONFLICT.ID, SYNC_CONFLICT.KIND, CASE_FILE.QUEUE_SERIES, CASE_FILE.QUEUE_NUMBER,
                        DSL.coalesce(CASE_FILE.FULL_NAME, APPOINTMENT.FULL_NAME))
                .from(SYNC_CONFLICT)
                .leftJoin(CASE_FILE).on(CASE_FILE.CASE_REF.eq(SYNC_CONFLICT.CASE_REF))
                .leftJoin(APPOINTMENT).on(APPOINTMENT.ID.eq(DSL.coalesce(SYNC_CONFLICT.APPOINTMENT_ID, CASE_FILE.APPOINTMENT_ID)))
                .where(SYNC_CONFLICT.STATE.eq("OPEN"))
                .orderBy(SYNC_CONFLICT.ID)
                .fetch(r -> new id.loket.supervisor.model.OpenConflict(r.value1(), r.value2(),
                        r.value3() == null ? null : new QueueNumber(QueueSeries.valueOf(r.value3()), r.value4()).toString(), r.value5()));
    }
}
