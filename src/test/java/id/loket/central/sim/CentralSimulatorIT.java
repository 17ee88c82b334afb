package id.loket.central.sim;

import static id.loket.testing.SimulatedCentral.DAY;
import static id.loket.testing.SimulatedCentral.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.central.AppointmentPage;
import id.loket.central.CentralClient;
import id.loket.central.CentralException;
import id.loket.testing.SimulatedCentral;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator speaks the contract over real HTTP: health, pages and cursors, events, the token. */
class CentralSimulatorIT {

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
    void healthNeedsNoToken() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(central.baseUrl() + "/health")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\":\"UP\"");
    }

    @Test
    void appointmentsNeedTheBearerToken() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(central.baseUrl() + "/offices/DPS/appointments?date=" + DAY)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).contains("\"code\":\"UNAUTHORIZED\"");
    }

    @Test
    void pagesFollowTheCursorUntilNoMoreAndNeverRepeatWithinAPull() {
        Set<String> ids = new HashSet<>();
        String cursor = null;
        int pages = 0;
        AppointmentPage page;
        do {
            page = client.appointments(OFFICE, DAY, cursor, 100);
            page.items().forEach(i -> ids.add(i.get("id").asText()));
            cursor = page.cursor();
            pages++;
        } while (page.more());

        assertThat(pages).isEqualTo(3);
        assertThat(ids).hasSize(250);
        assertThat(client.appointments(OFFICE, DAY, cursor, 100).items()).isEmpty();
    }

    @Test
    void badCursorAndBadLimitAreRefusedAs400() {
        assertThatThrownBy(() -> client.appointments(OFFICE, DAY, "not-a-cursor", 100))
                .isInstanceOfSatisfying(CentralException.class, e -> assertThat(e.kind()).isEqualTo(CentralException.Kind.BAD_REQUEST));
        assertThatThrownBy(() -> client.appointments(OFFICE, DAY, null, 1001))
                .isInstanceOfSatisfying(CentralException.class, e -> assertThat(e.kind()).isEqualTo(CentralException.Kind.BAD_REQUEST));
    }

    @Test
    void eventIsAppliedOnceAndItsRepeatIsADuplicate() {
        Appointment booked = firstWithStatus(AppointmentStatus.BOOKED);
        ObjectNode event = event(booked.id(), "CHECKED_IN");

        JsonNode first = client.postEvents(OFFICE, batch(event));
        JsonNode again = client.postEvents(OFFICE, batch(event));

        assertThat(first.at("/results/0/status").asText()).isEqualTo("APPLIED");
        assertThat(again.at("/results/0/status").asText()).isEqualTo("DUPLICATE");
        assertThat(central.store().appliedEvents()).hasSize(1);
    }

    @Test
    void eventOnACancelledAppointmentIsAConflict() {
        Appointment cancelled = firstWithStatus(AppointmentStatus.CANCELLED);

        JsonNode result = client.postEvents(OFFICE, batch(event(cancelled.id(), "CHECKED_IN")));

        assertThat(result.at("/results/0/status").asText()).isEqualTo("CONFLICT");
        assertThat(result.at("/results/0/reason").asText()).isEqualTo("APPOINTMENT_CANCELLED");
        assertThat(central.store().appliedEvents()).isEmpty();
    }

    @Test
    void walkInGetsACentralAppointmentIdAndBrokenEventsAreInvalid() {
        ObjectNode walkIn = event("W-DPS-20261127-0007", "WALK_IN_REGISTERED");
        ObjectNode broken = event(firstWithStatus(AppointmentStatus.BOOKED).id(), "CHECKED_IN");
        broken.remove("officer");

        JsonNode result = client.postEvents(OFFICE, batch(walkIn, broken));

        assertThat(result.at("/results/0/status").asText()).isEqualTo("APPLIED");
        assertThat(UUID.fromString(result.at("/results/0/appointmentId").asText())).isNotNull();
        assertThat(result.at("/results/1/status").asText()).isEqualTo("INVALID");
    }

    @Test
    void batchOfMoreThan100EventsIsRefused() {
        ObjectNode[] events = new ObjectNode[101];
        for (int i = 0; i < events.length; i++) {
            events[i] = event("W-DPS-20261127-" + i, "WALK_IN_REGISTERED");
        }

        assertThatThrownBy(() -> client.postEvents(OFFICE, batch(events)))
                .isInstanceOfSatisfying(CentralException.class, e -> assertThat(e.kind()).isEqualTo(CentralException.Kind.BAD_REQUEST));
    }

    @Test
    void centralThatWentDownRefusesConnectionsAndComesBackOnTheSamePort() throws IOException {
        central.sim().goDown();
        assertThatThrownBy(() -> client.health())
                .isInstanceOfSatisfying(CentralException.class, e -> assertThat(e.kind()).isEqualTo(CentralException.Kind.CONNECTION));

        central.sim().comeBack();

        client.health();
        assertThat(central.sim().isUp()).isTrue();
    }

    private Appointment firstWithStatus(AppointmentStatus status) {
        List<Appointment> day = central.store().latest(OFFICE, DAY);
        return day.stream().filter(a -> a.status() == status).findFirst().orElseThrow();
    }

    private static ObjectNode event(String caseRef, String type) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("eventId", UUID.randomUUID().toString());
        e.put("type", type);
        e.put("caseRef", caseRef);
        e.put("occurredAt", "2026-11-27T08:15:00+08:00");
        e.put("officer", "petugas1");
        e.put("counter", "3");
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
