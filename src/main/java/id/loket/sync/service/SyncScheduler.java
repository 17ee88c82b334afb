package id.loket.sync.service;

import id.loket.staff.model.Unguarded;
import id.loket.central.CentralClient;
import id.loket.central.CentralException;
import id.loket.common.i18n.Messages;
import id.loket.sync.model.LinkMonitor;
import id.loket.casefile.model.OutboxSummary;
import id.loket.sync.model.PullReport;
import id.loket.sync.model.PushReport;
import id.loket.sync.model.SyncStatus;
import id.loket.sync.model.SyncStatus.Connectivity;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the local store in step with central while the desk is open: a pull every interval
 * (and on demand), a push of the outbox more often, a cheap health check in between, all on
 * one background thread named {@code sync}, never the counter's. Listeners are told on that
 * thread; a UI hands the news to its own thread.
 */
public final class SyncScheduler implements AutoCloseable {

    /** News for whoever shows the sync state. Called on the sync thread. */
    public interface Listener {
        /** Hears nothing: the state of a scheduler nobody shows. */

        void statusChanged(SyncStatus status);

        void pullStarted();

        void pullProgress(int dayIndex, int days, int received);

        void pullFinished(PullReport report);

        /** A push ran (or was skipped while central is away); {@code backlog} is what is left. */
        default void pushFinished(PushReport report, OutboxSummary backlog) {
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(SyncScheduler.class);
    private static final Listener NONE = new Listener() {
        @Override
        public void statusChanged(SyncStatus status) {
        }

        @Override
        public void pullStarted() {
        }

        @Override
        public void pullProgress(int dayIndex, int days, int received) {
        }

        @Override
        public void pullFinished(PullReport report) {
        }
    };

    /** How often a process that does not talk to central asks whether it may (a holder that died is replaced within this). */
    public static final Duration CONTEND_EVERY = Duration.ofSeconds(2);

    private final SyncLeadership leadership;
    private volatile boolean leader;
    private final PullService pull;
    private final PushService push;
    private final CentralClient client;
    private final String office;
    private final Supplier<LocalDate> today;
    private final int days;
    private final Messages messages;
    private final Clock clock;
    private volatile Listener listener = NONE;
    private final ScheduledExecutorService executor;
    private final ScheduledExecutorService contender;
    private final AtomicBoolean pulling = new AtomicBoolean();
    private final LinkMonitor link;
    private volatile Optional<OffsetDateTime> lastSuccessfulPull;
    private volatile SyncStatus status;

    public SyncScheduler(PullService pull, PushService push, CentralClient client, String office, Supplier<LocalDate> today, int days,
            Optional<OffsetDateTime> lastSuccess, Messages messages, Clock clock) {
        this(pull, push, client, office, today, days, lastSuccess, messages, clock, SyncLeadership.ALONE);
    }

    /**
     * The same where several processes share the office's database: only the holder of
     * {@code leadership} pulls and pushes; the others check central's health for their status bar,
     * read the last pull from the database, and ask for the role every {@link #CONTEND_EVERY}.
     */
    public SyncScheduler(PullService pull, PushService push, CentralClient client, String office, Supplier<LocalDate> today, int days,
            Optional<OffsetDateTime> lastSuccess, Messages messages, Clock clock, SyncLeadership leadership) {
        this.leadership = leadership;
        this.pull = pull;
        this.push = push;
        this.client = client;
        this.office = office;
        this.today = today;
        this.days = days;
        this.messages = messages;
        this.clock = clock;
        this.link = new LinkMonitor(clock);
        this.lastSuccessfulPull = lastSuccess;
        this.status = new SyncStatus(Connectivity.UNKNOWN, OffsetDateTime.now(clock), lastSuccess, Optional.empty());
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sync");
            t.setDaemon(true);
            return t;
        });
        this.contender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sync-contend");
            t.setDaemon(true);
            return t;
        });
    }

    /** Who hears the news from now on (one listener: the window that shows it). */
    @Unguarded("drives the system principal\'s pull and push, which check it")
    public void setListener(Listener listener) {
        this.listener = listener == null ? NONE : listener;
    }

    /** Checks central's health as soon as the sync thread is free. */
    @Unguarded("drives the system principal\'s pull and push, which check it")
    public void checkNow() {
        executor.execute(this::checkHealth);
    }

    /**
     * Pulls now, then every {@code pullEvery}; pushes the outbox every {@code pushEvery} (and
     * after each pull); checks health every {@code healthEvery}.
     */
    @Unguarded("drives the system principal\'s pull and push, which check it")
    public void start(Duration pullEvery, Duration pushEvery, Duration healthEvery) {
        executor.scheduleWithFixedDelay(this::pullOnce, 0, pullEvery.toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::pushOnce, pushEvery.toMillis(), pushEvery.toMillis(), TimeUnit.MILLISECONDS);
        executor.scheduleWithFixedDelay(this::checkHealth, healthEvery.toMillis(), healthEvery.toMillis(), TimeUnit.MILLISECONDS);
        if (leadership != SyncLeadership.ALONE) {
            // on a thread of its own: a slow pull or health check must not delay a takeover
            contender.scheduleWithFixedDelay(this::contend, CONTEND_EVERY.toMillis(), CONTEND_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Whether this process is the one talking to central (as of the last look). */
    @Unguarded("whether this process runs the sync: no data")
    public boolean leader() {
        return leader;
    }

    /** Who talks to central for the office, in words (empty: this process, or nobody known). */
    @Unguarded("the name of the process that runs the sync: no personal data")
    public Optional<String> worker() {
        return leader ? Optional.empty() : leadership.holder();
    }

    /** True when this process may pull and push now; a process that just took the role over syncs at once. */
    private boolean mayTalkToCentral() {
        boolean now = leadership.holdsOrAcquires();
        boolean was = leader;
        leader = now;
        if (now && !was && leadership != SyncLeadership.ALONE) {
            LOG.info("This process now talks to central for office {}", office);
        } else if (!now && was) {
            LOG.warn("This process no longer talks to central for office {}", office);
        }
        if (!now) {
            // the holder pulls: what it pulled is in the shared database
            lastSuccessfulPull = pull.lastSuccessfulPull(office).or(() -> lastSuccessfulPull);
        }
        return now;
    }

    /** A process without the role asks for it; when it gets it (the holder died), it pulls and pushes at once. */
    private void contend() {
        try {
            if (leader) {
                return; // the holder finds out it lost the role at its next pull or push
            }
            if (mayTalkToCentral()) {
                executor.execute(this::pushOnce);
                executor.execute(this::pullOnce);
            } else {
                executor.execute(this::publish);
            }
        } catch (RuntimeException e) {
            LOG.error("Asking for the sync role failed", e);
        }
    }

    /** Asks for a pull and a push as soon as the sync thread is free; a pull already running is not repeated. */
    @Unguarded("drives the system principal\'s pull and push, which check it")
    public void syncNow() {
        executor.execute(this::pullOnce);
        executor.execute(this::pushOnce);
    }

    /** Asks for a push as soon as the sync thread is free (after a counter step, say). */
    @Unguarded("drives the system principal\'s pull and push, which check it")
    public void pushSoon() {
        executor.execute(this::pushOnce);
    }

    /**
     * Sends what waits in the outbox. Central's answers (or their absence) count in the link's
     * state like any other call; a push skipped by the circuit breaker called nobody and counts
     * for nothing.
     */
    private void pushOnce() {
        try {
            if (!mayTalkToCentral()) {
                return;
            }
            PushReport report = push.pushOnce();
            if (report.problem().isPresent() && !report.skipped()) {
                link.failed(report.problem().get());
            } else if (report.answered()) {
                link.answered(Duration.ZERO);
            }
            publish();
            listener.pushFinished(report, push.summary());
        } catch (RuntimeException e) {
            LOG.error("Background push failed", e);
        }
    }

    @Unguarded("drives the system principal\'s pull and push, which check it")
    public SyncStatus status() {
        return status;
    }

    private void pullOnce() {
        if (!pulling.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!mayTalkToCentral()) {
                publish();
                return;
            }
            listener.pullStarted();
            PullReport report = pull.pull(office, today.get(), days, (date, i, n, received) -> listener.pullProgress(i, n, received));
            if (report.complete()) {
                lastSuccessfulPull = Optional.of(OffsetDateTime.now(clock));
                // A whole pull is many pages: its time says nothing of one answer's speed (the health poll does).
                link.answered(Duration.ZERO);
            } else {
                link.failed(report.failure().orElse(messages.get("error.unexpected")));
            }
            publish();
            listener.pullFinished(report);
            if (report.complete()) {
                pushOnce();
            }
        } catch (RuntimeException e) {
            LOG.error("Background pull failed", e);
            link.failed(messages.get("error.unexpected"));
            publish();
        } finally {
            pulling.set(false);
        }
    }

    private void checkHealth() {
        if (pulling.get()) {
            return;
        }
        Connectivity before = link.state();
        long started = System.nanoTime();
        try {
            client.health();
            link.answered(Duration.ofNanos(System.nanoTime() - started));
        } catch (CentralException e) {
            link.failed(messages.of(e));
        }
        publish();
        if (before == Connectivity.OFFLINE && status.reachable()) {
            // Central is back: what waited goes now, not at the next round.
            pushOnce();
        }
    }

    /** Tells the listener when what it shows has changed. */
    private void publish() {
        SyncStatus next = new SyncStatus(link.state(), link.since(), lastSuccessfulPull, link.problem());
        if (!next.equals(status)) {
            status = next;
            listener.statusChanged(next);
        }
    }

    @Unguarded("drives the system principal\'s pull and push, which check it")
    @Override
    public void close() {
        // No interrupt: a pull in the middle of a transaction finishes it (H2 must not see an interrupted write).
        contender.shutdown();
        executor.shutdown();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        leadership.close();
    }
}
