package id.loket.central.sim;

import static id.loket.testing.SimulatedCentral.DAY;
import static id.loket.testing.SimulatedCentral.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.appointment.model.PaymentStatus;
import id.loket.central.AppointmentPage;
import id.loket.central.CentralClient;
import id.loket.central.CentralException;
import id.loket.testing.SimulatedCentral;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults at a rate, the lost acknowledgement, central's changes during the day and the dump of applied events. */
class SimulatorFaultsAndChangesIT {

    @TempDir
    Path dir;

    private SimulatedCentral central;
    private CentralClient client;

    @BeforeEach
    void start() {
        central = new SimulatedCentral(3, 250);
        client = central.client(Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        central.close();
    }

    @Test
    void faultRateIsHonouredAndTheSameForTheSameSeed() throws Exception {
        FaultRates rates = FaultRates.parse("503=0.1,429=0.1,500=0.1", 1, Duration.ZERO);

        central.sim().faultRates(rates, 42);
        List<Integer> first = healthStatuses(1000);
        central.sim().faultRates(rates, 42);
        List<Integer> second = healthStatuses(1000);
        central.sim().faultRates(rates, 43);
        List<Integer> otherSeed = healthStatuses(1000);

        long faults = first.stream().filter(s -> s != 200).count();
        assertThat(faults).isBetween(250L, 350L);
        assertThat(first).containsOnly(200, 503, 429, 500);
        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        assertThat(central.sim().faultCount()).isEqualTo(faults * 2 + otherSeed.stream().filter(s -> s != 200).count());
    }

    @Test
    void scriptedFaultGoesBeforeTheRate() throws Exception {
        central.sim().faultRates(FaultRates.parse("500=1", 1, Duration.ZERO), 1);
        central.sim().injectNext(Fault.pass(), Fault.throttled(4));

        assertThat(healthStatuses(3)).containsExactly(200, 429, 500);
        central.sim().faultRates(FaultRates.NONE);
        assertThat(healthStatuses(1)).containsExactly(200);
    }

    @Test
    void badRatesAreRefused() {
        assertThatThrownBy(() -> FaultRates.parse("503=0.7,500=0.5", 1, Duration.ZERO)).hasMessageContaining("more than 1");
        assertThatThrownBy(() -> FaultRates.parse("504=0.1", 1, Duration.ZERO)).hasMessageContaining("unknown fault");
        assertThatThrownBy(() -> FaultRates.parse("drop=1.5", 1, Duration.ZERO)).hasMessageContaining("from 0 to 1");
        assertThatThrownBy(() -> FaultRates.parse("drop=x", 1, Duration.ZERO)).hasMessageContaining("from 0 to 1");
    }

    @Test
    void droppedAnswerToEventsComesAfterTheyWereAppliedSoTheRetryIsADuplicate() {
        ObjectNode event = event(firstBooked().id(), "CHECKED_IN");
        central.sim().injectNext(Fault.of(Fault.Kind.DROP));

        assertThatThrownBy(() -> client.postEvents(OFFICE, batch(event))).isInstanceOf(CentralException.class);
        assertThat(central.store().appliedEvents()).extracting(CentralStore.AppliedEvent::eventId)
                .containsExactly(event.get("eventId").asText());

        JsonNode again = client.postEvents(OFFICE, batch(event));
        assertThat(again.at("/results/0/status").asText()).isEqualTo("DUPLICATE");
        assertThat(central.store().appliedEvents()).hasSize(1);
    }

    @Test
    void truncatedAnswerToEventsAlsoLosesTheAcknowledgement() {
        ObjectNode event = event(firstBooked().id(), "CHECKED_IN");
        central.sim().injectNext(Fault.of(Fault.Kind.TRUNCATED));

        assertThatThrownBy(() -> client.postEvents(OFFICE, batch(event))).isInstanceOf(CentralException.class);

        assertThat(central.store().appliedEvents()).hasSize(1);
    }

    @Test
    void unavailableThrottledAndServerErrorApplyNothing() {
        ObjectNode event = event(firstBooked().id(), "CHECKED_IN");
        central.sim().injectNext(Fault.unavailable(2), Fault.throttled(2), Fault.of(Fault.Kind.SERVER_ERROR));

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> client.postEvents(OFFICE, batch(event))).isInstanceOf(CentralException.class);
        }
        assertThat(central.store().appliedEvents()).isEmpty();

