package id.loket.sync.service;

import id.loket.testing.TestSessions;
import static id.loket.testing.SimulatedCentral.DAY;
import static id.loket.testing.SimulatedCentral.OFFICE;
import static id.loket.testing.SimulatedCentral.ZONE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.loket.appointment.model.Appointment;
import id.loket.casefile.model.EventType;
import id.loket.casefile.model.OutboxEvent;
import id.loket.casefile.repo.OutboxRepository;
import id.loket.central.CentralClient;
import id.loket.central.sim.CentralStore;
import id.loket.central.sim.Fault;
import id.loket.common.i18n.Messages;
import id.loket.db.Database;
import id.loket.casefile.model.OutboxState;
import id.loket.sync.model.PushReport;
import id.loket.testing.SimulatedCentral;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A desk killed (kill -9) in the middle of a push loses nothing, and central applies nothing twice. */
class PushKillIT {

    @TempDir
    Path dir;

    /** The child: pushes the outbox of the data folder {@code args[0]} to central at {@code args[1]}, batches of 10. */
    public static void main(String[] args) {
        Database db = Database.openFolder(Path.of(args[0]));
        CentralClient client = new CentralClient(CentralClient.Config.of(args[1], SimulatedCentral.TOKEN));
        new PushService(db, client, RetrySettings.none(), Clock.system(ZONE), OFFICE, Messages.forLanguage("en"),
                new PushSettings(10, 100, Duration.ofMillis(10)), TestSessions.system(db)).pushOnce();
        db.close();
    }

    @Test
    void aDeskKilledInTheMiddleOfAPushLosesNothingAndSendsNothingTwice() throws Exception {
        Path data = dir.resolve("data");
        try (SimulatedCentral central = new SimulatedCentral(3, 250)) {
            central.store().ensureDay(OFFICE, DAY);
            List<Appointment> booked = central.store().latest(OFFICE, DAY).stream()
                    .filter(a -> a.status() == id.loket.appointment.model.AppointmentStatus.BOOKED).toList();
            OffsetDateTime time = DAY.atTime(8, 0).atZone(ZONE).toOffsetDateTime();
            try (Database db = Database.openFolder(data)) {
                OutboxRepository outbox = new OutboxRepository(db.dsl());
                for (int i = 0; i < 300; i++) {
                    String caseRef = booked.get(i % 100).id();
                    time = time.plusSeconds(1);
                    String eventId = UUID.randomUUID().toString();
                    ObjectNode n = JsonNodeFactory.instance.objectNode();
                    n.put("eventId", eventId).put("type", EventType.CHECKED_IN.name()).put("caseRef", caseRef)
                            .put("occurredAt", time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).put("officer", "petugas1");
                    n.putObject("data");
                    outbox.append(eventId, caseRef, EventType.CHECKED_IN, time, n.toString());
                }
            }
            // Every answer comes slowly, so the kill lands while a request is under way.
            Fault[] slow = new Fault[60];
            java.util.Arrays.fill(slow, Fault.slow(Duration.ofMillis(40)));
            central.sim().injectNext(slow);

            Process child = start(data, central.baseUrl());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (central.store().appliedEvents().size() < 80 && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(5);
            }
            assertThat(child.isAlive()).as("the child is still pushing when killed").isTrue();
            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // SIGKILL: no shutdown hook, no SHUTDOWN
            Thread.sleep(200); // a request the child sent may still be applied by central after its death
            int appliedAtKill = central.store().appliedEvents().size();
            assertThat(appliedAtKill).isBetween(80, 299);

            try (Database db = Database.openFolder(data)) {
                PushService service = new PushService(db, central.client(Duration.ofSeconds(5)), RetrySettings.none(),
                        Clock.system(ZONE), OFFICE, Messages.forLanguage("en"), PushSettings.defaults(), TestSessions.system(db));
                int sentBefore = new id.loket.casefile.service.Outbox(db.dsl()).countByState().get(OutboxState.SENT);
                assertThat(sentBefore).as("nothing is marked sent that central has not applied").isLessThanOrEqualTo(appliedAtKill);
                Thread.sleep(300);
                int appliedBefore = central.store().appliedEvents().size();
                PushReport report = service.pushOnce();
                assertThat(report.problem()).isEmpty();
                assertThat(report.waiting()).isZero();
                // What central applied before the restart comes back DUPLICATE; the rest is applied now.
                assertThat(report.sent()).isEqualTo(300 - appliedBefore);
                assertThat(report.duplicates()).isEqualTo(appliedBefore - sentBefore);
                List<CentralStore.AppliedEvent> applied = central.store().appliedEvents();
                assertThat(applied).hasSize(300);
                assertThat(applied.stream().map(CentralStore.AppliedEvent::eventId).distinct().count()).isEqualTo(300);
                Map<String, List<String>> expected = new LinkedHashMap<>();
                for (OutboxEvent e : new OutboxRepository(db.dsl()).all()) {
                    expected.computeIfAbsent(e.caseRef(), k -> new ArrayList<>()).add(e.eventId());
                }
                Map<String, List<String>> actual = applied.stream().collect(Collectors.groupingBy(CentralStore.AppliedEvent::caseRef,
                        LinkedHashMap::new, Collectors.mapping(CentralStore.AppliedEvent::eventId, Collectors.toList())));
                assertThat(actual).isEqualTo(expected);
                System.out.printf("kill -9 after %d applied (%d marked sent); the restart sent %d (%d of them duplicates)%n", appliedAtKill, sentBefore,
                        report.sent() + report.duplicates(), report.duplicates());
            }
        }
    }

    private static Process start(Path data, String baseUrl) throws Exception {
        Files.createDirectories(data);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PushKillIT.class.getName(), data.toString(), baseUrl);
        return new ProcessBuilder(command)
                .redirectOutput(data.resolveSibling("child-out.txt").toFile())
                .redirectError(data.resolveSibling("child-err.txt").toFile())
                .start();
    }
}
