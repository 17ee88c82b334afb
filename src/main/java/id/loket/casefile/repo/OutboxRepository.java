package id.loket.casefile.repo;

import static id.loket.db.jooq.Tables.OUTBOX_EVENT;

import id.loket.casefile.model.EventType;
import id.loket.casefile.model.OutboxEvent;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;

/** The outbox: events for central, appended in the transaction of the change they report. */
public final class OutboxRepository {

    public static final String PENDING = "PENDING";
    /** An undone check-in's event: never sent (sync.model.OutboxState.WITHDRAWN). */
    public static final String WITHDRAWN = "WITHDRAWN";

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
        return ctx.selectFrom(OUTBOX_EVENT).where(OUTBOX_EVENT.CASE_REF.eq(caseRef)).orderBy(OUTBOX_EVENT.SEQ).fetch(this::toEvent);
    }

    /** All events in the order they happened. */
    public List<OutboxEvent> all() {
        return ctx.selectFrom(OUTBOX_EVENT).orderBy(OUTBOX_EVENT.SEQ).fetch(this::toEvent);
    }

    public int count() {
        return ctx.fetchCount(OUTBOX_EVENT);
    }

    private OutboxEvent toEvent(id.loket.db.jooq.tables.records.OutboxEventRecord r) {
        return new OutboxEvent(r.getSeq(), r.getEventId(), r.getCaseRef(), EventType.valueOf(r.getEventType()),
                r.getOccurredAt(), r.getPayload(), r.getState());
    }
}
