package id.loket.sync.repo;

import static id.loket.db.jooq.Tables.CASE_FILE;
import static id.loket.db.jooq.Tables.OUTBOX_EVENT;
import static id.loket.db.jooq.Tables.PUSH_STATUS;

import id.loket.casefile.model.EventType;
import id.loket.casefile.model.OutboxEvent;
import id.loket.db.jooq.tables.records.OutboxEventRecord;
import id.loket.sync.model.OutboxEntry;
import id.loket.sync.model.OutboxState;
import id.loket.sync.model.OutboxSummary;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The outbox as the push engine sees it: which events may go now, what central answered, and
 * the last push. Bound to one {@link DSLContext} (a transaction's, when in one).
 */
public final class PushRepository {

    private static final String PENDING = OutboxState.PENDING.name();
    private static final String HELD = OutboxState.HELD.name();
    private static final String FAILED = OutboxState.FAILED.name();

    private final DSLContext ctx;

    public PushRepository(DSLContext ctx) {
        this.ctx = ctx;
    }

    /** An event that keeps the later events of its case back: waiting, held, or failed and not released. */
    private static Condition blocking(id.loket.db.jooq.tables.OutboxEvent p) {
        return p.STATE.in(PENDING, HELD).or(p.STATE.eq(FAILED).and(p.RELEASED.isFalse()));
    }

    /**
     * The events that may go now, in occurrence order: waiting, and the first not-yet-sent event
     * of their case. At most one event per case, so a refusal of one event can never let a
     * later event of the same case through in the same batch. An event held back until a
     * later time ({@code not_before}) waits, and keeps the later events of its case back.
     */
    public List<OutboxEvent> sendable(int limit, OffsetDateTime now) {
        id.loket.db.jooq.tables.OutboxEvent p = OUTBOX_EVENT.as("p");
        return ctx.selectFrom(OUTBOX_EVENT)
                .where(OUTBOX_EVENT.STATE.eq(PENDING))
                // held back while the officer may still undo it (a check-in's undo window)
                .and(OUTBOX_EVENT.NOT_BEFORE.isNull().or(OUTBOX_EVENT.NOT_BEFORE.le(now)))
                .andNotExists(DSL.selectOne().from(p)
                        .where(p.CASE_REF.eq(OUTBOX_EVENT.CASE_REF))
                        .and(p.SEQ.lt(OUTBOX_EVENT.SEQ))
                        .and(blocking(p)))
                .orderBy(OUTBOX_EVENT.SEQ)
                .limit(limit)
                .fetch(PushRepository::toEvent);
    }

    /**
     * Waiting events behind a held or failed event of their case (written after the conflict
     * was found) become held by the same conflict. Answers how many.
     */
    public int holdStragglers() {
        id.loket.db.jooq.tables.OutboxEvent p = OUTBOX_EVENT.as("p");
        List<OutboxEventRecord> stragglers = ctx.selectFrom(OUTBOX_EVENT)
                .where(OUTBOX_EVENT.STATE.eq(PENDING))
                .andExists(DSL.selectOne().from(p)
                        .where(p.CASE_REF.eq(OUTBOX_EVENT.CASE_REF))
                        .and(p.SEQ.lt(OUTBOX_EVENT.SEQ))
                        .and(p.STATE.eq(HELD).or(p.STATE.eq(FAILED).and(p.RELEASED.isFalse()))))
                .fetch();
        for (OutboxEventRecord r : stragglers) {
            Long heldBy = ctx.select(p.HELD_BY).from(p)
                    .where(p.CASE_REF.eq(r.getCaseRef())).and(p.SEQ.lt(r.getSeq()))
                    .and(p.STATE.eq(HELD).or(p.STATE.eq(FAILED).and(p.RELEASED.isFalse())))
                    .orderBy(p.SEQ).limit(1)
                    .fetchOne(p.HELD_BY);
            ctx.update(OUTBOX_EVENT).set(OUTBOX_EVENT.STATE, HELD).set(OUTBOX_EVENT.HELD_BY, heldBy)
                    .where(OUTBOX_EVENT.SEQ.eq(r.getSeq())).and(OUTBOX_EVENT.STATE.eq(PENDING)).execute();
        }
        return stragglers.size();
    }

    /** A transport failure on a batch: one more attempt and its error, nothing else changes. */
    public void recordFailure(Collection<Long> seqs, String error, OffsetDateTime now) {
        ctx.update(OUTBOX_EVENT)
                .set(OUTBOX_EVENT.ATTEMPTS, OUTBOX_EVENT.ATTEMPTS.plus(1))
                .set(OUTBOX_EVENT.LAST_ERROR, ConflictRepository.cut(error, 1000))
                .where(OUTBOX_EVENT.SEQ.in(seqs)).and(OUTBOX_EVENT.STATE.eq(PENDING))
                .execute();
    }

    /** Central took it (APPLIED or DUPLICATE). */
    public void markSent(long seq, String result, String appointmentId, OffsetDateTime now) {
        ctx.update(OUTBOX_EVENT)
                .set(OUTBOX_EVENT.STATE, OutboxState.SENT.name())
                .set(OUTBOX_EVENT.SENT_AT, now)
                .set(OUTBOX_EVENT.ANSWERED_AT, now)
                .set(OUTBOX_EVENT.RESULT, result)
                .set(OUTBOX_EVENT.CENTRAL_APPOINTMENT_ID, appointmentId)
                .set(OUTBOX_EVENT.ATTEMPTS, OUTBOX_EVENT.ATTEMPTS.plus(1))
                .set(OUTBOX_EVENT.LAST_ERROR, (String) null)
                .where(OUTBOX_EVENT.SEQ.eq(seq))
                .execute();
    }

    /** Central refused it: HELD (CONFLICT) or FAILED (INVALID), with its reason and the conflict. */
    public void markRefused(long seq, OutboxState state, String result, String reason, long conflictId, OffsetDateTime now) {
        ctx.update(OUTBOX_EVENT)
                .set(OUTBOX_EVENT.STATE, state.name())
                .set(OUTBOX_EVENT.ANSWERED_AT, now)
                .set(OUTBOX_EVENT.RESULT, result)
                .set(OUTBOX_EVENT.REASON, ConflictRepository.cut(reason, 200))
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

    /**
     * The events are about to be handed to central: committed before the request, so that a
     * process killed before the answer arrives leaves them marked as possibly at central.
     */
    public void markSending(Collection<Long> seqs, OffsetDateTime now) {
        ctx.update(OUTBOX_EVENT).set(OUTBOX_EVENT.SENDING_AT, now)
                .where(OUTBOX_EVENT.SEQ.in(seqs)).and(OUTBOX_EVENT.STATE.eq(PENDING))
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

    /** Central's id for a walk-in, kept on the case the first time it comes. */
    public void rememberCentralAppointment(String caseRef, String appointmentId) {
        ctx.update(CASE_FILE)
                .set(CASE_FILE.CENTRAL_APPOINTMENT_ID, appointmentId)
                .where(CASE_FILE.CASE_REF.eq(caseRef)).and(CASE_FILE.WALK_IN.isTrue()).and(CASE_FILE.CENTRAL_APPOINTMENT_ID.isNull())
                .execute();
    }

    public Optional<String> centralAppointmentId(String caseRef) {
        return ctx.select(CASE_FILE.CENTRAL_APPOINTMENT_ID).from(CASE_FILE).where(CASE_FILE.CASE_REF.eq(caseRef))
                .fetchOptional(CASE_FILE.CENTRAL_APPOINTMENT_ID);
    }

    public Map<OutboxState, Integer> countByState() {
        Map<OutboxState, Integer> counts = new EnumMap<>(OutboxState.class);
        for (OutboxState s : OutboxState.values()) {
            counts.put(s, 0);
        }
        ctx.select(OUTBOX_EVENT.STATE, DSL.count()).from(OUTBOX_EVENT).groupBy(OUTBOX_EVENT.STATE)
                .forEach(r -> counts.put(OutboxState.valueOf(r.value1()), r.value2()));
        return counts;
    }

    public OutboxSummary summary(String office) {
        Map<OutboxState, Integer> counts = countByState();
        Optional<OffsetDateTime> oldest = ctx.select(DSL.min(OUTBOX_EVENT.OCCURRED_AT)).from(OUTBOX_EVENT)
                .where(OUTBOX_EVENT.STATE.eq(PENDING)).fetchOptional(0, OffsetDateTime.class);
        var last = ctx.selectFrom(PUSH_STATUS).where(PUSH_STATUS.OFFICE.eq(office)).fetchOptional();
        return new OutboxSummary(counts.get(OutboxState.PENDING), counts.get(OutboxState.HELD), counts.get(OutboxState.FAILED),
                oldest, last.map(r -> r.getLastPushAt()), last.map(r -> r.getLastProblem()),
                last.map(r -> r.getLastSuccessAt()), new ConflictRepository(ctx).countOpen());
    }

    /** Waiting, held and failed events in occurrence order. */
    public List<OutboxEntry> unsent() {
        return ctx.selectFrom(OUTBOX_EVENT).where(OUTBOX_EVENT.STATE.in(PENDING, HELD, FAILED)).orderBy(OUTBOX_EVENT.SEQ)
                .fetch(r -> new OutboxEntry(r.getSeq(), r.getEventId(), r.getCaseRef(), r.getEventType(), r.getOccurredAt(),
                        OutboxState.valueOf(r.getState()), r.getAttempts(), r.getLastError(), r.getReason(), r.getHeldBy()));
    }

    public Optional<OutboxEntry> entry(String eventId) {
        return ctx.selectFrom(OUTBOX_EVENT).where(OUTBOX_EVENT.EVENT_ID.eq(eventId))
                .fetchOptional(r -> new OutboxEntry(r.getSeq(), r.getEventId(), r.getCaseRef(), r.getEventType(), r.getOccurredAt(),
                        OutboxState.valueOf(r.getState()), r.getAttempts(), r.getLastError(), r.getReason(), r.getHeldBy()));
    }

    /** Overwrites the office's last push: when, and what stopped it (null when nothing did). */
    public void recordPush(String office, OffsetDateTime at, int sent, String problem) {
        String p = ConflictRepository.cut(problem, 1000);
        int updated = ctx.update(PUSH_STATUS)
                .set(PUSH_STATUS.LAST_PUSH_AT, at)
                .set(PUSH_STATUS.LAST_SENT, sent)
                .set(PUSH_STATUS.LAST_PROBLEM, p)
                .set(PUSH_STATUS.LAST_SUCCESS_AT, problem == null ? DSL.val(at) : PUSH_STATUS.LAST_SUCCESS_AT)
                .where(PUSH_STATUS.OFFICE.eq(office))
                .execute();
        if (updated == 0) {
            ctx.insertInto(PUSH_STATUS)
                    .set(PUSH_STATUS.OFFICE, office)
                    .set(PUSH_STATUS.LAST_PUSH_AT, at)
                    .set(PUSH_STATUS.LAST_SENT, sent)
                    .set(PUSH_STATUS.LAST_PROBLEM, p)
                    .set(PUSH_STATUS.LAST_SUCCESS_AT, problem == null ? at : null)
                    .execute();
        }
    }

    private static OutboxEvent toEvent(OutboxEventRecord r) {
        return new OutboxEvent(r.getSeq(), r.getEventId(), r.getCaseRef(), EventType.valueOf(r.getEventType()),
                r.getOccurredAt(), r.getPayload(), r.getState());
    }
}
