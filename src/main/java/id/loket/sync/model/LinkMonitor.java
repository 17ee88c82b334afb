package id.loket.sync.model;

import id.loket.sync.model.SyncStatus.Connectivity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * How well central answers, judged from every call the desk makes to it (health polls,
 * pulls, pushes), not from the health poll alone.
 *
 * <ul>
 * <li>OFFLINE: the last {@value #FAILURES_FOR_OFFLINE} calls failed (or the only one so far).</li>
 * <li>DEGRADED: central answers, but part of the time: a failure among the recent calls, or
 * answers slower than {@link #SLOW}. The failures of an outage that has ended do not count:
 * the first answer after OFFLINE starts afresh.</li>
 * <li>ONLINE: the recent calls all answered in time.</li>
 * </ul>
 * "Recent" is the last {@value #WINDOW} calls of the last {@link #HORIZON}. The state carries
 * the moment it began, for "offline since 09:12". Thread-safe.
 */
public final class LinkMonitor {

    /** An answer slower than this counts against the link. */
    public static final Duration SLOW = Duration.ofSeconds(3);
    static final int WINDOW = 10;
    static final int FAILURES_FOR_OFFLINE = 2;
    static final Duration HORIZON = Duration.ofMinutes(5);

    private record Outcome(Instant at, boolean ok, boolean slow) {
    }

    private final Clock clock;
    private final Deque<Outcome> recent = new ArrayDeque<>();
    private Connectivity state = Connectivity.UNKNOWN;
    private OffsetDateTime since;
    private String lastProblem;

    public LinkMonitor(Clock clock) {
        this.clock = clock;
        this.since = OffsetDateTime.now(clock);
    }

    /** Central answered, taking {@code latency}. */
    public synchronized Connectivity answered(Duration latency) {
        add(new Outcome(clock.instant(), true, latency.compareTo(SLOW) > 0));
        return state;
    }

    /** A call failed (no answer, or an answer that is an outage: 5xx, 429, broken body); {@code problem} in the officer's words. */
    public synchronized Connectivity failed(String problem) {
        lastProblem = problem;
        add(new Outcome(clock.instant(), false, false));
        return state;
    }

    public synchronized Connectivity state() {
        return state;
    }

    /** When the present state began. */
    public synchronized OffsetDateTime since() {
        return since;
    }

    /** What went wrong last, while the link is not ONLINE. */
    public synchronized Optional<String> problem() {
        return state == Connectivity.ONLINE ? Optional.empty() : Optional.ofNullable(lastProblem);
    }

    private void add(Outcome o) {
        if (o.ok() && state == Connectivity.OFFLINE) {
            // Back after an outage: the outage is over, not a sign of a flaky link.
            recent.clear();
        }
        recent.addLast(o);
        Instant oldest = o.at().minus(HORIZON);
        while (recent.size() > WINDOW || (!recent.isEmpty() && recent.peekFirst().at().isBefore(oldest))) {
            recent.removeFirst();
        }
        Connectivity next = judge();
        if (next != state) {
            state = next;
            since = OffsetDateTime.now(clock);
        }
    }

    private Connectivity judge() {
        int trailingFailures = 0;
        for (var it = recent.descendingIterator(); it.hasNext(); ) {
            if (it.next().ok()) {
                break;
            }
            trailingFailures++;
        }
        if (trailingFailures >= FAILURES_FOR_OFFLINE || trailingFailures == recent.size()) {
            return Connectivity.OFFLINE;
        }
        boolean troubled = recent.stream().anyMatch(x -> !x.ok() || x.slow());
        return troubled ? Connectivity.DEGRADED : Connectivity.ONLINE;
    }
}
