package id.loket.casefile.repo;

import id.loket.db.Columns;
import static id.loket.db.jooq.Tables.CASE_FILE;
import static id.loket.db.jooq.Tables.OUTBOX_EVENT;

import id.loket.casefile.model.EventType;
import id.loket.casefile.model.OutboxEntry;
import id.loket.casefile.model.OutboxEvent;
import id.loket.casefile.model.OutboxState;
import id.loket.casefile.model.OutboxSummary;
import id.loket.casefile.model.WaitingEvent;
import id.loket.db.jooq.tables.records.OutboxEventRecord;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The outbox: events for central, appended in the transaction of the change they report, and
 * where each stands with central. The one place that reads or writes {@code outbox_event}
 * (ArchitectureTest): the push engine (sync) reaches it through
 * {@link id.loket.casefile.service.Outbox}. Bound to one {@link DSLContext} (a transaction's,
 * when in one).
 */
public final class OutboxRepository {

    public static final String PENDING = OutboxState.PENDING.name();
    /** An undone check-in's event: never sent, never counted in the backlog. */
    public static final String WITHDRAWN = OutboxState.WITHDRAWN.name();
    private static final String HELD = OutboxState.HELD.name();
    private static final String FAILED = OutboxState.FAILED.name();
    /** The outbox again, for an event earlier in a case than the one being changed. */
    private static final id.loket.db.jooq.tables.OutboxEvent EARLIER = OUTBOX_EVENT.as("earlier");

    private final DSLContext ctx;

    public OutboxRepository(DSLContext ctx) {
        this.ctx = ctx;
    }

    public void append(String eventId, String caseRef, EventType type, OffsetDateTime occurredAt, String payload) {
        ctx.insertInto(OUTBOX_EVENT)
                .set(OUTBOX_EVENT.EVENT_ID, eventId)
                .set(OUTBOX_EVENT.CASE_REF, caseRef)
                .set(OUTBOX_EVENT.EVENT_TYPE, type.name())
                .set(OUTBOX_EVENT.OCCURRED_AT, occurredAt)
                .set(OUTBOX_EVENT.PAYLOAD, payload)
                .set(OUTBOX_EVENT.STATE, PENDING)
                .execute();
    }

    /**
     * Holds the case's waiting events of {@code type} back until {@code notBefore}: the push
     * engine leaves them (and the later events of the case) until then. A check-in waits out
     * its undo window this way. Answers how many.
     */
    public int holdBack(String caseRef, EventType type, OffsetDateTime notBefore) {
        return ctx.update(OUTBOX_EVENT).set(OUTBOX_EVENT.NOT_BEFORE, notBefore)
                .where(OUTBOX_EVENT.CASE_REF.eq(caseRef)).and(OUTBOX_EVENT.EVENT_TYPE.eq(type.name()))
                .and(OUTBOX_EVENT.STATE.eq(PENDING)).and(OUTBOX_EVENT.SENT_AT.isNull()).and(OUTBOX_EVENT.SENDING_AT.isNull())
                .execute();
    }

    /**
     * Withdraws the case's events of {@code type} that are still held back ({@code not_before}
     * later than {@code now}) and were never sent nor handed to the sender: they become
     * WITHDRAWN and never go. Answers how many; 0 means central may already know.
     */
    public int withdrawHeldBack(String caseRef, EventType type, OffsetDateTime now) {
        return ctx.update(OUTBOX_EVENT).set(OUTBOX_EVENT.STATE, WITHDRAWN)
                .where(OUTBOX_EVENT.CASE_REF.eq(caseRef)).and(OUTBOX_EVENT.EVENT_TYPE.eq(type.name()))
                .and(OUTBOX_EVENT.STATE.eq(PENDING)).and(OUTBOX_EVENT.SENT_AT.isNull()).and(OUTBOX_EVENT.SENDING_AT.isNull())
                .and(OUTBOX_EVENT.NOT_BEFORE.gt(now))
                .execute();
    }

    /** Events of a case in the order they happened. */
    public List<OutboxEvent> forCase(String caseRef) {
        return ctx.selectFrom(OUTBOX_EVENT).where(OUTBOX_EVENT.CASE_REF.eq(caseRef)).orderBy(OUTBOX_EVENT.SEQ).fetch(OutboxRepository::toEvent);
    }

