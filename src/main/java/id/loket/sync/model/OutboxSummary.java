package id.loket.sync.model;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The backlog of events for central at a glance, for the status bar and the support command:
 * how many wait, are held behind a conflict, or were refused as invalid; since when the
 * oldest waits; when the last push ran and what stopped it, if anything did; when a push last
 * succeeded (what "Kirim terakhir" shows: a failed attempt does not move it); and how many sync
 * conflicts are open (the one count every screen shows).
 */
public record OutboxSummary(int waiting, int held, int failed, Optional<OffsetDateTime> oldestWaiting,
        Optional<OffsetDateTime> lastPush, Optional<String> lastPushProblem, Optional<OffsetDateTime> lastSuccess,
        int openConflicts) {

    /** A summary with no success time and no conflict count known. */
    public OutboxSummary(int waiting, int held, int failed, Optional<OffsetDateTime> oldestWaiting,
            Optional<OffsetDateTime> lastPush, Optional<String> lastPushProblem) {
        this(waiting, held, failed, oldestWaiting, lastPush, lastPushProblem, lastPushProblem.isEmpty() ? lastPush : Optional.empty(), 0);
    }
}
