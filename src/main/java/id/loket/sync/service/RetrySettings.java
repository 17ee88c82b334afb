package id.loket.sync.service;

import java.time.Duration;

/**
 * How hard to try one request before calling central unreachable. Retries are bounded; a
 * Retry-After longer than {@code longestRetryAfter} ends the attempt at once rather than
 * keeping a sync (and its progress bar) waiting for minutes.
 */
public record RetrySettings(int maxRetries, Duration firstDelay, Duration maxDelay, Duration longestRetryAfter) {

    public static RetrySettings defaults() {
        return new RetrySettings(3, Duration.ofSeconds(1), Duration.ofSeconds(15), Duration.ofSeconds(30));
    }

    /** No retry at all: one attempt per request. */
    public static RetrySettings none() {
        return new RetrySettings(0, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }
}
