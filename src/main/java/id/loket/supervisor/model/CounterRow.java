package id.loket.supervisor.model;

import java.time.OffsetDateTime;

/**
 * A counter today: the officer who called there last, the cases it finished, the queue number at
 * it now (null when it has none in progress) and since when it is being served there, and who is
 * signed in at that counter now (full name, null when nobody is) and since when; the reference of the
 * case it holds, which a supervisor may release when the desk stopped.
 */
public record CounterRow(String counter, String officer, int served, String currentQueueNumber, OffsetDateTime servingSince,
        String signedIn, OffsetDateTime signedInSince, String currentCaseRef) {

    /** The same without the reference of the case at the counter (when nobody may release it). */
    public CounterRow(String counter, String officer, int served, String currentQueueNumber, OffsetDateTime servingSince,
            String signedIn, OffsetDateTime signedInSince) {
        this(counter, officer, served, currentQueueNumber, servingSince, signedIn, signedInSince, null);
    }

    /** A counter whose desk nobody is signed in at, whose case (if any) is not timed. */
    public CounterRow(String counter, String officer, int served, String currentQueueNumber) {
        this(counter, officer, served, currentQueueNumber, null, null, null);
    }
}