    /**
     * The events of {@code type} of every case of {@code office} on {@code date}, by case
     * reference, each case's in order: one query for the day.
     */
    public Map<String, List<OutboxEvent>> ofDay(String office, LocalDate date, EventType type) {
        Map<String, List<OutboxEvent>> byCase = new java.util.HashMap<>();
        ctx.select(OUTBOX_EVENT.fields()).from(OUTBOX_EVENT).join(CASE_FILE).on(CASE_FILE.CASE_REF.eq(OUTBOX_EVENT.CASE_REF))
                .where(CASE_FILE.OFFICE.eq(office).and(CASE_FILE.CASE_DATE.eq(date)).and(OUTBOX_EVENT.EVENT_TYPE.eq(type.name())))
                .orderBy(OUTBOX_EVENT.CASE_REF, OUTBOX_EVENT.SEQ)
                .fetchInto(OUTBOX_EVENT)
                .forEach(r -> byCase.computeIfAbsent(r.getCaseRef(), k -> new java.util.ArrayList<>()).add(toEvent(r)));
        return byCase;
    }

    /**
     * Removes up to {@code limit} events central took (SENT) before {@code before}, oldest first,
     * except those of a case now on hold (its PUT_ON_HOLD event says what is missing). Answers how
     * many went. Waiting, held, failed and withdrawn events are never removed.
     */
    public int purgeSent(OffsetDateTime before, int limit) {
        List<Long> seqs = ctx.select(OUTBOX_EVENT.SEQ).from(OUTBOX_EVENT)
                .where(OUTBOX_EVENT.STATE.eq(OutboxState.SENT.name())).and(OUTBOX_EVENT.SENT_AT.lt(before))
                .andNotExists(DSL.selectOne().from(CASE_FILE).where(CASE_FILE.CASE_REF.eq(OUTBOX_EVENT.CASE_REF))
                        .and(CASE_FILE.STATUS.eq("ON_HOLD")))
                .orderBy(OUTBOX_EVENT.STATE, OUTBOX_EVENT.SEQ).limit(limit).fetch(OUTBOX_EVENT.SEQ);
        return seqs.isEmpty() ? 0 : ctx.deleteFrom(OUTBOX_EVENT).where(OUTBOX_EVENT.SEQ.in(seqs)).execute();
    }

    /** All events in the order they happened. */
    public List<OutboxEvent> all() {
        return ctx.selectFrom(OUTBOX_EVENT).orderBy(OUTBOX_EVENT.SEQ).fetch(OutboxRepository::toEvent);
    }

    public int count() {
        return ctx.fetchCount(OUTBOX_EVENT);
    }

    // --- the push engine's side: what may go, what central answered --------------------------

    /**
     * Every event still to go or to be looked at (waiting, held, failed), oldest first, read
     * through the state index: what a push plans its batches from (the history of sent events
     * is never read).
     */
    public List<WaitingEvent> waiting() {
        return ctx.select(OUTBOX_EVENT.SEQ, OUTBOX_EVENT.CASE_REF, OUTBOX_EVENT.STATE, OUTBOX_EVENT.RELEASED, OUTBOX_EVENT.NOT_BEFORE,
                        OUTBOX_EVENT.HELD_BY)
                .from(OUTBOX_EVENT)
                .where(OUTBOX_EVENT.STATE.in(PENDING, HELD, FAILED))
                .orderBy(OUTBOX_EVENT.SEQ)
                .fetch(r -> new WaitingEvent(r.value1(), r.value2(), OutboxState.valueOf(r.value3()), Boolean.TRUE.equals(r.value4()),
                        r.value5(), r.value6()));
    }

    /** The events {@code seqs} that are still waiting, oldest first, whole (payload and all). */
    public List<OutboxEvent> stillWaiting(Collection<Long> seqs) {
        if (seqs.isEmpty()) {
            return List.of();
        }
        return ctx.selectFrom(OUTBOX_EVENT).where(OUTBOX_EVENT.SEQ.in(seqs)).and(OUTBOX_EVENT.STATE.eq(PENDING))
                .orderBy(OUTBOX_EVENT.SEQ).fetch(OutboxRepository::toEvent);
    }

