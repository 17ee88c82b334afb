package id.loket.app;

import id.loket.staff.model.Role;
import id.loket.staff.model.Session;
import id.loket.central.CentralClient;
import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import id.loket.simulate.CentralRounds;
import id.loket.simulate.DaySimulator;
import id.loket.simulate.DaySummary;
import id.loket.simulate.OfficeHours;
import id.loket.simulate.SimulatedClock;
import id.loket.simulate.SimulationSettings;
import id.loket.supervisor.model.DayClosing;
import id.loket.supervisor.service.CloseDayService;
import id.loket.casefile.model.OutboxSummary;
import id.loket.sync.model.PullReport;
import id.loket.sync.model.PushReport;
import id.loket.sync.service.PullService;
import id.loket.sync.service.PushService;
import id.loket.sync.service.PushSettings;
import id.loket.sync.service.RetrySettings;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code loket simulate}: pulls a day and plays it as a busy office would, through the real
 * services, on a simulated clock. Run again on the same data folder, it resumes the day.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulate an office day: pull the date's appointments, then check applicants in around their slots "
                + "(some never come) and take their cases through documents, interview and approval as N counter officers "
                + "and a supervisor would, through the real services, on a simulated clock within office hours (07:30-16:00) "
                + "of that date. The same seed gives the same day. Interrupted, a second run on the same data folder resumes "
                + "the day from what the database holds. If central cannot be reached, the appointments already in the "
                + "database are used. Every --push-every simulated minutes, and at the end of the run, the desk pulls the "
                + "day and pushes its outbox to central; a central that is down or faulty never stops the day: the events "
                + "wait in the outbox and go with a later push. A run that reaches closing time ends by closing the day as the "
                + "supervisor would: the bookings never checked in are recorded as no-shows (NO_SHOW events for central)."})
final class SimulateCommand implements Callable<Integer>, CheckedOptions {

    /** Pulling before a simulation should not keep it waiting long for a central that is away. */
    private static final RetrySettings RETRY = new RetrySettings(2, Duration.ofMillis(500), Duration.ofSeconds(2), Duration.ofSeconds(5));
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /**
     * The rounds during the day try briefly: the simulated clock stands still while they run, and the backlog
     * simply waits for the next round. The breaker's pause is in real time, short because a day runs fast.
     */
    private static final RetrySettings ROUND_RETRY = new RetrySettings(2, Duration.ofMillis(50), Duration.ofMillis(400),
            Duration.ofSeconds(2));
    private static final PushSettings ROUND_PUSH = new PushSettings(PushSettings.MAX_BATCH, 3, Duration.ofSeconds(2));
    private static final int MAX_PUSH_EVERY = 240;

    @ParentCommand
    LoketCommand root;

    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The day to simulate (any date; timestamps fall on it).")
    LocalDate date;

    @Option(names = "--counters", paramLabel = "N", defaultValue = "4", description = "Counter officers at work (default 4).")
    int counters;

    @Option(names = "--first-counter", paramLabel = "K", defaultValue = "1",
            description = "Number of the first counter (default 1): the officers sit at counters K..K+N-1. Two simulations "
                    + "started at once on one shared database are two groups of the office's counters: give them counters "
                    + "that do not overlap (e.g. --counters 6 and --counters 6 --first-counter 7).")
    int firstCounter;

    @Option(names = "--speed", paramLabel = "X", defaultValue = "0",
            description = "How fast the day runs: 0 = as fast as possible (default), 1 = real time, 60 = one simulated minute per second.")
    double speed;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Seed of every choice (default 1): the same seed gives the same day.")
    long seed;

    @Option(names = "--until", paramLabel = "HH:MM",
            description = "Stop the simulated day at this time (default: closing, 16:00). A later run resumes from there.")
    LocalTime until;

    @Option(names = "--push-every", paramLabel = "MIN", defaultValue = "5",
            description = "Pull the day and push the outbox to central every MIN simulated minutes and at the end of the run "
                    + "(default 5; 0 = never talk to central after the first pull).")
    int pushEvery;

