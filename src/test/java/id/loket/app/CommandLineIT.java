package id.loket.app;

import static id.loket.testing.SimulatedCentral.DAY;
import static id.loket.testing.SimulatedCentral.OFFICE;
import static id.loket.testing.SimulatedCentral.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.loket.appointment.model.Applicant;
import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.central.ContractJson;
import id.loket.central.sim.Fault;
import id.loket.db.Database;
import id.loket.testing.ChildJvm;
import id.loket.testing.Csv;
import id.loket.testing.Cli;
import id.loket.testing.Cli.Run;
import id.loket.testing.SimulatedCentral;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The headless commands, end to end: real simulator over HTTP, real H2 file, real output. */
class CommandLineIT {

    /** Names central may send, kept byte for byte: 200 characters with diacritics, apostrophes, one word. */
    private static final String LONG_NAME = ("Ni Luh Putu Ayu Ma'rifah Désirée Kusumawardhani-Sastrawan ").repeat(4).substring(0, 199) + "é";
    private static final List<String> ODD_NAMES = List.of(LONG_NAME, "Sukarno", "Ma'ruf Amin", "Zoë Anggraini", "R.A. Kartini Putri");

    @TempDir
    Path dir;

    private SimulatedCentral central;
    private Path data;

    @BeforeEach
    void start() {
        central = new SimulatedCentral(11, 250);
        data = dir.resolve("data");
    }

    @AfterEach
    void stop() {
        central.close();
    }

    private static Run loket(String... args) {
        return Cli.loket(args);
    }

    private Run sync(String... extra) {
        List<String> args = new ArrayList<>(List.of("sync", "--lang", "en", "--central", central.baseUrl(), "--token", TOKEN,
                "--office", OFFICE, "--date", DAY.toString(), "--data", data.toString()));
        args.addAll(List.of(extra));
        return loket(args.toArray(String[]::new));
    }

    private List<Appointment> publishOddNames() {
        Appointment model = central.store().latest(OFFICE, DAY).get(0);
        List<Appointment> odd = new ArrayList<>();
        int i = 0;
        for (String name : ODD_NAMES) {
            Applicant p = model.applicant();
            Appointment a = new Appointment(UUID.randomUUID().toString(), 1, "DPSODD" + (i++), OFFICE, DAY, "09:00", "10:00",
                    AppointmentStatus.BOOKED, null, model.service(), model.passportType(), model.validityYears(), false,
                    new Applicant(p.nik(), name, p.birthDate(), "Denpasar, Bali \"Kota\"", p.sex(), p.married(), null, null, null, List.of()),
                    model.payment(), model.updatedAt());
            central.store().publish(a);
            odd.add(a);
        }
        return odd;
    }

    @Test
    void syncThenExportReproducesCentralsLatestStateExactly() throws Exception {
        publishOddNames();
        central.store().update(central.store().latest(OFFICE, DAY).get(3).id(), a -> a);

        Run sync = sync();
        Run export = loket("export", "appointments", "--date", DAY.toString(), "--format", "json", "--data", data.toString());

        assertThat(sync.code()).isZero();
        assertThat(sync.out()).contains("256 received", "256 applied");
        assertThat(export.code()).isZero();
        JsonNode items = ContractJson.mapper().readTree(export.out().getBytes(StandardCharsets.UTF_8));
        assertThat(items).hasSize(255);
        List<Appointment> exported = new ArrayList<>();
        for (JsonNode item : items) {
            assertThat(item.has("case")).isTrue();
            assertThat(item.get("case").isNull()).isTrue();
            exported.add(ContractJson.readAppointment(item));
        }
        Comparator<Appointment> byId = Comparator.comparing(Appointment::id);
        assertThat(exported.stream().sorted(byId).toList())
                .isEqualTo(central.store().latest(OFFICE, DAY).stream().sorted(byId).toList());
        Map<String, String> names = exported.stream().collect(Collectors.toMap(Appointment::id, a -> a.applicant().fullName()));
        for (String name : ODD_NAMES) {
            assertThat(names.values()).anySatisfy(n -> assertThat(n.getBytes(StandardCharsets.UTF_8)).isEqualTo(name.getBytes(StandardCharsets.UTF_8)));
        }
        assertThat(LONG_NAME.codePointCount(0, LONG_NAME.length())).isEqualTo(200);
    }

    @Test
    void secondSyncTransfersOnlyWhatChanged() {
        assertThat(sync().out()).contains("250 received");
        assertThat(sync().out()).contains(" 0 received");
        Appointment one = central.store().latest(OFFICE, DAY).get(0);
        central.store().update(one.id(), a -> a);
        central.store().update(central.store().latest(OFFICE, DAY).get(1).id(), a -> a);

        Run third = sync();

        assertThat(third.code()).isZero();
        assertThat(third.out()).contains(" 2 received").contains("2 applied");
    }

