package id.loket.simulate;

import id.loket.testing.TestSessions;
import static id.loket.testing.SimulatedCentral.DAY;
import static id.loket.testing.SimulatedCentral.OFFICE;
import static id.loket.testing.SimulatedCentral.TOKEN;
import static id.loket.testing.SimulatedCentral.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

import id.loket.central.sim.Fault;
import id.loket.central.sim.FaultRates;
import id.loket.common.i18n.Messages;
import id.loket.db.Database;
import id.loket.casefile.model.OutboxState;
import id.loket.casefile.repo.OutboxRepository;
import id.loket.casefile.service.Outbox;
import id.loket.sync.model.PushReport;
import id.loket.sync.service.PushService;
import id.loket.sync.service.PushSettings;
import id.loket.sync.service.RetrySettings;
import id.loket.testing.ChildJvm;
import id.loket.testing.SimulatedCentral;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos test of the offline-first sync: {@code loket simulate} runs as a real process against a
 * central that fails 30% of the requests in every way it can (503, 429, 500, dropped connection,
 * truncated body, non-JSON body, slow answer) and changes bookings during the day; it is killed
 * with SIGKILL at seeded random moments and started again on the same data folder each time; the
 * last run ends the day with the faults off. Then nothing is lost, nothing is applied twice, every
 * case's events reached central in order, and no applicant was checked in twice.
 */
class ChaosIT {

    private static final long SEED = 20261127L;
    private static final int KILLS = 3;
    /** 80 bookings, 3 counters; about 8 s of real time for the day, so a kill lands in it. */
    private static final String SPEED = "4000";

    @TempDir
    Path dir;

    @Test
    void aDeskKilledAgainAndAgainAgainstAFlakyCentralLosesNothingAndSendsNothingTwice() throws Exception {
        long started = System.nanoTime();
        Path data = dir.resolve("data");
        Random random = new Random(SEED);
        try (SimulatedCentral central = new SimulatedCentral(SEED, 80)) {
            central.sim().faultRates(chaos(), SEED);
            central.sim().changeEvery(Duration.ofMillis(700), OFFICE, DAY, SEED);

            int kills = 0;
            int runs = 0;
            List<String> killedAfter = new ArrayList<>();
            List<String> outputs = new ArrayList<>();
            while (kills < KILLS && runs < KILLS + 4) {
                Path work = dir.resolve("run-" + runs++);
                Process child = ChildJvm.start(work, simulate(central, data, "--speed", SPEED));
                boolean inDay = waitForDay(work.resolve("err.txt"), child);
                if (inDay) {
                    Thread.sleep(200 + random.nextInt(2500));
                }
                if (child.isAlive()) {
                    child.destroyForcibly(); // SIGKILL: no shutdown hook, no SHUTDOWN of the database
                    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                    kills++;
                    killedAfter.add(lastHour(work.resolve("err.txt")));
                } else {
                    outputs.add(Files.readString(work.resolve("out.txt"), StandardCharsets.UTF_8));
                    String err = Files.readString(work.resolve("err.txt"), StandardCharsets.UTF_8);
                    // The first run may find central failing its first pull with an empty database: that is refused, not a crash.
                    assertThat(child.exitValue() == 0 || err.contains("holds no appointments")).as(err).isTrue();
                }
            }
            int faultsMet = central.sim().faultCount();
            int requests = central.sim().requestCount();

            central.sim().faultRates(FaultRates.NONE);
            central.sim().stopChanges();
            ChildJvm.Result last = ChildJvm.run(dir.resolve("run-last"), simulate(central, data, "--speed", "0"));
            assertThat(last.exitCode()).as(last.err()).isZero();
            outputs.add(last.out());
            assertThat(last.out()).contains("Outbox now: 0 waiting");

            // Push until nothing waits (the last run's closing push should have left nothing).
            int extraPushes = 0;
            int duplicates;
            try (Database db = Database.openFolder(data)) {
                PushService push = new PushService(db, central.client(Duration.ofSeconds(5)), RetrySettings.none(), Clock.system(ZONE),
                        OFFICE, Messages.forLanguage("en"), PushSettings.defaults(), TestSessions.system(db));
                for (PushReport r = push.pushOnce(); r.waiting() > 0 && extraPushes < 5; r = push.pushOnce()) {
                    extraPushes++;
                }
                // Events whose acknowledgement was lost (a kill, a dropped or cut answer) and that were sent again.
                Outbox outbox = new Outbox(db.dsl());
                duplicates = (int) new OutboxRepository(db.dsl()).all().stream()
                        .filter(e -> outbox.entry(e.eventId()).map(x -> "DUPLICATE".equals(x.result())).orElseThrow()).count();
            }

            OutboxAudit audit = OutboxAudit.read(data, OFFICE, DAY);
            audit.assertConvergedWith(central.store());
            assertThat(kills).isEqualTo(KILLS);
            assertThat(faultsMet).as("faults met").isGreaterThan(20);
            assertThat(outputs).noneMatch(o -> o.contains("Unexpected errors while talking to central"));
            assertThat(logOf(data)).doesNotContain("threw instead of reporting");
            long held = audit.count(OutboxState.HELD);
            long failed = audit.count(OutboxState.FAILED);
            System.out.printf("ChaosIT: %.1f s wall, %d runs (%d killed with SIGKILL), %d cases, %d events: %d sent (%d of them answered DUPLICATE on a resend), %d held and %d failed "
                            + "behind %d open conflicts (central changed bookings during the day); %d of %d requests to central faulted "
                            + "while the desk was killed (kills after the simulated hours %s); %d extra pushes after the last run%n",
                    (System.nanoTime() - started) / 1e9, runs + 1, kills, audit.cases().size(), audit.events().size(),
                    audit.count(OutboxState.SENT), duplicates, held, failed, audit.openConflicts().size(), faultsMet, requests, killedAfter, extraPushes);
        }
    }

