package id.loket.casefile.service;

import id.loket.casefile.model.WaitingEvent;
import id.loket.staff.model.Unguarded;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The batches of one push, planned from the events waiting when it starts (read once), with
 * the outbox's rules: events of a case in the order they happened, at most one of a case per
 * batch, never one while an earlier event of its case waits unanswered, is held back, held, or
 * failed. It gives the batches one after the other, without
 * reading the backlog again for each batch ({@link Outbox#sendable} is its first batch). Events written while the push runs wait for the
 * next push.
 */
public final class SendQueue {

    /** Each case's blocking events, oldest first. */
    private final Map<String, Deque<WaitingEvent>> cases = new HashMap<>();
    /** The events that may go now (the first of their case), by seq. */
    private final TreeMap<Long, WaitingEvent> ready = new TreeMap<>();
    private final OffsetDateTime now;

    public SendQueue(Collection<WaitingEvent> waiting, OffsetDateTime now) {
        this.now = now;
        for (WaitingEvent e : waiting) {
            if (e.blocks()) {
                cases.computeIfAbsent(e.caseRef(), k -> new ArrayDeque<>()).addLast(e);
            }
        }
        cases.values().forEach(this::offerHead);
    }

    /** The next batch: at most {@code limit} events, oldest first, one per case; they are in flight from now on. */
    @Unguarded("plumbing of a push, which checked the session; in memory, no data read")
    public List<WaitingEvent> next(int limit) {
        List<WaitingEvent> batch = new ArrayList<>(Math.min(limit, ready.size()));
        while (batch.size() < limit && !ready.isEmpty()) {
            batch.add(ready.pollFirstEntry().getValue());
        }
        return batch;
    }

    /** Central took it (APPLIED or DUPLICATE): the next event of its case may go. */
    @Unguarded("plumbing of a push, which checked the session; in memory, no data read")
    public void taken(long seq, String caseRef) {
        Deque<WaitingEvent> events = cases.get(caseRef);
        if (events != null && !events.isEmpty() && events.peekFirst().seq() == seq) {
            events.pollFirst();
            offerHead(events);
        }
    }

    /** Central refused it, or it was no longer waiting when its batch was read: nothing more of its case goes in this push. */
    @Unguarded("plumbing of a push, which checked the session; in memory, no data read")
    public void stopped(String caseRef) {
        Deque<WaitingEvent> events = cases.remove(caseRef);
        if (events != null) {
            events.forEach(e -> ready.remove(e.seq()));
        }
    }

    private void offerHead(Deque<WaitingEvent> events) {
        WaitingEvent head = events.peekFirst();
        if (head != null && head.mayGoAt(now)) {
            ready.put(head.seq(), head);
        }
    }
}