    /**
     * Waiting events behind a held or failed (not released) event of their case, written after
     * the conflict was found, become held by the same conflict. Worked out from {@code waiting},
     * the backlog as {@link #waiting} read it (oldest first), so the backlog is not searched
     * again; answers the backlog as it now stands.
     */
    public List<WaitingEvent> holdStragglers(List<WaitingEvent> waiting) {
        Map<String, Long> stoppedBy = new HashMap<>();
        List<WaitingEvent> now = new ArrayList<>(waiting.size());
        for (WaitingEvent e : waiting) {
            if (e.state() == OutboxState.PENDING && stoppedBy.containsKey(e.caseRef())) {
                Long conflict = stoppedBy.get(e.caseRef());
                // only while an event before it still stops the case (a supervisor may have just resolved the conflict)
                int n = ctx.update(OUTBOX_EVENT).set(OUTBOX_EVENT.STATE, HELD).set(OUTBOX_EVENT.HELD_BY, conflict)
                        .where(OUTBOX_EVENT.SEQ.eq(e.seq())).and(OUTBOX_EVENT.STATE.eq(PENDING))
                        .andExists(DSL.selectOne().from(EARLIER).where(EARLIER.CASE_REF.eq(e.caseRef())).and(EARLIER.SEQ.lt(e.seq()))
                                .and(EARLIER.STATE.eq(HELD).or(EARLIER.STATE.eq(FAILED).and(EARLIER.RELEASED.isFalse()))))
                        .execute();
                now.add(n == 1 ? e.heldBy(conflict) : e);
                continue;
            }
            if (e.stops()) {
                stoppedBy.putIfAbsent(e.caseRef(), e.heldBy());
            }
            now.add(e);
        }
        return now;
    }

    /**
     * The events are about to be handed to central: those of {@code seqs} that still wait are
     * marked as being sent (committed before the request, so that a process killed before the
     * answer arrives leaves them marked as possibly at central) and answered, oldest first, with
     * their payloads. One statement: the rows it changed are the rows it answers
     * ({@code UPDATE … RETURNING}; on H2 a data change delta table). An event handed over before
     * (a lost answer) keeps the time it was first handed over.
     */
    public List<OutboxEvent> markSendingAndRead(Collection<Long> seqs, OffsetDateTime now) {
        if (seqs.isEmpty()) {
            return List.of();
        }
        return ctx.update(OUTBOX_EVENT).set(OUTBOX_EVENT.SENDING_AT, DSL.coalesce(OUTBOX_EVENT.SENDING_AT, DSL.val(now)))
                .where(OUTBOX_EVENT.SEQ.in(seqs)).and(OUTBOX_EVENT.STATE.eq(PENDING))
                .returning().fetch().stream()
                .sorted(java.util.Comparator.comparing(OutboxEventRecord::getSeq))
                .map(OutboxRepository::toEvent).toList();
    }

    /**
     * Events handed over at {@code handedAt} that were never asked for after all (the push
     * stopped first) are no longer possibly at central: an undo or a hold may take them again.
     * One handed over in an earlier push keeps its mark (it kept its first time).
     */
    public int takeBack(Collection<Long> seqs, OffsetDateTime handedAt) {
        if (seqs.isEmpty()) {
            return 0;
        }
        return ctx.update(OUTBOX_EVENT).set(OUTBOX_EVENT.SENDING_AT, (OffsetDateTime) null)
                .where(OUTBOX_EVENT.SEQ.in(seqs)).and(OUTBOX_EVENT.SENDING_AT.eq(handedAt)).and(OUTBOX_EVENT.STATE.eq(PENDING))
                .execute();
    }

    /** A transport failure on a batch: one more attempt and its error, nothing else changes. */
    public void recordFailure(Collection<Long> seqs, String error, OffsetDateTime now) {
        ctx.update(OUTBOX_EVENT)
                .set(OUTBOX_EVENT.ATTEMPTS, OUTBOX_EVENT.ATTEMPTS.plus(1))
                .set(OUTBOX_EVENT.LAST_ERROR, Columns.cut(error, 1000))
                .where(OUTBOX_EVENT.SEQ.in(seqs)).and(OUTBOX_EVENT.STATE.eq(PENDING))
                .execute();
    }

    /** Central took these (all APPLIED, or all DUPLICATE), none with an appointment id to keep: one statement. */
    public void markSent(Collection<Long> seqs, String result, OffsetDateTime now) {
        if (!seqs.isEmpty()) {
            setSent(result, now).where(OUTBOX_EVENT.SEQ.in(seqs)).execute();
        }
    }

