package id.loket.simulate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock whose time is set by the simulation: it stands still until advanced, and never goes
 * back. Thread-safe; {@link #withZone} gives a view on the same time.
 */
public final class SimulatedClock extends Clock {

    private final AtomicReference<Instant> now;
    private final ZoneId zone;

    public SimulatedClock(Instant start, ZoneId zone) {
        this(new AtomicReference<>(Objects.requireNonNull(start, "start")), zone);
    }

    private SimulatedClock(AtomicReference<Instant> now, ZoneId zone) {
        this.now = now;
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return other.equals(zone) ? this : new SimulatedClock(now, other);
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /** Moves the time to {@code t}, or leaves it if it is already later; answers the time now. */
    public Instant advanceTo(Instant t) {
        Objects.requireNonNull(t, "t");
        return now.accumulateAndGet(t, (a, b) -> b.isAfter(a) ? b : a);
    }

    /** Moves the time forward by {@code d} (not negative). */
    public Instant advanceBy(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("a clock that goes back: " + d);
        }
        return now.accumulateAndGet(null, (a, ignored) -> a.plus(d));
    }

    @Override
    public String toString() {
        return "SimulatedClock[" + now.get() + "," + zone + "]";
    }
}
