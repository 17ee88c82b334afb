package id.loket.casefile.model;

import java.time.OffsetDateTime;

/**
 * One event not (yet) at central, as the support command lists it. {@code lastError} is the
 * last transport failure (one line, no token, no NIK); {@code reason} is central's own reason
 * for a CONFLICT or INVALID answer; {@code heldBy} the conflict holding it, or null;
 * {@code result} central's last answer (APPLIED, DUPLICATE, CONFLICT, INVALID), null before one.
 */
public record OutboxEntry(long seq, String eventId, String caseRef, String type, OffsetDateTime occurredAt,
        OutboxState state, int attempts, String lastError, String reason, Long heldBy, String result) {
}
