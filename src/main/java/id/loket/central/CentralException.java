package id.loket.central;

import id.loket.common.model.UserFacingException;
import java.time.Duration;
import java.util.Optional;

/**
 * What went wrong talking to central, in one word and a message key. Transient kinds are an
 * outage: the desk keeps working and tries again later. The others need a person (a wrong
 * token, an office central does not know).
 */
public final class CentralException extends UserFacingException {

    public enum Kind {
        UNAUTHORIZED(false), NOT_FOUND(false), BAD_REQUEST(false), UNTRUSTED(false),
        THROTTLED(true), UNAVAILABLE(true), SERVER_ERROR(true),
        TIMEOUT(true), CONNECTION(true), MALFORMED(true);

        private final boolean transientFault;

        Kind(boolean transientFault) {
            this.transientFault = transientFault;
        }
    }

    private final Kind kind;
    private final transient Duration retryAfter;

    public CentralException(Kind kind, Duration retryAfter, Throwable cause, Object... args) {
        super(cause, "central." + kind.name().toLowerCase(java.util.Locale.ROOT), args);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public CentralException(Kind kind, Object... args) {
        this(kind, null, null, args);
    }

    public Kind kind() {
        return kind;
    }

    public boolean isTransient() {
        return kind.transientFault;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