    /** Central took it (APPLIED or DUPLICATE). */
    public void markSent(long seq, String result, String appointmentId, OffsetDateTime now) {
        setSent(result, now).set(OUTBOX_EVENT.CENTRAL_APPOINTMENT_ID, appointmentId).where(OUTBOX_EVENT.SEQ.eq(seq)).execute();
    }

    private org.jooq.UpdateSetMoreStep<OutboxEventRecord> setSent(String result, OffsetDateTime now) {
        return ctx.update(OUTBOX_EVENT)
                .set(OUTBOX_EVENT.STATE, OutboxState.SENT.name())
                .set(OUTBOX_EVENT.SENT_AT, now)
                .set(OUTBOX_EVENT.ANSWERED_AT, now)
                .set(OUTBOX_EVENT.RESULT, result)
                .set(OUTBOX_EVENT.ATTEMPTS, OUTBOX_EVENT.ATTEMPTS.plus(1))
                .set(OUTBOX_EVENT.LAST_ERROR, (String) null);
    }

    /** Central refused it: HELD (CONFLICT) or FAILED (INVALID), with its reason and the conflict. */
    public void markRefused(long seq, OutboxState state, String result, String reason, long conflictId, OffsetDateTime now) {
        ctx.update(OUTBOX_EVENT)
                .set(OUTBOX_EVENT.STATE, state.name())
                .set(OUTBOX_EVENT.ANSWERED_AT, now)
                .set(OUTBOX_EVENT.RESULT, result)
                .set(OUTBOX_EVENT.REASON, Columns.cut(reason, 200))
                .set(OUTBOX_EVENT.HELD_BY, conflictId)
                .set(OUTBOX_EVENT.RELEASED, false)
                .set(OUTBOX_EVENT.ATTEMPTS, OUTBOX_EVENT.ATTEMPTS.plus(1))
                .set(OUTBOX_EVENT.LAST_ERROR, (String) null)
                .where(OUTBOX_EVENT.SEQ.eq(seq))
                .execute();
    }

    /** Every waiting event of the case after {@code seq} is held by the conflict. */
    public int holdLater(String caseRef, long seq, long conflictId) {
        return ctx.update(OUTBOX_EVENT)
                .set(OUTBOX_EVENT.STATE, HELD)
                .set(OUTBOX_EVENT.HELD_BY, conflictId)
                .where(OUTBOX_EVENT.CASE_REF.eq(caseRef)).and(OUTBOX_EVENT.SEQ.gt(seq)).and(OUTBOX_EVENT.STATE.eq(PENDING))
                .execute();
    }

    /**
     * Every waiting event of the case that was never sent is held by the conflict. One sent
     * before, whose answer was lost, may already be at central: it is left to be sent again,
     * so central's answer (DUPLICATE, or CONFLICT) settles what it is.
     */
    public int holdNeverSent(String caseRef, long conflictId) {
        return ctx.update(OUTBOX_EVENT)
                .set(OUTBOX_EVENT.STATE, HELD)
                .set(OUTBOX_EVENT.HELD_BY, conflictId)
                .where(OUTBOX_EVENT.CASE_REF.eq(caseRef)).and(OUTBOX_EVENT.STATE.eq(PENDING)).and(OUTBOX_EVENT.ATTEMPTS.eq(0))
                .and(OUTBOX_EVENT.SENDING_AT.isNull())
                .execute();
    }

    /** KEEP_OFFICE: the events held by the conflict wait again; a failed one no longer blocks its case. */
    public int releaseToPending(long conflictId) {
        ctx.update(OUTBOX_EVENT).set(OUTBOX_EVENT.RELEASED, true)
                .where(OUTBOX_EVENT.HELD_BY.eq(conflictId)).and(OUTBOX_EVENT.STATE.eq(FAILED)).execute();
        return ctx.update(OUTBOX_EVENT)
                .set(OUTBOX_EVENT.STATE, PENDING)
                .set(OUTBOX_EVENT.HELD_BY, (Long) null)
                .where(OUTBOX_EVENT.HELD_BY.eq(conflictId)).and(OUTBOX_EVENT.STATE.eq(HELD))
                .execute();
    }

