package id.loket.sync.service;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import id.loket.central.CentralException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts to central as {@link CentralCalls} does (transient faults retried with exponential
 * backoff and jitter, Retry-After honoured), each attempt behind a circuit breaker: when
 * central has failed {@link PushSettings#breakerFailures()} attempts in a row, the next pushes
 * fail at once with {@link dev.failsafe.CircuitBreakerOpenException} without a request.
 */
final class PushCalls {

    private static final Logger LOG = LoggerFactory.getLogger(PushCalls.class);

    private final FailsafeExecutor<Object> executor;

    PushCalls(RetrySettings settings, PushSettings push) {
        CircuitBreaker<Object> breaker = CircuitBreaker.builder()
                .handleIf(e -> e instanceof CentralException c && c.isTransient())
                .withFailureThreshold(push.breakerFailures())
                .withDelay(push.breakerOpenFor())
                .withSuccessThreshold(1)
                .onOpen(e -> LOG.warn("Central unreachable: pushes paused for {}", push.breakerOpenFor()))
                .onClose(e -> LOG.info("Central answers again: pushes resume"))
                .build();
        RetryPolicy<Object> policy = RetryPolicy.builder()
                .handleIf(e -> e instanceof CentralException c && c.isTransient())
                .abortOn(e -> e instanceof CentralException c
                        && c.retryAfter().map(d -> d.compareTo(settings.longestRetryAfter()) > 0).orElse(false))
                .withMaxRetries(settings.maxRetries())
                .withDelayFn(ctx -> CentralCalls.delay(settings, ctx.getAttemptCount(), ctx.getLastException()))
                .onRetry(e -> LOG.info("Push failed ({}), retry {} of {}",
                        e.getLastException() instanceof CentralException c ? c.kind() : e.getLastException(),
                        e.getAttemptCount(), settings.maxRetries()))
                .build();
        // The retry policy wraps the breaker: every attempt counts for the breaker, and an open
        // breaker (not a CentralException) ends the retries at once.
        this.executor = Failsafe.with(policy, breaker);
    }

    @SuppressWarnings("unchecked")
    <T> T call(Supplier<T> call) {
        return (T) executor.get(call::get);
    }
}