        assertThat(client.postEvents(OFFICE, batch(event)).at("/results/0/status").asText()).isEqualTo("APPLIED");
    }

    @Test
    void changesDuringTheDayAreNewVersionsThatTheNextPullGets() {
        String cursor = pullAll(null, new ArrayList<>());

        List<Appointment> changed = central.store().changeDuringDay(OFFICE, DAY, 2, 2, 2, 5);
        List<JsonNode> pulled = new ArrayList<>();
        pullAll(cursor, pulled);

        assertThat(changed).hasSize(6);
        assertThat(changed).extracting(Appointment::version).containsOnly(2L);
        assertThat(changed).filteredOn(a -> a.status() == AppointmentStatus.CANCELLED).hasSize(2);
        assertThat(changed).filteredOn(a -> a.status() == AppointmentStatus.RESCHEDULED)
                .hasSize(2).allSatisfy(a -> assertThat(a.rescheduledTo()).isAfter(DAY));
        assertThat(changed).filteredOn(a -> a.payment().status() == PaymentStatus.PAID && a.status() == AppointmentStatus.BOOKED)
                .hasSize(2).allSatisfy(a -> {
                    assertThat(a.payment().ntpn()).hasSize(16);
                    assertThat(a.payment().paidAt()).isNotNull();
                });
        assertThat(pulled).extracting(n -> n.get("id").asText() + " v" + n.get("version").asLong())
                .containsExactlyElementsOf(changed.stream().map(a -> a.id() + " v" + a.version()).toList());
        assertThat(pulled).extracting(n -> n.get("status").asText())
                .containsExactlyElementsOf(changed.stream().map(a -> a.status().name()).toList());
    }

    @Test
    void changesDuringTheDayAreTheSameForTheSameSeed() {
        SimulatedCentral other = new SimulatedCentral(3, 250);
        try {
            List<String> here = central.store().changeDuringDay(OFFICE, DAY, 3, 3, 1, 9).stream()
                    .map(a -> a.id() + a.status() + a.rescheduledTo() + a.payment().ntpn()).toList();
            List<String> there = other.store().changeDuringDay(OFFICE, DAY, 3, 3, 1, 9).stream()
                    .map(a -> a.id() + a.status() + a.rescheduledTo() + a.payment().ntpn()).toList();
            assertThat(there).isEqualTo(here);
        } finally {
            other.close();
        }
    }

    @Test
    void centralCancelledWhatTheOfficeServedIsAConflict() {
        Appointment booked = firstBooked();
        central.store().cancel(booked.id());

        JsonNode result = client.postEvents(OFFICE, batch(event(booked.id(), "CHECKED_IN")));

        assertThat(result.at("/results/0/status").asText()).isEqualTo("CONFLICT");
        assertThat(central.store().latest(booked.id()).version()).isEqualTo(booked.version() + 1);
    }

    @Test
    void periodicChangesReachThePull() throws Exception {
        String cursor = pullAll(null, new ArrayList<>());

        central.sim().changeEvery(Duration.ofMillis(50), OFFICE, DAY, 1);
        List<JsonNode> pulled = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (pulled.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            cursor = pullAll(cursor, pulled);
        }
        central.sim().stopChanges();

        assertThat(pulled).isNotEmpty().allSatisfy(n -> assertThat(n.get("version").asLong()).isGreaterThan(1));
    }

    @Test
    void dumpHoldsExactlyTheAppliedEvents() throws Exception {
        Appointment booked = firstBooked();
        Appointment cancelled = central.store().cancel(central.store().latest(OFFICE, DAY).stream()
                .filter(a -> a.status() == AppointmentStatus.BOOKED && !a.id().equals(booked.id())).findFirst().orElseThrow().id());
        ObjectNode checkIn = event(booked.id(), "CHECKED_IN");
        ObjectNode walkIn = event("W-DPS-20261127-0001", "WALK_IN_REGISTERED");
        client.postEvents(OFFICE, batch(checkIn, walkIn, event(cancelled.id(), "CHECKED_IN")));
        client.postEvents(OFFICE, batch(checkIn));
        Path file = dir.resolve("out/applied.jsonl");

        central.store().writeApplied(file);

        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lines.add(mapper.readTree(line));
        }
        assertThat(lines).hasSize(2);
        assertThat(lines).extracting(n -> n.get("eventId").asText())
                .containsExactly(checkIn.get("eventId").asText(), walkIn.get("eventId").asText());
        assertThat(lines.get(0).get("caseRef").asText()).isEqualTo(booked.id());
        assertThat(lines).allSatisfy(n -> {
            assertThat(n.get("result").asText()).isEqualTo("APPLIED");
            assertThat(n.get("officer").asText()).isEqualTo("petugas1");
            assertThat(n.get("occurredAt").asText()).isEqualTo("2026-11-27T08:15:00+08:00");
        });
        assertThat(lines.get(1).get("type").asText()).isEqualTo("WALK_IN_REGISTERED");
        assertThat(lines.get(1).get("appointmentId").asText()).isNotEmpty();
        assertThat(lines).extracting(n -> n.get("eventId").asText())
                .containsExactlyElementsOf(central.store().appliedEvents().stream().map(CentralStore.AppliedEvent::eventId).toList());
    }

    // ---- helpers ----

    private List<Integer> healthStatuses(int n) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(central.baseUrl() + "/health")).build();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            statuses.add(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        }
        return statuses;
    }

    private String pullAll(String cursor, List<JsonNode> into) {
        AppointmentPage page;
        do {
            page = client.appointments(OFFICE, DAY, cursor, 200);
            into.addAll(page.items());
            cursor = page.cursor();
        } while (page.more());
        return cursor;
    }

    private Appointment firstBooked() {
        return central.store().latest(OFFICE, DAY).stream().filter(a -> a.status() == AppointmentStatus.BOOKED)
                .findFirst().orElseThrow();
    }

    private static ObjectNode event(String caseRef, String type) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("eventId", UUID.randomUUID().toString());
        e.put("type", type);
        e.put("caseRef", caseRef);
        e.put("occurredAt", "2026-11-27T08:15:00+08:00");
        e.put("officer", "petugas1");
        e.putObject("data");
        return e;
    }

    private static JsonNode batch(ObjectNode... events) {
        ObjectNode b = JsonNodeFactory.instance.objectNode();
        ArrayNode list = b.putArray("events");
        for (ObjectNode e : events) {
            list.add(e);
        }
        return b;
    }
}
