package id.loket.casefile.model;

import java.time.OffsetDateTime;

/**
 * An event that is still to go or to be looked at (waiting, held, or failed), as much as a push
 * needs to plan its batches: where it stands in the order, its case, what keeps it back, and the
 * conflict that holds it.
 */
public record WaitingEvent(long seq, String caseRef, OutboxState state, boolean released, OffsetDateTime notBefore, Long heldBy) {

    /** The same event held by the conflict {@code conflict}. */
    public WaitingEvent heldBy(Long conflict) {
        return new WaitingEvent(seq, caseRef, OutboxState.HELD, released, notBefore, conflict);
    }

    /** Whether it holds the later events of its case: held, or failed and not released (a waiting one only delays them). */
    public boolean stops() {
        return state == OutboxState.HELD || (state == OutboxState.FAILED && !released);
    }

    /** Whether it keeps the later events of its case back: waiting, held, or failed and not released. */
    public boolean blocks() {
        return state == OutboxState.PENDING || state == OutboxState.HELD || (state == OutboxState.FAILED && !released);
    }

    /** Whether it may go at {@code now} once nothing earlier of its case blocks: waiting, and not held back past now. */
    public boolean mayGoAt(OffsetDateTime now) {
        return state == OutboxState.PENDING && (notBefore == null || !notBefore.isAfter(now));
    }
}
