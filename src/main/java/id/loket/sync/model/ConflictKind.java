package id.loket.sync.model;

/** Why the office and central disagree. */
public enum ConflictKind {
    /** Central answered CONFLICT to an event: its state refuses what the office did. */
    EVENT_REFUSED,
    /** Central answered INVALID to an event: it cannot be applied as it is. */
    EVENT_INVALID,
    /** Central cancelled or rescheduled an appointment the office has already served. */
    SERVED_THEN_CHANGED,
    /** A walk-in registered at the office duplicates a booking central has. */
    WALK_IN_DUPLICATES_BOOKING,
    /** A newer version from central changes data the office has already verified. */
    VERIFIED_DATA_CHANGED
}
