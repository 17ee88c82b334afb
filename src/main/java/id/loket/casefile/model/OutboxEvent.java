package id.loket.casefile.model;

import java.time.OffsetDateTime;

/**
 * An event waiting to be sent to central, with its place in the order of occurrence
 * ({@code seq}) and the contract Event exactly as it will be sent ({@code payload}, JSON).
 */
public record OutboxEvent(long seq, String eventId, String caseRef, EventType type, OffsetDateTime occurredAt,
        String payload, String state) {
}
