package id.loket.casefile.service;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.casefile.model.OutboxState;
import id.loket.casefile.model.WaitingEvent;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The batches a push plans from the backlog read once: the outbox's rules, batch after batch. */
class SendQueueTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 7, 10, 0, 0, 0, ZoneOffset.ofHours(8));

    private static WaitingEvent pending(long seq, String caseRef) {
        return new WaitingEvent(seq, caseRef, OutboxState.PENDING, false, null, null);
    }

    private static List<Long> seqs(List<WaitingEvent> batch) {
        return batch.stream().map(WaitingEvent::seq).toList();
    }

    @Test
    void oneEventOfACasePerBatchOldestFirstAndTheNextOnlyOnceTheFirstWasTaken() {
        SendQueue q = new SendQueue(List.of(pending(1, "a"), pending(2, "b"), pending(3, "a"), pending(4, "c"), pending(5, "a")), NOW);

        assertThat(seqs(q.next(100))).containsExactly(1L, 2L, 4L);
        assertThat(q.next(100)).as("a's next waits for the answer on 1").isEmpty();
        q.taken(1, "a");
        assertThat(seqs(q.next(100))).containsExactly(3L);
        q.taken(3, "a");
        assertThat(seqs(q.next(100))).containsExactly(5L);
    }

    @Test
    void aBatchHoldsAtMostTheLimitAndTheRestFollowsInOrder() {
        SendQueue q = new SendQueue(List.of(pending(1, "a"), pending(2, "b"), pending(3, "c"), pending(4, "d")), NOW);

        assertThat(seqs(q.next(3))).containsExactly(1L, 2L, 3L);
        assertThat(seqs(q.next(3))).containsExactly(4L);
    }

    @Test
    void aHeldBackHeldOrFailedEventKeepsItsCaseBackAndAReleasedFailureDoesNot() {
        SendQueue q = new SendQueue(List.of(
                new WaitingEvent(1, "undo", OutboxState.PENDING, false, NOW.plusMinutes(2), null), pending(2, "undo"),
                new WaitingEvent(3, "held", OutboxState.HELD, false, null, null), pending(4, "held"),
                new WaitingEvent(5, "failed", OutboxState.FAILED, false, null, null), pending(6, "failed"),
                new WaitingEvent(7, "released", OutboxState.FAILED, true, null, null), pending(8, "released"),
                new WaitingEvent(9, "due", OutboxState.PENDING, false, NOW.minusSeconds(1), null)), NOW);

        assertThat(seqs(q.next(100))).containsExactly(8L, 9L);
    }

    @Test
    void aRefusedEventStopsTheRestOfItsCaseForThisPush() {
        SendQueue q = new SendQueue(List.of(pending(1, "a"), pending(2, "b"), pending(3, "a"), pending(4, "b")), NOW);

        assertThat(seqs(q.next(100))).containsExactly(1L, 2L);
        q.stopped("a");
        q.taken(2, "b");
        assertThat(seqs(q.next(100))).containsExactly(4L);
        q.taken(4, "b");
        assertThat(q.next(100)).isEmpty();
    }
}
