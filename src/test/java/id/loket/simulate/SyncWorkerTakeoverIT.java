package id.loket.simulate;

import static id.loket.testing.SimulatedCentral.DAY;
import static id.loket.testing.SimulatedCentral.OFFICE;
import static id.loket.testing.SimulatedCentral.TOKEN;
import static id.loket.testing.SimulatedCentral.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

import id.loket.appointment.model.Appointment;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.RejectionReason;
import id.loket.central.sim.Fault;
import id.loket.central.sim.FaultRates;
import id.loket.checkin.service.CheckInService;
import id.loket.db.Database;
import id.loket.settings.repo.SettingsRepository;
import id.loket.staff.model.Role;
import id.loket.staff.model.Session;
import id.loket.casefile.model.OutboxState;
import id.loket.sync.service.PullService;
import id.loket.sync.service.RetrySettings;
import id.loket.testing.ChildJvm;
import id.loket.testing.SimulatedCentral;
import id.loket.testing.TestDatabase;
import id.loket.testing.TestSessions;
import id.loket.verification.service.VerificationService;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly one process talks to central, and a dead one is replaced: three {@code loket sync-worker}
 * processes share the office's PostgreSQL database while four counters work the day through the
 * real services, against a central that fails three requests in ten; whichever worker holds the
 * sync lock is killed with SIGKILL again and again (and a new worker started in its place). Then
 * central applied exactly the events the office marked sent, each once, per case in the order they
 * happened, nothing left waiting, and each takeover took less than 30 s (measured and printed).
 */
class SyncWorkerTakeoverIT {

    private static final int KILLS = 4;
    private static final int WORKERS = 3;
    private static final int COUNTERS = 4;

    @TempDir
    Path dir;

    private final List<Process> workers = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger started = new AtomicInteger();

