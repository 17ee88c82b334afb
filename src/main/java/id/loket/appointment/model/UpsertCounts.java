package id.loket.appointment.model;

/** How a batch of incoming appointments was taken: how many were newer and applied, how many ignored. */
public record UpsertCounts(int applied, int ignored) {
}
