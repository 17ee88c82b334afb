package id.loket.central.sim;

import java.time.Duration;

/**
 * One way the simulated central can misbehave on a request, as the real one has:
 * refusing, being busy, failing, being slow, or cutting a response short.
 */
public record Fault(Kind kind, int retryAfterSeconds, Duration delay) {

    public enum Kind {
        /** Answers normally: a placeholder in a script of faults. */
        PASS,
        /** 503 with Retry-After. */
        UNAVAILABLE,
        /** 429 with Retry-After. */
        THROTTLED,
        /** 500 with a Problem body. */
        SERVER_ERROR,
        /** Waits before answering normally (longer than the client's timeout, for a timeout). */
        SLOW,
        /** Announces the full length, sends half the body, closes the connection. */
        DROP,
        /** A complete HTTP response whose JSON body is cut in the middle. */
        TRUNCATED,
        /** A 200 whose body is not JSON at all (an HTML error page from a proxy). */
        MALFORMED
    }

    /** No fault this time. */
    public static Fault pass() {
        return new Fault(Kind.PASS, 0, Duration.ZERO);
    }

    public static Fault unavailable(int retryAfterSeconds) {
        return new Fault(Kind.UNAVAILABLE, retryAfterSeconds, Duration.ZERO);
    }

    public static Fault throttled(int retryAfterSeconds) {
        return new Fault(Kind.THROTTLED, retryAfterSeconds, Duration.ZERO);
    }

    public static Fault of(Kind kind) {
        return new Fault(kind, 1, Duration.ZERO);
    }

    public static Fault slow(Duration delay) {
        return new Fault(Kind.SLOW, 0, delay);
    }
}