    @Override
    public void checkOptions() {
        OfficeHours hours = OfficeHours.DENPASAR;
        Check.date("--date", date);
        if (counters < 1 || counters > SimulationSettings.MAX_COUNTERS) {
            throw new UserFacingException("simulate.badCounters", counters, SimulationSettings.MAX_COUNTERS);
        }
        if (firstCounter < 1 || firstCounter + counters - 1 > SimulationSettings.MAX_COUNTER_NUMBER) {
            throw new UserFacingException("simulate.badFirstCounter", firstCounter, counters, SimulationSettings.MAX_COUNTER_NUMBER);
        }
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new UserFacingException("simulate.badSpeed", String.valueOf(speed));
        }
        if (until != null && (!until.isAfter(hours.open()) || until.isAfter(hours.close()))) {
            throw new UserFacingException("simulate.badUntil", until.toString(), hours.open().toString(), hours.close().toString());
        }
        if (pushEvery < 0 || pushEvery > MAX_PUSH_EVERY) {
            throw new UserFacingException("simulate.badPushEvery", pushEvery, MAX_PUSH_EVERY);
        }
    }

    @Override
    public Integer call() {
        Messages m = root.messages();
        OfficeHours hours = OfficeHours.DENPASAR;
        Logging.toFolder(root.dataDir());
        try (AppContext app = root.open(Clock.systemDefaultZone(), m)) {
            // A training tool: only on a training folder (new, without accounts, or the demo's), marked as such.
            // Everything is checked before anything is saved: a refused run leaves the folder as it was.
            if (!app.auth().isTraining() && app.auth().hasAccounts()) {
                throw new UserFacingException("simulate.realFolder");
            }
            SyncCommand.CentralTarget target = SyncCommand.CentralTarget.resolve(root, app.settings(), true);
            app.auth().markTraining();
            target.remember(root, app.settings());
            String office = target.office();
            Session reader = app.auth().trainingSession("supervisor", Role.SUPERVISOR, "S");
            CentralClient client = new CentralClient(target.config().withRequestTimeout(REQUEST_TIMEOUT));
            PullReport report = app.pullService(client, RETRY).pull(office, date, 1, PullService.Listener.NONE);
            int appointments = app.queue().day(reader, office, date).size();
            if (report.failure().isPresent()) {
                if (appointments == 0) {
                    root.err().println(m.get("simulate.noDay", office, date.toString(), report.failure().get()));
                    return 1;
                }
                root.err().println(m.get("simulate.offline", report.failure().get(), appointments));
            } else {
                root.err().println(m.get("simulate.pulled", office, date.toString(), report.received(), appointments));
            }
            ZoneId zone = app.office().zone();
            SimulatedClock clock = new SimulatedClock(date.atTime(hours.open()).atZone(zone).toInstant(), zone);
            SimulationSettings settings = new SimulationSettings(office, date, zone, hours, counters, seed, speed, until, firstCounter);
            PrintStream err = root.err();
            DaySimulator simulator = new DaySimulator(app.checkIn(clock), app.verification(clock), app.cases(), app.queue(),
                    app.receipts(clock), app.pickup(clock),
                    clock, settings, s -> err.println(m.get("simulate.progress", s.at().toString(), s.checkedIn(), s.waiting(),
                            s.inProgress(), s.approved())),
                    who -> app.auth().trainingSession(who.username(), who.role(), who.counter()))
                    .releaseWith(app.release(clock));
            CentralRounds rounds = null;
            if (pushEvery > 0) {
                rounds = new CentralRounds(office, date, app.pullService(client, ROUND_RETRY),
                        app.pushService(client, ROUND_RETRY, office, clock, ROUND_PUSH));
                simulator.syncEvery(Duration.ofMinutes(pushEvery), rounds);
            }
            long started = System.nanoTime();
            DaySummary s = simulator.run();
            Optional<DayClosing> closed = Optional.empty();
            if (!s.at().isBefore(hours.close())) {
                // The day reached closing time (not stopped early by --until): the supervisor closes it, recording the
                // no-shows before the closing push so their events go to central with it.
                closed = Optional.of(app.closeDay(clock).close(date, app.auth().trainingSession(DaySimulator.SUPERVISOR.username(), Role.SUPERVISOR,
                        DaySimulator.SUPERVISOR.counter())));
                s = simulator.summary();
            }
            PushService closingPush = null;
            Optional<PushReport> closing = Optional.empty();
            if (rounds != null) {
                closingPush = app.pushService(client, ROUND_RETRY, office, clock, PushSettings.defaults());
                closing = rounds.closing(closingPush, clock.instant());
            }
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            print(m, s, closed, office, counters, seed, millis);
            if (rounds != null) {
                printCentral(m, rounds.tally(), closingPush.summary(), closing);
            }
            return 0;
        }
    }

    private void print(Messages m, DaySummary s, Optional<DayClosing> closed, String office, int officers, long seedUsed, long millis) {
        PrintStream out = root.out();
        out.println(m.get("simulate.summary", office, date.toString(), s.at().toString(), officers, String.valueOf(seedUsed)));
        out.println(m.get("simulate.summary.booked", s.booked()));
        out.println(m.get("simulate.summary.checkedIn", s.checkedIn()));
        out.println(m.get("simulate.summary.noShows", s.noShows()));
        closed.ifPresent(c -> out.println(m.get("supervisor.simulate.closed", s.at().toString(), c.noShows())));
        if (s.notYetArrived() > 0) {
            out.println(m.get("simulate.summary.notYetArrived", s.notYetArrived()));
        }
        out.println(m.get("simulate.summary.waiting", s.waiting()));
        out.println(m.get("simulate.summary.inProgress", s.inProgress()));
        out.println(m.get("simulate.summary.verified", s.documentsVerified()));
        out.println(m.get("simulate.summary.onHold", s.onHold()));
        out.println(m.get("simulate.summary.rejected", s.rejected()));
        out.println(m.get("simulate.summary.approved", s.approved()));
        out.println(m.get("simulate.summary.approvalPending", s.approvalPending()));
        out.println(m.get("simulate.summary.receiptsIssued", s.receiptsIssued()));
        if (s.passportsReady() > 0 || s.handedOver() > 0) {
            out.println(m.get("simulate.summary.passportsReady", s.passportsReady()));
            out.println(m.get("simulate.summary.handedOver", s.handedOver()));
        }
        out.println(m.get("simulate.summary.events", s.events()));
        if (s.refusedSteps() > 0) {
            out.println(m.get("simulate.summary.refused", s.refusedSteps()));
        }
        out.println(m.get("simulate.summary.took", millis / 1000.0));
    }

    /** What went to central in this run and what still waits in the outbox. */
    private void printCentral(Messages m, CentralRounds.Tally t, OutboxSummary backlog, Optional<PushReport> closing) {
        PrintStream out = root.out();
        out.println(m.get("simulate.central.rounds", t.rounds(), pushEvery, t.pullsStopped(), t.pushesStopped()));
        out.println(m.get("simulate.central.pushed", t.applied(), t.duplicates()));
        if (t.conflicts() + t.invalid() > 0) {
            out.println(m.get("simulate.central.refused", t.conflicts(), t.invalid()));
        }
        out.println(m.get("simulate.central.backlog", backlog.waiting(), backlog.held(), backlog.failed()));
        if (backlog.held() + backlog.failed() > 0) {
            out.println(m.get("simulate.central.conflicts"));
        }
        if (t.errors() > 0) {
            out.println(m.get("simulate.central.errors", t.errors()));
        }
        Optional<String> stopped = closing.flatMap(PushReport::problem);
        if (backlog.waiting() > 0 || stopped.isPresent()) {
            out.println(m.get("simulate.central.waiting", stopped.or(t::lastProblem).orElse("?")));
        }
    }
}