    @Test
    void theWorkerHoldingTheLockKilledAgainAndAgainIsReplacedAndCentralAppliesEveryEventOnceInOrder() throws Exception {
        long began = System.nanoTime();
        try (SimulatedCentral central = new SimulatedCentral(20261206L, 160);
                TestDatabase.PostgresSchema pg = TestDatabase.postgresSchema("SyncWorkerTakeoverIT");
                Database office = pg.open()) {
            Path pw = pg.passwordFile(dir);
            Clock clock = Clock.fixed(DAY.atTime(LocalTime.of(9, 0)).atZone(ZONE).toInstant(), ZONE);
            new SettingsRepository(office.dsl()).put(SettingsRepository.OFFICE_CODE, OFFICE);
            PullService pull = new PullService(office, central.client(Duration.ofSeconds(5)), RetrySettings.none(), clock,
                    id.loket.common.i18n.Messages.forLanguage("en"), 200, TestSessions.system(office));
            assertThat(pull.pull(OFFICE, DAY, 1, PullService.Listener.NONE).complete()).isTrue();
            central.sim().faultRates(flaky(), 20261206L);

            for (int i = 0; i < WORKERS; i++) {
                startWorker(central, pg, pw);
            }
            Map<Long, Long> takeovers = new ConcurrentHashMap<>();
            ExecutorService pool = Executors.newFixedThreadPool(COUNTERS + 1);
            try {
                List<Appointment> booked = central.store().latest(OFFICE, DAY).stream()
                        .filter(a -> a.status() == id.loket.appointment.model.AppointmentStatus.BOOKED).toList();
                CheckInService checkIn = new CheckInService(new id.loket.casefile.service.CaseWork(office, clock), OFFICE);
                VerificationService verification = new VerificationService(new id.loket.casefile.service.CaseWork(office, clock), 7);
                List<Future<Integer>> counters = new ArrayList<>();
                AtomicInteger next = new AtomicInteger();
                java.util.concurrent.atomic.AtomicBoolean killing = new java.util.concurrent.atomic.AtomicBoolean(true);
                for (int c = 1; c <= COUNTERS; c++) {
                    Session officer = TestSessions.staff("petugas" + c, Role.COUNTER, String.valueOf(c));
                    TestSessions.register(office, officer);
                    counters.add(pool.submit(() -> work(checkIn, verification, officer, booked, next, killing)));
                }
                // the killer: the holder dies, a new worker is started, the time until another holds the lock is measured
                Future<?> killer = pool.submit(() -> {
                    for (int k = 0; k < KILLS; k++) {
                        Thread.sleep(2500);
                        long holder = waitForHolder(pg, -1, Duration.ofSeconds(60));
                        Process victim = workers.stream().filter(p -> p.pid() == holder).findFirst().orElseThrow(
                                () -> new AssertionError("the lock's holder " + holder + " is not one of the workers"));
                        long killedAt = System.nanoTime();
                        victim.destroyForcibly();
                        victim.waitFor(30, TimeUnit.SECONDS);
                        workers.remove(victim);
                        long successor = waitForHolder(pg, holder, Duration.ofSeconds(30));
                        takeovers.put(successor, (System.nanoTime() - killedAt) / 1_000_000);
                        startWorker(central, pg, pw);
                    }
                    killing.set(false);
                    return null;
                });
                int cases = 0;
                for (Future<Integer> f : counters) {
                    cases += f.get(5, TimeUnit.MINUTES);
                }
                killer.get(5, TimeUnit.MINUTES);

                // central steady again: the workers left alive drain the outbox
                central.sim().faultRates(FaultRates.NONE);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (pending(office) > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(250);
                }
                assertThat(pending(office)).as("events still waiting after the workers drained").isZero();

                OutboxAudit audit = OutboxAudit.read(office, OFFICE, DAY);
                audit.assertConvergedWith(central.store());
                assertThat(takeovers).hasSize(KILLS);
                assertThat(takeovers.values()).as("takeover times (ms)").allMatch(ms -> ms < 30_000);
                List<Long> times = new ArrayList<>(takeovers.values());
                Collections.sort(times);
                System.out.printf("SyncWorkerTakeoverIT: %.1f s wall; %d workers started, %d killed with SIGKILL while holding the lock; "
                                + "takeover after a kill %s ms (median %d ms); %d cases worked at %d counters, %d events: %d sent; "
                                + "%d of %d requests to central faulted%n",
                        (System.nanoTime() - began) / 1e9, started.get(), KILLS, times, times.get(times.size() / 2), cases, COUNTERS,
                        audit.events().size(), audit.count(OutboxState.SENT), central.sim().faultCount(), central.sim().requestCount());
            } finally {
                pool.shutdownNow();
                for (Process p : List.copyOf(workers)) {
                    p.destroy();
                    if (!p.waitFor(20, TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                }
            }
        }
    }

    /**
     * A counter officer's morning while the workers are being killed: check in the next booking, call the next
     * applicant, reject every other one (one or two events a case).
     */
    private static int work(CheckInService checkIn, VerificationService verification, Session officer, List<Appointment> booked,
            AtomicInteger next, java.util.concurrent.atomic.AtomicBoolean killing) {
        int worked = 0;
        for (int i = next.getAndIncrement(); killing.get() && i < booked.size(); i = next.getAndIncrement()) {
            checkIn.checkIn(booked.get(i).id(), officer);
            Optional<CaseFile> called = checkIn.callNext(officer);
            if (called.isPresent() && i % 2 == 0) {
                verification.reject(called.get().caseRef(), officer, Set.of(RejectionReason.DATA_MISMATCH), "tidak sesuai");
            }
            worked++;
            try {
                Thread.sleep(500); // a counter's pace, so the day spans the kills
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return worked;
    }

    private void startWorker(SimulatedCentral central, TestDatabase.PostgresSchema pg, Path pw) throws Exception {
        int n = started.incrementAndGet();
        Path data = dir.resolve("worker-" + n);
        workers.add(ChildJvm.start(data, "sync-worker", "--data", data.toString(), "--lang", "en", "--db", pg.url(), "--db-user", pg.user(),
                "--db-password-file", pw.toString(), "--central", central.baseUrl(), "--token", TOKEN, "--office", OFFICE,
                "--push-every", "1", "--pull-every", "30", "--days", "1"));
    }

    /** The OS process id of the lock's holder, once it is not {@code not}; from the holder's application name. */
    private static long waitForHolder(TestDatabase.PostgresSchema pg, long not, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password());
                PreparedStatement s = c.prepareStatement("SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                        + " WHERE l.locktype = 'advisory' AND l.granted AND a.application_name LIKE 'loket sync-worker %'"
                        + " AND a.datname = current_database()")) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        String name = rs.getString(1);
                        long pid = Long.parseLong(name.substring(name.lastIndexOf(' ') + 1));
                        if (pid != not) {
                            return pid;
                        }
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("no worker took the sync lock within " + timeout);
    }

    private static int pending(Database db) {
        return new id.loket.casefile.service.Outbox(db.dsl()).countByState().get(OutboxState.PENDING);
    }

    /** Three in ten requests fail, in the ways central has failed. */
    private static FaultRates flaky() {
        return new FaultRates(Map.of(Fault.Kind.UNAVAILABLE, 0.08, Fault.Kind.SERVER_ERROR, 0.08, Fault.Kind.DROP, 0.06,
                Fault.Kind.TRUNCATED, 0.05, Fault.Kind.THROTTLED, 0.03), 0, Duration.ofMillis(100));
    }
}
