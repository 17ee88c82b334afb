package id.loket.sync.model;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * What the desk knows of its link to central, for the status bar: how central answers and
 * since when ({@link LinkMonitor}), the last complete pull, and the last problem in words.
 */
public record SyncStatus(Connectivity connectivity, OffsetDateTime since, Optional<OffsetDateTime> lastSuccessfulPull,
        Optional<String> lastFailure) {

    /** How central answers the desk's calls. */
    public enum Connectivity { UNKNOWN, ONLINE, DEGRADED, OFFLINE }

    /** Central can be reached (perhaps not every time). */
    public boolean reachable() {
        return connectivity == Connectivity.ONLINE || connectivity == Connectivity.DEGRADED;
    }
}