    /** 30% of the requests fail, spread over every kind of fault the simulator knows. */
    private static FaultRates chaos() {
        return new FaultRates(Map.of(Fault.Kind.UNAVAILABLE, 0.05, Fault.Kind.THROTTLED, 0.05, Fault.Kind.SERVER_ERROR, 0.05,
                Fault.Kind.DROP, 0.05, Fault.Kind.TRUNCATED, 0.05, Fault.Kind.MALFORMED, 0.03, Fault.Kind.SLOW, 0.02),
                0, Duration.ofMillis(150));
    }

    private static String[] simulate(SimulatedCentral central, Path data, String... extra) {
        List<String> args = new ArrayList<>(List.of("simulate", "--central", central.baseUrl(), "--token", TOKEN, "--office", OFFICE,
                "--date", DAY.toString(), "--data", data.toString(), "--lang", "en", "--counters", "3", "--seed", "7"));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** Waits until the child is playing the day (its first hour line); false if it ended first. */
    private static boolean waitForDay(Path err, Process child) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (Files.exists(err) && Files.readString(err, StandardCharsets.UTF_8).contains(" — ")) {
                return true;
            }
            if (!child.isAlive()) {
                return false;
            }
            Thread.sleep(10);
        }
        return child.isAlive();
    }

    /** The last hour line the child printed before it was killed. */
    private static String lastHour(Path err) throws IOException {
        return Files.readString(err, StandardCharsets.UTF_8).lines().filter(l -> l.contains(" — ")).reduce((a, b) -> b)
                .map(l -> l.substring(0, l.indexOf(' '))).orElse("-");
    }

    private static String logOf(Path data) throws IOException {
        Path logs = data.resolve("logs");
        if (!Files.isDirectory(logs)) {
            return "";
        }
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.list(logs)) {
            for (Path f : files.toList()) {
                all.append(Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }
}
