package id.loket.supervisor.model;

/**
 * A sync conflict still open at closing, in the supervisor's words: its kind (a
 * {@code ConflictKind} name), and whom it is about (queue number and name; either may be null
 * when the case or booking is not known here). Never the case's or booking's UUID.
 */
public record OpenConflict(long id, String kind, String queueNumber, String name) {
}
