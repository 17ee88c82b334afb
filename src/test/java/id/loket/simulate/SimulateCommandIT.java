package id.loket.simulate;

import static id.loket.testing.SimulatedCentral.DAY;
import static id.loket.testing.SimulatedCentral.OFFICE;
import static id.loket.testing.SimulatedCentral.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import id.loket.app.AppContext;
import id.loket.app.Main;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.EventType;
import id.loket.casefile.model.OutboxEvent;
import id.loket.common.i18n.Messages;
import id.loket.testing.ChildJvm;
import id.loket.testing.SimulatedCentral;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code loket simulate} end to end: the real simulator of central over HTTP, a real H2 file, real output, a real kill. */
class SimulateCommandIT {

    @TempDir
    Path dir;

    private SimulatedCentral central;

    @BeforeEach
    void start() {
        central = new SimulatedCentral(11, 250);
    }

    @AfterEach
    void stop() {
        central.close();
    }

    private record Run(int code, String out, String err) {
    }

    private static Run loket(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private String[] simulate(Path data, String... extra) {
        List<String> args = new ArrayList<>(List.of("simulate", "--central", central.baseUrl(), "--token", TOKEN, "--office", OFFICE,
                "--date", DAY.toString(), "--data", data.toString()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    @Test
    void simulatesTheDayAndPrintsOneLinePerFigure() {
        Path data = dir.resolve("data");

        Run run = loket(simulate(data, "--lang", "en", "--counters", "4", "--seed", "3"));

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.err()).contains("Pulled 2026-11-27 of office DPS from central: 250 received")
                .contains("08:00 — ").contains("15:00 — ").contains(" checked in, ").contains(" approved");
        List<String> lines = run.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Simulated day of office DPS on 2026-11-27 until 16:00 (4 counters, seed 3):");
        SimulatedDay day = read(data);
        assertThat(lines).contains(
                "Checked in: " + day.cases().size(),
                "Still waiting to be called: 0",
                "At a counter: 0",
                "Approved: " + count(day, "APPROVED"),
                "Receipts issued: " + count(day, "RECEIPT_ISSUED"),
                "Rejected: " + count(day, "REJECTED"),
                "On hold (documents missing): " + count(day, "ON_HOLD"),
                "Approval pending (supervisor): 0",
                "Events in the outbox (for central): " + day.events().size());
        assertThat(lines).anyMatch(l -> l.startsWith("No-shows so far: ")).anyMatch(l -> l.startsWith("Documents verified: "))
                .anyMatch(l -> l.matches("Real time taken: [0-9.]+ s"));
        assertThat(lines).contains("Rounds with central (every 5 simulated minutes): 101; pulls stopped by central: 0; pushes stopped by central: 0",
                "Events sent to central in this run: " + day.events().size() + " applied, 0 already there (duplicates)",
                "Outbox now: 0 waiting, 0 held behind a conflict, 0 failed");
    }

    @Test
    void aDayRunToClosingTimeIsClosedWithItsNoShowsRecordedAndSent() {
        Path data = dir.resolve("data");

        Run run = loket(simulate(data, "--lang", "en"));

        assertThat(run.code()).as(run.err()).isZero();
        SimulatedDay day = read(data);
        List<OutboxEvent> noShows = day.events().stream().filter(e -> e.type() == EventType.NO_SHOW).toList();
        java.util.Set<String> checkedIn = day.cases().values().stream().map(CaseFile::appointmentId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        assertThat(noShows).isNotEmpty().extracting(OutboxEvent::caseRef).doesNotHaveDuplicates().noneMatch(checkedIn::contains);
        assertThat(noShows).allMatch(e -> e.state().equals("SENT"));
        List<String> lines = run.out().lines().toList();
        assertThat(lines).contains("No-shows so far: " + noShows.size(),
                "Day closed by the supervisor at 16:00: " + noShows.size() + " no-shows recorded",
                "Events in the outbox (for central): " + day.events().size());
        assertThat(central.store().appliedEvents()).filteredOn(e -> e.type().equals("NO_SHOW")).hasSize(noShows.size());

        Run again = loket(simulate(data, "--lang", "en"));

        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("Day closed by the supervisor at 16:00: " + noShows.size() + " no-shows recorded");
        assertThat(read(data).events()).hasSize(day.events().size());
    }

    @Test
    void speaksIndonesianByDefaultAndStopsWhereToldThenResumes() {
        Path data = dir.resolve("data");

        Run morning = loket(simulate(data, "--until", "09:30"));
        Run rest = loket(simulate(data, "--until", "12:00"));

        assertThat(morning.code()).as(morning.err()).isZero();
        assertThat(morning.out()).contains("Simulasi kantor DPS tanggal 2026-11-27 sampai pukul 09:30 (4 loket, seed 1):")
                .contains("Sudah lapor hadir: ").contains("Belum tiba (jadwal belum lewat): ")
                .contains("Kotak keluar sekarang: 0 menunggu, 0 ditahan karena konflik, 0 gagal");
        assertThat(morning.err()).contains("09:00 — ").doesNotContain("10:00 — ");
        assertThat(rest.code()).isZero();
        assertThat(rest.err()).contains("10:00 — ").contains("11:00 — ").doesNotContain("09:00 — ");
        assertThat(rest.out()).contains("sampai pukul 12:00");
        assertThat(morning.out() + rest.out()).as("a day stopped before closing time is not closed").doesNotContain("Hari ditutup");
        assertThat(read(data).events()).noneMatch(e -> e.type() == EventType.NO_SHOW);
    }

    @Test
    void aSimulationKilledMidDayResumesAndEndsAsTheUninterruptedOne() throws Exception {
        Path killed = dir.resolve("killed");
        Process child = ChildJvm.start(dir.resolve("child"), simulate(killed, "--lang", "en", "--speed", "2500"));
        try {
            waitFor(dir.resolve("child").resolve("err.txt"), "10:00 — ", child);
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        SimulatedDay atKill = read(killed);
        assertThat(atKill.summary()).isNull();
        assertThat(atKill.cases()).isNotEmpty();

        Run resumed = loket(simulate(killed, "--lang", "en"));
        Run whole = loket(simulate(dir.resolve("whole"), "--lang", "en"));

        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(whole.code()).isZero();
        SimulatedDay after = read(killed);
        SimulatedDay reference = read(dir.resolve("whole"));
        assertThat(after.cases().size()).isGreaterThan(atKill.cases().size());
        assertThat(outcomes(after)).isEqualTo(outcomes(reference));
        assertThat(after.events()).filteredOn(e -> e.type() == EventType.CHECKED_IN).hasSize(after.cases().size());
        assertThat(after.events()).extracting(OutboxEvent::eventId).doesNotHaveDuplicates();
        assertThat(summaryFigures(resumed.out())).isEqualTo(summaryFigures(whole.out()));
    }

    @Test
    void aLaterDayInTheSameFolderPrintsThePassportsMarkedReadyAndHandedOver() {
        Path data = dir.resolve("two-days");
        Run first = loket(simulate(data, "--lang", "en"));
        Run later = loket("simulate", "--central", central.baseUrl(), "--token", TOKEN, "--office", OFFICE,
                "--date", DAY.plusDays(7).toString(), "--data", data.toString(), "--lang", "en");

        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("Receipts issued: ").doesNotContain("passports marked ready");
        assertThat(later.code()).as(later.err()).isZero();
        long receipts = first.out().lines().filter(l -> l.startsWith("Receipts issued: ")).findFirst()
                .map(l -> Long.parseLong(l.substring("Receipts issued: ".length()))).orElseThrow();
        assertThat(later.out()).contains("Earlier days' passports marked ready: " + receipts).containsPattern("Passports handed over: [1-9][0-9]*");
    }

    @Test
    void withCentralAwayTheDayAlreadyInTheDatabaseIsUsed() {
        Path data = dir.resolve("data");
        assertThat(loket(simulate(data, "--until", "09:00")).code()).isZero();
        String[] args = simulate(data, "--lang", "en", "--until", "10:00");
        String[] fresh = simulate(dir.resolve("fresh"), "--lang", "en");
        central.close();

        Run away = loket(args);
        Run nothing = loket(fresh);

        assertThat(away.code()).as(away.err()).isZero();
        assertThat(away.err()).contains("Central cannot be reached").contains("uses the 250 appointments already in the database");
        assertThat(away.out()).contains("until 10:00");
        assertThat(nothing.code()).isEqualTo(1);
        assertThat(nothing.err()).contains("the database holds no appointments of office DPS on 2026-11-27");
    }

    @Test
    void wrongOptionsAreRefusedWithAMessage() {
        Path data = dir.resolve("data");

        assertThat(loket(simulate(data, "--lang", "en", "--counters", "0")).err()).contains("--counters must be 1 to 50 (given 0)");
        assertThat(loket(simulate(data, "--lang", "en", "--until", "17:00")).err()).contains("--until must be between opening and closing time");
        assertThat(loket(simulate(data, "--lang", "en", "--speed", "-1")).err()).contains("--speed must be 0 or more");
        assertThat(loket(simulate(data, "--lang", "en", "--push-every", "-1")).err()).contains("--push-every must be 0 to 240 minutes");
        assertThat(loket("simulate", "--data", data.toString()).code()).isEqualTo(2);
        Run help = loket("simulate", "--help");
        assertThat(help.out()).contains("--counters=N", "--speed=X", "--seed=S", "--until=HH:MM", "1 = real time", "60 = one simulated minute");
    }

    // ---- helpers ----

    private static void waitFor(Path file, String text, Process child) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).contains(text)) {
                return;
            }
            if (!child.isAlive()) {
                throw new AssertionError("the child ended before \"" + text + "\": " + Files.readString(file, StandardCharsets.UTF_8));
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no \"" + text + "\" in " + file);
    }

    private static SimulatedDay read(Path data) {
        try (AppContext app = AppContext.open(data, Clock.systemUTC(), Messages.forLanguage("en"))) {
            return SimulatedDay.snapshot(app, null, null);
        }
    }

    private static long count(SimulatedDay day, String status) {
        return day.cases().values().stream().filter(c -> c.status().name().equals(status)).count();
    }

    private static Map<String, String> outcomes(SimulatedDay d) {
        Map<String, List<EventType>> events = d.events().stream().collect(Collectors.groupingBy(OutboxEvent::caseRef,
                Collectors.mapping(OutboxEvent::type, Collectors.toList())));
        return d.cases().values().stream().collect(Collectors.toMap(CaseFile::caseRef,
                c -> c.queueNumber() + " " + c.status() + " " + events.get(c.caseRef()), (a, b) -> a, LinkedHashMap::new));
    }

    /** The summary without the line that depends on the real time taken. */
    private static List<String> summaryFigures(String out) {
        // What this run sent and how its rounds went differ between a resumed run and a whole one; the backlog does not.
        return out.lines().filter(l -> !l.startsWith("Real time taken") && !l.startsWith("Rounds with central")
                && !l.startsWith("Events sent to central in this run")).toList();
    }

    /**
     * A whole simulated day in a real process with the application's own logging (INFO to the
     * data folder's log): the log names cases and officers, never an applicant's NIK or name, nor
     * the token.
     */
    @Test
    void theLogOfASimulatedDayHoldsNoNikNameOrToken() throws Exception {
        Path data = dir.resolve("logged");
        Process child = ChildJvm.start(dir.resolve("child-log"), List.of("-Dloket.appLogging=true"),
                simulate(data, "--lang", "en", "--counters", "4", "--seed", "5"));
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(Files.readString(dir.resolve("child-log").resolve("err.txt"))).isZero();

        String log = Files.readString(data.resolve("logs").resolve("loket.log"), StandardCharsets.UTF_8);
        List<id.loket.appointment.model.Appointment> day = central.store().latest(OFFICE, DAY);
        assertThat(log).contains("CHECK_IN").contains("APPROVE").hasSizeGreaterThan(10_000);
        assertThat(day).hasSize(250);
        for (id.loket.appointment.model.Appointment a : day) {
            assertThat(log).as("the NIK of " + a.bookingCode()).doesNotContain(a.applicant().nik());
            assertThat(log).as("the name of " + a.bookingCode()).doesNotContain(a.applicant().fullName());
            for (id.loket.appointment.model.Guardian g : a.applicant().guardians()) {
                assertThat(log).doesNotContain(g.nik());
            }
        }
        assertThat(log).doesNotContain(TOKEN);
    }
}
