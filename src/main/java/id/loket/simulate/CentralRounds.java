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
    /** At closing, pushes are repeated while central stops them, at most this many times. */
    private static final int CLOSING_TRIES = 5;

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

    public CentralRounds(String office, LocalDate date, PullService pull, PushService push) {
        this.office = Objects.requireNonNull(office);
        this.date = Objects.requireNonNull(date);
        this.pull = Objects.requireNonNull(pull);
        this.push = Objects.requireNonNull(push);
    }

    /** One round: pull the day, then push what waits. */
    @Override
    public void sync(Instant at) {
        rounds++;
        pullOnce(at);
        pushOnce(push, at);
    }

    /**
     * At the end of a run: pushes with {@code fresh} (a push service whose circuit breaker has not seen the
     * day's faults) until nothing more can be sent or it has tried {@link #CLOSING_TRIES} times.
     *
     * @return the last push's report, empty if every try ended in an unexpected error
     */
    public Optional<PushReport> closing(PushService fresh, Instant at) {
        Optional<PushReport> last = Optional.empty();
        for (int i = 0; i < CLOSING_TRIES; i++) {
            Optional<PushReport> report = pushOnce(fresh, at);
            if (report.isPresent()) {
                last = report;
                if (report.get().complete()) {
                    break;
                }
            }
        }
        return last;
    }

    private void pullOnce(Instant at) {
        try {
            PullReport report = pull.pull(office, date, 1, PullService.Listener.NONE);
            if (report.failure().isPresent()) {
                pullsStopped++;
                lastProblem = report.failure().get();
            }
        } catch (RuntimeException e) {
            errors++;
            lastProblem = String.valueOf(e);
            LOG.error("Simulation at {}: the pull threw instead of reporting", at, e);
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
