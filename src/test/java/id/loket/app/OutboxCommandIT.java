package id.loket.app;

import static id.loket.testing.SimulatedCentral.DAY;
import static id.loket.testing.SimulatedCentral.OFFICE;
import static id.loket.testing.SimulatedCentral.TOKEN;
import static id.loket.testing.SimulatedCentral.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.staff.model.Session;
import id.loket.testing.TestSessions;
import id.loket.common.i18n.Messages;
import id.loket.staff.model.Role;
import id.loket.testing.Cli;
import id.loket.testing.Cli.Run;
import id.loket.testing.SimulatedCentral;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code loket sync} pulls and pushes, headless, and says what is left; {@code loket outbox}
 * says why something has not reached central. Real simulator over HTTP, real H2 file.
 */
class OutboxCommandIT {

    private static final Session OFFICER = TestSessions.staff("petugas1", Role.COUNTER, "3");

    @TempDir
    Path dir;

    private SimulatedCentral central;
    private Path data;

    @BeforeEach
    void start() {
        central = new SimulatedCentral(7, 60);
        data = dir.resolve("data");
    }

    @AfterEach
    void stop() {
        central.close();
    }

    private static Run loket(String... args) {
        return Cli.loket(args);
    }

    /** {@code loket outbox}, signed in as the supervisor (it names cases). */
    private Run outbox(String... args) {
        List<String> all = new ArrayList<>(List.of("outbox"));
        all.addAll(List.of(args));
        all.addAll(Cli.signIn("supervisor"));
        return Cli.loket(all.toArray(String[]::new));
    }

    private Run sync() {
        return loket("sync", "--lang", "en", "--central", central.baseUrl(), "--token", TOKEN, "--office", OFFICE,
                "--date", DAY.toString(), "--data", data.toString(), "--retries", "0", "--timeout", "3");
    }

    /** Three applicants checked in at the counter: three CHECKED_IN events in the outbox. */
    private List<String> checkInThree() {
        Clock clock = Clock.fixed(DAY.atTime(LocalTime.of(8, 30)).atZone(ZONE).toInstant(), ZONE);
        List<String> refs = new ArrayList<>();
        try (AppContext app = AppContext.open(data, clock, Messages.forLanguage("en"))) {
            TestSessions.register(app.caseWork(clock).db(), OFFICER, TestSessions.staff("supervisor", Role.SUPERVISOR, "S"));
            List<Appointment> booked = central.store().latest(OFFICE, DAY).stream()
                    .filter(a -> a.status() == AppointmentStatus.BOOKED).limit(3).toList();
            for (Appointment a : booked) {
                refs.add(app.checkIn(clock).checkIn(a.id(), OFFICER).caseRef());
            }
        }
        return refs;
    }

    @Test
    void whileCentralIsAwayTheOutboxSaysWhatWaitsAndTheNextSyncSendsItOnce() throws Exception {
        assertThat(sync().code()).as("the morning pull").isZero();
        List<String> refs = checkInThree();

        central.sim().goDown();
        Run away = sync();
        assertThat(away.code()).isEqualTo(1);
        assertThat(away.out()).contains("0 applied", "Left: 3 waiting, 0 held by a conflict, 0 refused.");
        assertThat(away.err()).contains("Push incomplete:");

        Run text = outbox("--lang", "en", "--data", data.toString());
        assertThat(text.code()).isZero();
        assertThat(text.out()).contains("Outbox of DPS: 3 waiting to be sent, 0 held by a conflict, 0 refused by central as invalid.",
                "The oldest has waited since 2026-11-27 08:30");
        for (String ref : refs) {
            assertThat(text.out()).containsPattern("\\d+\\t" + ref + "\\tCHECKED_IN\\tWaiting\\t\\d+ min\\t1\\t\\S");
        }
        assertThat(text.out()).doesNotContain(TOKEN);

        Run json = outbox("--format", "json", "--data", data.toString());
        assertThat(json.code()).isZero();
        JsonNode root = new ObjectMapper().readTree(json.out());
        assertThat(root.get("office").asText()).isEqualTo(OFFICE);
        assertThat(root.get("waiting").asInt()).isEqualTo(3);
        assertThat(root.get("lastPushProblem").isNull()).isFalse();
        assertThat(root.get("events")).hasSize(3);
        for (JsonNode e : root.get("events")) {
            assertThat(refs).contains(e.get("caseRef").asText());
            assertThat(e.get("type").asText()).isEqualTo("CHECKED_IN");
            assertThat(e.get("state").asText()).isEqualTo("PENDING");
            assertThat(e.get("attempts").asInt()).isEqualTo(1);
            assertThat(e.get("lastError").asText()).isNotBlank();
        }

        central.sim().comeBack();
        Run back = sync();
        assertThat(back.code()).isZero();
        assertThat(back.out()).contains("Sent to central: 3 applied, 0 already there", "Left: 0 waiting");
        assertThat(central.store().appliedEvents()).extracting(e -> e.caseRef()).containsExactlyInAnyOrderElementsOf(refs);
        assertThat(outbox("--lang", "en", "--data", data.toString()).out())
                .contains("Nothing is waiting: every action has reached central.");

        Run again = sync();
        assertThat(again.out()).as("nothing is sent twice").contains("Sent to central: 0 applied, 0 already there");
        assertThat(central.store().appliedEvents()).hasSize(3);
    }

    @Test
    void anUnknownFormatIsRefusedInOneLine() {
        Run run = outbox("--lang", "en", "--format", "xml", "--data", data.toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("Unknown format \"xml\": use text or json.");
    }
}