    @Test
    void csvExportHasAHeaderAndOneQuotedRowPerAppointment() {
        List<Appointment> odd = publishOddNames();
        sync();

        Run csv = loket("export", "appointments", "--date", DAY.toString(), "--format", "csv", "--data", data.toString());

        List<List<String>> rows = Csv.parse(csv.out());
        assertThat(rows.get(0)).startsWith("id", "version", "bookingCode").contains("applicant.fullName", "payment.status").endsWith("case");
        assertThat(rows).hasSize(1 + 255);
        int nameColumn = rows.get(0).indexOf("applicant.fullName");
        int placeColumn = rows.get(0).indexOf("applicant.birthPlace");
        Map<String, List<String>> byId = rows.subList(1, rows.size()).stream().collect(Collectors.toMap(r -> r.get(0), Function.identity()));
        for (Appointment a : odd) {
            assertThat(byId.get(a.id()).get(nameColumn)).isEqualTo(a.applicant().fullName());
            assertThat(byId.get(a.id()).get(placeColumn)).isEqualTo("Denpasar, Bali \"Kota\"");
        }
    }

    @Test
    void itemThatBreaksTheContractIsReportedAndTheRestApplied() {
        Appointment model = central.store().latest(OFFICE, DAY).get(0);
        Applicant p = model.applicant();
        Appointment tooLong = new Appointment(UUID.randomUUID().toString(), 1, "DPSLONG1", OFFICE, DAY, "09:00", "10:00",
                AppointmentStatus.BOOKED, null, model.service(), model.passportType(), 10, false,
                new Applicant(p.nik(), LONG_NAME + "x", p.birthDate(), null, p.sex(), false, null, null, null, List.of()),
                model.payment(), null);
        central.store().publish(tooLong);

        Run run = sync();

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("250 applied", "1 set aside")
                .contains("Set aside (" + DAY + ") item " + tooLong.id() + " code DPSLONG1: applicant.fullName: 201 characters, the limit is 200");
    }

    @Test
    void syncThatCannotCompleteExitsNonZeroWithOneLine() {
        central.sim().goDown();

        Run run = sync("--retries", "0");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().strip()).doesNotContain("\n").startsWith("Sync incomplete: Cannot reach central").endsWith("Run it again to complete it.");
    }

    @Test
    void wrongTokenExitsNonZeroAndSaysSo() {
        Run run = loket("sync", "--lang", "en", "--central", central.baseUrl(), "--token", "wrong", "--office", OFFICE,
                "--date", DAY.toString(), "--data", data.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("Central refused this office's token (HTTP 401").doesNotContain("wrong");
    }

    @Test
    void runningAgainCompletesASyncThatFailed() {
        central.sim().injectNext(Fault.pass(), Fault.of(Fault.Kind.TRUNCATED));
        Run failed = loket("sync", "--lang", "en", "--central", central.baseUrl(), "--token", TOKEN, "--office", OFFICE,
                "--date", DAY.toString(), "--data", data.toString(), "--retries", "0");
        assertThat(failed.code()).isEqualTo(1);
        assertThat(failed.out()).contains("200 applied");

        Run again = sync();

        assertThat(again.code()).isZero();
        assertThat(again.out()).contains(" 50 received");
    }

    @Test
    void secondLoketOnTheSameDataFolderIsRefused() throws Exception {
        try (Database first = Database.openFolder(data)) {
            ChildJvm.Result second = ChildJvm.run(dir.resolve("child"), "export", "appointments", "--lang", "en",
                    "--date", DAY.toString(), "--data", data.toString());

            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.err()).contains("Another Loket is using the data folder")
                    .contains("process " + ProcessHandle.current().pid());
        }
    }

    @Test
    void syncKilledMidwayResumesWhereItStopped() throws Exception {
        central.sim().injectNext(Fault.pass(), Fault.slow(Duration.ofSeconds(20)));
        Process child = ChildJvm.start(dir.resolve("killed"), "sync", "--lang", "en", "--central", central.baseUrl(),
                "--token", TOKEN, "--office", OFFICE, "--date", DAY.toString(), "--data", data.toString(), "--timeout", "60");
        // A loaded machine may take long to start the child JVM: wait for its second page request however long that
        // takes, and say so if it never came. The second page is asked for as soon as the first arrives, and the first
        // is applied once the second has kept it waiting PullService.GROUP_WAIT: give it that and some, well inside the
        // 20 s the second page hangs.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (central.sim().requestCount() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(central.sim().requestCount()).as("the child asked for its second page before it was killed").isGreaterThanOrEqualTo(2);
        Thread.sleep(id.loket.sync.service.PullService.GROUP_WAIT.toMillis() + 5_000);
        child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        Run resumed = sync();

        assertThat(resumed.code()).isZero();
        assertThat(resumed.out()).contains(" 50 received");
        try (Database db = Database.openFolder(data)) {
            assertThat(new id.loket.appointment.repo.AppointmentRepository(db.dsl()).countByDate(OFFICE, DAY)).isEqualTo(250);
        }
    }
}
