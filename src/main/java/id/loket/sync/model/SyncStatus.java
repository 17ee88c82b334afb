package id.loket.sync.model;

import java.time.OffsetDateTime;
import java.util.Optional;

/** What the desk knows of its link to central, for the status bar. */
public record SyncStatus(Connectivity connectivity, Optional<OffsetDateTime> lastSuccessfulPull, Optional<String> lastFailure) {

    /** Whether central answered the last time the desk asked. */
    public enum Connectivity { UNKNOWN, ONLINE, OFFLINE }
}
