package id.loket.supervisor.model;

/**
 * A counter today: the officer who called there last, the cases it finished, and the queue number
 * at it now (null when it has none in progress).
 */
public record CounterRow(String counter, String officer, int served, String currentQueueNumber) {
}
