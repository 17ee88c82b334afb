package id.loket.simulate;

import id.loket.sync.model.PullReport;
import id.loket.sync.model.PushReport;
import id.loket.sync.service.PullService;
import id.loket.sync.service.PushService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desk's rounds with central during a simulated day: pull the day (central's changes come in),
 * then push the outbox. A fault of central is counted and the day goes on; the backlog waits in the
 * outbox for the next round. Even an exception that the sync services should never let out is
 * caught, logged and counted here, so that a simulated day is never ended by central.
 */
public final class CentralRounds implements DaySync {

    private static final Logger LOG = LoggerFactory.getLogger(CentralRounds.class);
    /** At closing, a push that central stopped after some progress is repeated, at most this many times in all. */
    private static final int CLOSING_TRIES = 5;
    /** After pulls stopped in a row, that many rounds (doubling, at most this many) go without a pull. */
    private static final int MAX_PULLS_SKIPPED = 6;

    /** What the rounds of one run did. */
    public record Tally(int rounds, int pullsStopped, int pushesStopped, int applied, int duplicates, int conflicts,
            int invalid, int errors, Optional<String> lastProblem) {
    }

    private final String office;
    private final LocalDate date;
    private final PullService pull;
    private final PushService push;

    private int rounds;
    private int pullsStopped;
    private int pushesStopped;
    private int applied;
    private int duplicates;
    private int conflicts;
    private int invalid;
    private int errors;
    private String lastProblem;
    private int pullFailuresInARow;
    private int pullsToSkip;

    public CentralRounds(String office, LocalDate date, PullService pull, PushService push) {
        this.office = Objects.requireNonNull(office);
        this.date = Objects.requireNonNull(date);
        this.pull = Objects.requireNonNull(pull);
        this.push = Objects.requireNonNull(push);
    }

    /**
     * One round: pull the day, then push what waits. After a pull central stopped, the next rounds skip the pull
     * (1, 2, 4, at most {@link #MAX_PULLS_SKIPPED} rounds) so an absent central is not asked at every round; the
     * push has its own circuit breaker.
     */
    @Override
    public void sync(Instant at) {
        rounds++;
        if (pullsToSkip > 0) {
            pullsToSkip--;
        } else if (pullOnce(at)) {
            pullFailuresInARow = 0;
        } else {
            pullFailuresInARow++;
            pullsToSkip = Math.min(1 << Math.min(pullFailuresInARow - 1, 8), MAX_PULLS_SKIPPED);
        }
        pushOnce(push, at);
    }

    /**
     * At the end of a run: pushes with {@code fresh} (a push service whose circuit breaker has not seen the
     * day's faults) again while central stops a push that got some answers, at most {@link #CLOSING_TRIES} times;
     * a push that got nothing at all (central away) is not repeated.
     *
     * @return the last push's report, empty if every try ended in an unexpected error
     */
    public Optional<PushReport> closing(PushService fresh, Instant at) {
        Optional<PushReport> last = Optional.empty();
        for (int i = 0; i < CLOSING_TRIES; i++) {
            Optional<PushReport> report = pushOnce(fresh, at);
            if (report.isPresent()) {
                last = report;
                PushReport r = report.get();
                if (r.complete() || r.sent() + r.duplicates() + r.conflicts() + r.invalid() == 0) {
                    break;
                }
            } else {
                break;
            }
        }
        return last;
    }

    /** True if the pull completed. */
    private boolean pullOnce(Instant at) {
        try {
            PullReport report = pull.pull(office, date, 1, PullService.Listener.NONE);
            if (report.failure().isPresent()) {
                pullsStopped++;
                lastProblem = report.failure().get();
                return false;
            }
            return true;
        } catch (RuntimeException e) {
            errors++;
            lastProblem = String.valueOf(e);
            LOG.error("Simulation at {}: the pull threw instead of reporting", at, e);
            return false;
        }
    }

    private Optional<PushReport> pushOnce(PushService service, Instant at) {
        try {
            PushReport report = service.pushOnce();
            applied += report.sent();
            duplicates += report.duplicates();
            conflicts += report.conflicts();
            invalid += report.invalid();
            if (report.problem().isPresent()) {
                pushesStopped++;
                lastProblem = report.problem().get();
            }
            return Optional.of(report);
        } catch (RuntimeException e) {
            errors++;
            lastProblem = String.valueOf(e);
            LOG.error("Simulation at {}: the push threw instead of reporting", at, e);
            return Optional.empty();
        }
    }

    public Tally tally() {
        return new Tally(rounds, pullsStopped, pushesStopped, applied, duplicates, conflicts, invalid, errors,
                Optional.ofNullable(lastProblem));
    }
}
