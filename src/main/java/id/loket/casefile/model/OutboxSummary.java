package id.loket.casefile.model;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The backlog of events for central at a glance, for the status bar and the support command:
 * how many wait, are held behind a conflict, or were refused as invalid; since when the
 * oldest waits; when the last push ran and what stopped it, if anything did; when a push last
 * succeeded (what "Kirim terakhir" shows: a failed attempt does not move it); and how many sync
 * conflicts are open (the one count every screen shows). Withdrawn events (an undone check-in)
 * are never in it. The counts come from the case file's outbox; the push and the conflicts are
 * sync's, added with {@link #withPush}.
 */
public record OutboxSummary(int waiting, int held, int failed, Optional<OffsetDateTime> oldestWaiting,
        Optional<OffsetDateTime> lastPush, Optional<String> lastPushProblem, Optional<OffsetDateTime> lastSuccess,
        int openConflicts) {

    /** This backlog with what sync knows: the last push, what stopped it, the last success, the open conflicts. */
    public OutboxSummary withPush(Optional<OffsetDateTime> lastPush, Optional<String> lastPushProblem,
            Optional<OffsetDateTime> lastSuccess, int openConflicts) {
        return new OutboxSummary(waiting, held, failed, oldestWaiting, lastPush, lastPushProblem, lastSuccess, openConflicts);
    }
}
