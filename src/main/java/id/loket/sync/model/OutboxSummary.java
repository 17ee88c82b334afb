package id.loket.sync.model;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * The backlog of events for central at a glance, for the status bar and the support command:
 * how many wait, are held behind a conflict, or were refused as invalid; since when the
 * oldest waits; when the last push ran and what stopped it, if anything did.
 */
public record OutboxSummary(int waiting, int held, int failed, Optional<OffsetDateTime> oldestWaiting,
        Optional<OffsetDateTime> lastPush, Optional<String> lastPushProblem) {
}