    /** ACCEPT_CENTRAL: the events held by the conflict are never sent; a failed one no longer blocks. */
    public int supersede(long conflictId) {
        ctx.update(OUTBOX_EVENT).set(OUTBOX_EVENT.RELEASED, true)
                .where(OUTBOX_EVENT.HELD_BY.eq(conflictId)).and(OUTBOX_EVENT.STATE.eq(FAILED)).execute();
        return ctx.update(OUTBOX_EVENT)
                .set(OUTBOX_EVENT.STATE, OutboxState.SUPERSEDED.name())
                .where(OUTBOX_EVENT.HELD_BY.eq(conflictId)).and(OUTBOX_EVENT.STATE.eq(HELD))
                .execute();
    }

    public int countHeldBy(long conflictId) {
        return ctx.fetchCount(OUTBOX_EVENT, OUTBOX_EVENT.HELD_BY.eq(conflictId).and(OUTBOX_EVENT.STATE.eq(HELD)));
    }

    /** How many events stand in each state; every state is present, 0 when none. */
    public Map<OutboxState, Integer> countByState() {
        Map<OutboxState, Integer> counts = new EnumMap<>(OutboxState.class);
        for (OutboxState s : OutboxState.values()) {
            counts.put(s, 0);
        }
        ctx.select(OUTBOX_EVENT.STATE, DSL.count()).from(OUTBOX_EVENT).groupBy(OUTBOX_EVENT.STATE)
                .forEach(r -> counts.put(OutboxState.valueOf(r.value1()), r.value2()));
        return counts;
    }

    /**
     * The backlog: how many events wait, are held, or failed, and since when the oldest waits.
     * Withdrawn, sent and superseded events are not in it. Nothing is known here of the last
     * push or of conflicts (see {@link OutboxSummary#withPush}).
     */
    /**
     * The events still to go or to be looked at (PENDING, HELD, FAILED), counted by state through
     * the state index: what the status bar and every push show. Never counts the sent history,
     * which grows by thousands a day.
     */
    public Map<OutboxState, Integer> waitingCounts() {
        Map<OutboxState, Integer> counts = new EnumMap<>(OutboxState.class);
        for (OutboxState s : WAITING) {
            counts.put(s, 0);
        }
        ctx.select(OUTBOX_EVENT.STATE, DSL.count()).from(OUTBOX_EVENT)
                .where(OUTBOX_EVENT.STATE.in(WAITING.stream().map(Enum::name).toList())).groupBy(OUTBOX_EVENT.STATE)
                .forEach(r -> counts.put(OutboxState.valueOf(r.value1()), r.value2()));
        return counts;
    }

    private static final List<OutboxState> WAITING = List.of(OutboxState.PENDING, OutboxState.HELD, OutboxState.FAILED);

    public OutboxSummary backlog() {
        Map<OutboxState, Integer> counts = waitingCounts();
        Optional<OffsetDateTime> oldest = ctx.select(DSL.min(OUTBOX_EVENT.OCCURRED_AT)).from(OUTBOX_EVENT)
                .where(OUTBOX_EVENT.STATE.eq(PENDING)).fetchOptional(0, OffsetDateTime.class);
        return new OutboxSummary(counts.get(OutboxState.PENDING), counts.get(OutboxState.HELD), counts.get(OutboxState.FAILED),
                oldest, Optional.empty(), Optional.empty(), Optional.empty(), 0);
    }

    /** Waiting, held and failed events in occurrence order. */
    public List<OutboxEntry> unsent() {
        return ctx.selectFrom(OUTBOX_EVENT).where(OUTBOX_EVENT.STATE.in(PENDING, HELD, FAILED)).orderBy(OUTBOX_EVENT.SEQ)
                .fetch(OutboxRepository::toEntry);
    }

    public Optional<OutboxEntry> entry(String eventId) {
        return ctx.selectFrom(OUTBOX_EVENT).where(OUTBOX_EVENT.EVENT_ID.eq(eventId)).fetchOptional(OutboxRepository::toEntry);
    }

    private static OutboxEntry toEntry(OutboxEventRecord r) {
        return new OutboxEntry(r.getSeq(), r.getEventId(), r.getCaseRef(), r.getEventType(), r.getOccurredAt(),
                OutboxState.valueOf(r.getState()), r.getAttempts(), r.getLastError(), r.getReason(), r.getHeldBy(), r.getResult());
    }

    private static OutboxEvent toEvent(OutboxEventRecord r) {
        return new OutboxEvent(r.getSeq(), r.getEventId(), r.getCaseRef(), EventType.valueOf(r.getEventType()),
                r.getOccurredAt(), r.getPayload(), r.getState());
    }
}
