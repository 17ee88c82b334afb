package id.loket.simulate;

import java.time.Instant;

/**
 * What the desk does with central between two moves of a simulated day (pull the day, push the
 * outbox). Must not throw for a fault of central: the day goes on whatever central does.
 */
@FunctionalInterface
public interface DaySync {

    DaySync NONE = at -> { };

    /** Talks to central now; {@code at} is the simulated time. */
    void sync(Instant at);
}
