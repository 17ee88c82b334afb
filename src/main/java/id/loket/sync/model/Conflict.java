package id.loket.sync.model;

import java.time.OffsetDateTime;

/**
 * A disagreement between the office and central, with both sides as JSON text: what the
 * office did or holds ({@code officeSide}) and what central answered or holds
 * ({@code centralSide}). {@code appointmentId}, {@code eventId} and the resolution fields are
 * null where they do not apply (yet).
 */
public record Conflict(long id, ConflictKind kind, String caseRef, String appointmentId, String eventId,
        String officeSide, String centralSide, String reason, OffsetDateTime detectedAt, ConflictState state,
        Resolution resolution, String resolvedBy, OffsetDateTime resolvedAt, String note) {

    /** Still to be settled: open, or put aside for a manual follow-up. */
    public boolean unsettled() {
        return state == ConflictState.OPEN || resolution == Resolution.MANUAL_FOLLOW_UP;
    }
}
