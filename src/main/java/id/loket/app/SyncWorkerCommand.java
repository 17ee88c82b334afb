package id.loket.app;

import id.loket.central.CentralClient;
import id.loket.common.i18n.Messages;
import id.loket.casefile.model.OutboxSummary;
import id.loket.sync.model.PullReport;
import id.loket.sync.model.PushReport;
import id.loket.sync.model.SyncStatus;
import id.loket.sync.service.PullService;
import id.loket.sync.service.RetrySettings;
import id.loket.sync.service.SyncScheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code loket sync-worker}: the office's link to central, headless, for the office server (a
 * systemd service). Any number may run, beside the desks: only the holder of the office's sync
 * lock pulls and pushes; when it dies another takes over within seconds. Runs until stopped
 * (SIGTERM: the page being written is finished first).
 */
@Command(name = "sync-worker", mixinStandardHelpOptions = true,
        description = {"Pull the office's appointments and send its outbox to central, continuously, without a window (for the office server).",
            "On the office's PostgreSQL server only one process of the office talks to central at a time; this one waits its turn and takes over",
            "when the one talking dies. Runs until stopped."})
final class SyncWorkerCommand implements Callable<Integer>, CheckedOptions {

    @ParentCommand
    LoketCommand root;

    @Option(names = "--pull-every", paramLabel = "SECONDS", defaultValue = "60", description = "Seconds between pulls (default 60, 5 to 3600).")
    int pullEvery;

    @Option(names = "--push-every", paramLabel = "SECONDS", defaultValue = "5", description = "Seconds between pushes of the outbox (default 5, 1 to 600).")
    int pushEvery;

    @Option(names = "--days", paramLabel = "N", defaultValue = "3", description = "Dates pulled from today on (default 3, 1 to 31).")
    int days;

    @Override
    public void checkOptions() {
        Check.range("--pull-every", pullEvery, 5, 3600);
        Check.range("--push-every", pushEvery, 1, 600);
        Check.range("--days", days, 1, 31);
    }

    @Override
    public Integer call() throws InterruptedException {
        Messages m = root.messages();
        Logging.toFolder(root.dataDir());
        AppContext app = root.openToStay(Clock.systemDefaultZone(), m);
        CountDownLatch stopped = new CountDownLatch(1);
        SyncScheduler sync;
        try {
            SyncCommand.CentralTarget target = SyncCommand.CentralTarget.forFolder(root, app);
            Clock clock = Clock.system(app.office().zone());
            CentralClient client = new CentralClient(target.config());
            RetrySettings retry = new RetrySettings(2, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30));
            PullService pull = app.pullService(client, retry);
            sync = new SyncScheduler(pull, app.pushService(client, retry, target.office()), client, target.office(), () -> LocalDate.now(clock),
                    days, pull.lastSuccessfulPull(target.office()), m, clock, app.syncLeadership("sync-worker"));
            sync.setListener(new Reporter(root, m, sync));
            root.out().println(m.get("worker.started", target.office(), target.config().baseUrl()));
            root.out().flush();
            sync.start(Duration.ofSeconds(pullEvery), Duration.ofSeconds(pushEvery), Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        SyncScheduler running = sync;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            running.close();
            app.close();
            stopped.countDown();
        }, "sync-worker-stop"));
        stopped.await();
        return 0;
    }

    /** Says on standard output when this process takes the role over or loses it, and what each round did. */
    private static final class Reporter implements SyncScheduler.Listener {
        private final LoketCommand root;
        private final Messages m;
        private final SyncScheduler sync;
        private Boolean wasLeader;

        Reporter(LoketCommand root, Messages m, SyncScheduler sync) {
            this.root = root;
            this.m = m;
            this.sync = sync;
        }

        @Override
        public void statusChanged(SyncStatus status) {
            role();
        }

        private synchronized void role() {
            boolean now = sync.leader();
            if (wasLeader == null || wasLeader != now) {
                root.out().println(now ? m.get("worker.leading") : m.get("worker.waiting", sync.worker().orElse("?")));
                root.out().flush();
                wasLeader = now;
            }
        }

        @Override
        public void pullStarted() {
            role();
        }

        @Override
        public void pullProgress(int dayIndex, int days, int received) {
        }

        @Override
        public void pullFinished(PullReport report) {
            root.out().println(m.get("worker.pulled", report.received(), report.applied(), report.failure().orElse("-")));
            root.out().flush();
        }

        @Override
        public void pushFinished(PushReport report, OutboxSummary backlog) {
            if (report.sent() > 0 || report.problem().isPresent() && !report.skipped()) {
                root.out().println(m.get("worker.pushed", report.sent(), backlog.waiting(), report.problem().orElse("-")));
                root.out().flush();
            }
        }
    }
}
