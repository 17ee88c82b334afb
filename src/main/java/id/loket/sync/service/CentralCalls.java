package id.loket.sync.service;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import id.loket.central.CentralException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls to central under one retry policy (Failsafe): transient faults are retried with
 * exponential backoff and jitter, honouring Retry-After; refusals (401, 404, 400) are not.
 */
final class CentralCalls {

    private static final Logger LOG = LoggerFactory.getLogger(CentralCalls.class);

    private final FailsafeExecutor<Object> executor;

    CentralCalls(RetrySettings settings) {
        RetryPolicy<Object> policy = RetryPolicy.builder()
                .handleIf(e -> e instanceof CentralException c && c.isTransient())
                .abortOn(e -> e instanceof CentralException c
                        && c.retryAfter().map(d -> d.compareTo(settings.longestRetryAfter()) > 0).orElse(false))
                .withMaxRetries(settings.maxRetries())
                .withDelayFn(ctx -> delay(settings, ctx.getAttemptCount(), ctx.getLastException()))
                .onRetry(e -> LOG.info("Central call failed ({}), retry {} of {}",
                        e.getLastException() instanceof CentralException c ? c.kind() : e.getLastException(),
                        e.getAttemptCount(), settings.maxRetries()))
                .build();
        this.executor = Failsafe.with(policy);
    }

    /** Runs the call; the last failure comes out as it was thrown. */
    @SuppressWarnings("unchecked")
    <T> T call(Supplier<T> call) {
        return (T) executor.get(call::get);
    }

    static Duration delay(RetrySettings settings, int attempts, Throwable last) {
        if (last instanceof CentralException c && c.retryAfter().isPresent()) {
            return c.retryAfter().get();
        }
        long first = settings.firstDelay().toMillis();
        long exp = first << Math.min(Math.max(attempts - 1, 0), 20);
        long capped = Math.min(exp, settings.maxDelay().toMillis());
        long jitter = capped / 4;
        long jittered = capped - jitter + (jitter == 0 ? 0 : ThreadLocalRandom.current().nextLong(2 * jitter + 1));
        return Duration.ofMillis(Math.max(0, jittered));
    }
}
