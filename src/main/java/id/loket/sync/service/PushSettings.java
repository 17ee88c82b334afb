package id.loket.sync.service;

import java.time.Duration;

/**
 * How the push engine sends: events per request (the contract allows at most 100), and when
 * to stop asking an absent central — after {@code breakerFailures} failed requests in a row the
 * circuit opens and pushes cost nothing for {@code breakerOpenFor}; then one request tries.
 */
public record PushSettings(int batchSize, int breakerFailures, Duration breakerOpenFor) {

    public static final int MAX_BATCH = 100;

    public PushSettings {
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("batchSize must be 1.." + MAX_BATCH + ": " + batchSize);
        }
        if (breakerFailures < 1) {
            throw new IllegalArgumentException("breakerFailures must be at least 1");
        }
    }

    public static PushSettings defaults() {
        return new PushSettings(MAX_BATCH, 4, Duration.ofSeconds(30));
    }
}
