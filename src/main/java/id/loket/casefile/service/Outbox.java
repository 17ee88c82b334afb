package id.loket.casefile.service;

import id.loket.casefile.model.OutboxEntry;
import id.loket.casefile.model.OutboxEvent;
import id.loket.casefile.model.OutboxState;
import id.loket.casefile.model.OutboxSummary;
import id.loket.casefile.repo.CaseRepository;
import id.loket.casefile.repo.OutboxRepository;
import id.loket.staff.model.Unguarded;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The outbox as other features may read and change it: the case file owns {@code outbox_event}
 * (its steps append the events), and the push engine (sync), the dashboard and the support
 * command come here for what may go, what central answered and the backlog. Inside the
 * caller's transaction (or its {@code DSLContext}), after the caller checked the session. A
 * WITHDRAWN event (an undone check-in) is never sendable, never blocks its case and is never
 * counted in the backlog.
 */
public final class Outbox {

    private final OutboxRepository outbox;
    private final CaseRepository cases;

    /** The outbox inside the caller's transaction {@code tx}. */
    public Outbox(DSLContext tx) {
        this.outbox = new OutboxRepository(tx);
        this.cases = new CaseRepository(tx);
    }

    /**
     * The events that may go now, oldest first, at most {@code limit} and at most one per case:
     * waiting, not held back past {@code now} ({@code not_before}), and with no earlier event of
     * their case waiting, held back, held or failed (and not released). The first batch of
     * {@link #sendQueue} (a push plans all its batches with it).
     */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public List<OutboxEvent> sendable(int limit, OffsetDateTime now) {
        return stillWaiting(sendQueue(now).next(limit).stream().map(id.loket.casefile.model.WaitingEvent::seq).toList());
    }

    /** The batches of a push, planned from the events waiting now (read once, through the state index). */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public SendQueue sendQueue(OffsetDateTime now) {
        return new SendQueue(outbox.waiting(), now);
    }

    /** The events {@code seqs} that are still waiting, oldest first, with their payloads. */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public List<OutboxEvent> stillWaiting(Collection<Long> seqs) {
        return outbox.stillWaiting(seqs);
    }

    /**
     * A push's plan, in one read of the backlog: waiting events behind a held or failed event of
     * their case (written after the conflict was found) are first held by the same conflict, then
     * the batches are planned ({@link #sendQueue}'s rules).
     */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public SendQueue holdStragglersAndPlan(OffsetDateTime now) {
        return new SendQueue(outbox.holdStragglers(outbox.waiting()), now);
    }

    /** Events handed over at {@code handedAt} but never asked for (the push stopped first) are not possibly at central after all. */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public int takeBack(Collection<Long> seqs, OffsetDateTime handedAt) {
        return outbox.takeBack(seqs, handedAt);
    }

    /**
     * Hands the events {@code seqs} that are still waiting to the sender: marks them as being sent
     * and answers them, oldest first, with their payloads. Commit before the request: they may be
     * at central from then on, so a withdrawal or a hold no longer takes them. Marked and read in
     * the caller's transaction, so an event withdrawn or held meanwhile is neither marked nor sent.
     */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public List<OutboxEvent> handOver(Collection<Long> seqs, OffsetDateTime now) {
        return outbox.markSendingAndRead(seqs, now);
    }

    /** A transport failure on a batch: one more attempt and its one-line error; the events still wait. */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public void markFailedAttempt(Collection<Long> seqs, String error, OffsetDateTime now) {
        outbox.recordFailure(seqs, error, now);
    }

    /**
     * Central took the event (APPLIED or DUPLICATE): SENT. A walk-in's central appointment id,
     * when central gives one, is kept on its case the first time.
     */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public void markSent(java.util.Collection<OutboxEvent> events, String result, OffsetDateTime now) {
        outbox.markSent(events.stream().map(OutboxEvent::seq).toList(), result, now);
    }

    /** Central took the event; its central appointment id, when central gives one, is kept on its case the first time. */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public void markSent(OutboxEvent e, String result, String appointmentId, OffsetDateTime now) {
        outbox.markSent(e.seq(), result, appointmentId, now);
        if (appointmentId != null) {
            cases.rememberCentralAppointment(e.caseRef(), appointmentId);
        }
    }

    /**
     * Central refused the event: {@code state} HELD (CONFLICT) or FAILED (INVALID) with its
     * reason, held by the conflict, and every later waiting event of its case held by it too.
     * Answers how many later events were held.
     */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public int markRefused(OutboxEvent e, OutboxState state, String result, String reason, long conflictId, OffsetDateTime now) {
        outbox.markRefused(e.seq(), state, result, reason, conflictId, now);
        return outbox.holdLater(e.caseRef(), e.seq(), conflictId);
    }

    /** Every waiting event of the case never handed to central is held by the conflict; answers how many. */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public int holdNeverSent(String caseRef, long conflictId) {
        return outbox.holdNeverSent(caseRef, conflictId);
    }

    /** KEEP_OFFICE: the events held by the conflict wait again; a failed one no longer blocks its case. */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public int release(long conflictId) {
        return outbox.releaseToPending(conflictId);
    }

    /** ACCEPT_CENTRAL: the events held by the conflict are never sent; a failed one no longer blocks. */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public int supersede(long conflictId) {
        return outbox.supersede(conflictId);
    }

    /** How many events the conflict holds now. */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public int countHeldBy(long conflictId) {
        return outbox.countHeldBy(conflictId);
    }

    /** How many events stand in each state (every state present). */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public Map<OutboxState, Integer> countByState() {
        return outbox.countByState();
    }

    /** Up to {@code limit} events sent before {@code before} removed (not those of a case on hold): answers how many. */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public int purgeSent(OffsetDateTime before, int limit) {
        return outbox.purgeSent(before, limit);
    }

    /** PENDING, HELD and FAILED counted through the state index (never the sent history): what a push reports. */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public Map<OutboxState, Integer> waitingCounts() {
        return outbox.waitingCounts();
    }

    /** The backlog: waiting, held, failed and the oldest waiting; no push or conflict figures (sync adds them). */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public OutboxSummary backlog() {
        return outbox.backlog();
    }

    /** Waiting, held and failed events, oldest first. */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public List<OutboxEntry> unsent() {
        return outbox.unsent();
    }

    /** One event as the support command shows it, in whatever state. */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public Optional<OutboxEntry> entry(String eventId) {
        return outbox.entry(eventId);
    }

    /** Central's id for the case's appointment, when central gave one. */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public Optional<String> centralAppointmentId(String caseRef) {
        return cases.centralAppointmentId(caseRef);
    }
}
