package id.loket.sync.service;

import id.loket.testing.TestSessions;
import static id.loket.testing.SimulatedCentral.DAY;
import static id.loket.testing.SimulatedCentral.OFFICE;
import static id.loket.testing.SimulatedCentral.ZONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.casefile.model.EventType;
import id.loket.casefile.model.OutboxEvent;
import id.loket.casefile.repo.OutboxRepository;
import id.loket.casefile.service.Outbox;
import id.loket.central.sim.CentralStore;
import id.loket.central.sim.Fault;
import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import id.loket.db.Database;
import id.loket.sync.model.Conflict;
import id.loket.sync.model.ConflictKind;
import id.loket.casefile.model.OutboxEntry;
import id.loket.casefile.model.OutboxState;
import id.loket.casefile.model.OutboxSummary;
import id.loket.sync.model.PushReport;
import id.loket.sync.model.Resolution;
import id.loket.testing.OfficeFixture;
import id.loket.testing.SimulatedCentral;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pushing the outbox to the simulator over real HTTP from a real H2 file. */
class PushServiceIT {

    private static final RetrySettings FAST_RETRY = new RetrySettings(3, Duration.ofMillis(5), Duration.ofMillis(40), Duration.ofSeconds(5));
    private static final EventType[] STEPS = {EventType.CHECKED_IN, EventType.DOCUMENTS_VERIFIED, EventType.INTERVIEWED,
            EventType.APPROVED, EventType.PAYMENT_RECORDED};

    @TempDir
    Path dir;

    private SimulatedCentral central;
    private Database db;
    private final Clock clock = Clock.system(ZONE);
    private OffsetDateTime time = DAY.atTime(8, 0).atZone(ZONE).toOffsetDateTime();

    @BeforeEach
    void start() {
        central = new SimulatedCentral(11, 250);
        central.store().ensureDay(OFFICE, DAY);
        db = Database.openFolder(dir);
        TestSessions.register(db, OfficeFixture.SUPERVISOR, OfficeFixture.OFFICER);
    }

    @AfterEach
    void stop() {
        db.close();
        central.close();
    }

    private PushService push(RetrySettings retry, PushSettings settings) {
        return new PushService(db, central.client(Duration.ofSeconds(2)), retry, clock, OFFICE, Messages.forLanguage("en"), settings, TestSessions.system(db));
    }

    private PushService push() {
        return push(FAST_RETRY, new PushSettings(100, 4, Duration.ofMillis(50)));
    }

    private List<Appointment> booked() {
        return central.store().latest(OFFICE, DAY).stream().filter(a -> a.status() == AppointmentStatus.BOOKED).toList();
    }

    /** Appends a contract Event as CaseWork writes it, one second after the last one. */
    private String append(String caseRef, EventType type) {
        time = time.plusSeconds(1);
        String eventId = UUID.randomUUID().toString();
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("eventId", eventId).put("type", type.name()).put("caseRef", caseRef)
                .put("occurredAt", time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .put("officer", "petugas1").put("counter", "3");
        ObjectNode data = n.putObject("data");
        if (type == EventType.CHECKED_IN) {
            data.put("queueNumber", "A" + (time.getSecond() + 1));
        }
        new OutboxRepository(db.dsl()).append(eventId, caseRef, type, time, n.toString());
        return eventId;
    }

    /** The events of each case, as {@code steps} lifecycle events; walk-ins open with their registration. */
    private List<String> appendCase(String caseRef, int steps) {
        List<String> ids = new ArrayList<>();
        if (caseRef.startsWith("W-")) {
            ids.add(append(caseRef, EventType.WALK_IN_REGISTERED));
        }
        for (int i = 0; ids.size() < steps; i++) {
            ids.add(append(caseRef, STEPS[i % STEPS.length]));
        }
        return ids;
    }

    private static String walkIn(int n) {
        return "W-" + OFFICE + "-20261127-" + String.format("%04d", n);
    }

    private Map<String, OutboxState> states() {
        return new OutboxRepository(db.dsl()).all().stream()
                .collect(Collectors.toMap(OutboxEvent::eventId, e -> OutboxState.valueOf(e.state())));
    }

    private static Appointment withStatus(Appointment a, AppointmentStatus s) {
        return new Appointment(a.id(), a.version(), a.bookingCode(), a.office(), a.date(), a.slotStart(), a.slotEnd(), s,
                a.rescheduledTo(), a.service(), a.passportType(), a.validityYears(), a.sameDay(), a.applicant(), a.payment(),
                a.updatedAt());
    }

    private void assertAppliedOnceInOrder(List<String> expectedOrder) {
        List<CentralStore.AppliedEvent> applied = central.store().appliedEvents();
        assertThat(applied).hasSize(expectedOrder.size());
        assertThat(applied.stream().map(CentralStore.AppliedEvent::eventId).distinct().count()).isEqualTo(expectedOrder.size());
        // Per case, central applied the events in the order they happened at the office.
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (OutboxEvent e : new OutboxRepository(db.dsl()).all()) {
            expected.computeIfAbsent(e.caseRef(), k -> new ArrayList<>()).add(e.eventId());
        }
        Map<String, List<String>> actual = applied.stream().collect(Collectors.groupingBy(CentralStore.AppliedEvent::caseRef,
                LinkedHashMap::new, Collectors.mapping(CentralStore.AppliedEvent::eventId, Collectors.toList())));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void aLostAcknowledgementIsSentAgainAndCentralAppliesEachEventOnce() {
        List<String> ids = new ArrayList<>();
        ids.addAll(appendCase(walkIn(1), 1));
        ids.addAll(appendCase(booked().get(0).id(), 1));
        ids.addAll(appendCase(booked().get(1).id(), 1));
        central.sim().injectNext(Fault.of(Fault.Kind.DROP));

        PushReport report = push().pushOnce();

        assertThat(report.problem()).isEmpty();
        assertThat(report.sent() + report.duplicates()).isEqualTo(3);
        assertThat(report.duplicates()).isEqualTo(3); // the dropped answer's events came back DUPLICATE
        assertThat(central.sim().requestCount()).isEqualTo(2);
        assertThat(states().values()).containsOnly(OutboxState.SENT);
        assertAppliedOnceInOrder(ids);
        assertThat(new PushRepositoryView(db).attempts()).allMatch(a -> a == 2);
    }

    @Test
    void aBatchHandedOverButNeverAskedForIsTakenBackWhenThePushStops() {
        // twenty cases, batches of ten: the second batch is handed over while central answers the first, which fails
        List<String> cases = booked().subList(0, 20).stream().map(Appointment::id).toList();
        cases.forEach(c -> appendCase(c, 1));
        central.sim().injectNext(Fault.of(Fault.Kind.SERVER_ERROR));

        PushReport report = push(RetrySettings.none(), new PushSettings(10, 4, Duration.ofMillis(50))).pushOnce();

        assertThat(report.problem()).isPresent();
        assertThat(central.sim().requestCount()).isEqualTo(1);
        assertThat(report.waiting()).isEqualTo(20);
        OffsetDateTime later = time.plusHours(1);
        // the first ten were asked for and may be at central: nothing takes them; the other ten never went
        for (int i = 0; i < cases.size(); i++) {
            String ref = cases.get(i);
            int held = db.inTransaction(tx -> new id.loket.casefile.service.Cases(tx).holdBack(ref, EventType.CHECKED_IN, later));
            assertThat(held).as("case " + i + " held back").isEqualTo(i < 10 ? 0 : 1);
        }
    }

    @Test
    void aThousandEventsReachCentralExactlyOnceThroughAFlakyCentral() {
        List<String> ids = new ArrayList<>();
        List<Appointment> booked = booked();
        for (int c = 0; c < 200; c++) {
            String caseRef = c % 4 == 0 ? walkIn(c) : booked.get(c % booked.size()).id();
            ids.addAll(appendCase(caseRef, 5));
        }
        assertThat(ids).hasSize(1000).doesNotHaveDuplicates();
        Random random = new Random(20261127);
        // 30 faults in every 100 requests, shuffled: the four kinds of outage in turn.
        Fault[] bad = {Fault.of(Fault.Kind.DROP), Fault.unavailable(0), Fault.of(Fault.Kind.SERVER_ERROR), Fault.of(Fault.Kind.TRUNCATED)};
        List<Fault> script = new ArrayList<>();
        for (int block = 0; block < 4; block++) {
            List<Fault> hundred = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                hundred.add(i < 30 ? bad[i % bad.length] : Fault.pass());
            }
            java.util.Collections.shuffle(hundred, random);
            script.addAll(hundred);
        }
        central.sim().injectNext(script.toArray(Fault[]::new));
        // Batches of 10: a hundred batches, so the fault script really bites.
        PushService service = push(FAST_RETRY, new PushSettings(10, 4, Duration.ofMillis(50)));

        long started = System.nanoTime();
        int pushes = 0;
        PushReport report;
        do {
            report = service.pushOnce();
            pushes++;
            if (!report.complete()) {
                sleep(60); // past the circuit breaker's pause
            }
        } while ((report.waiting() > 0 || !report.complete()) && pushes < 200);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("1000 events, 30%% faults: %d pushes, %d requests, %d ms%n", pushes, central.sim().requestCount(), millis);

        assertThat(report.waiting()).isZero();
        assertThat(report.held()).isZero();
        assertThat(states().values()).containsOnly(OutboxState.SENT);
        assertAppliedOnceInOrder(ids);
        int requests = central.sim().requestCount();
        long faultsMet = script.subList(0, requests).stream().filter(f -> f.kind() != Fault.Kind.PASS).count();
        System.out.printf("faults met: %d of %d requests%n", faultsMet, requests);
        // Every fault cost exactly one more request, and nothing else did: 100 batches of 10.
        assertThat(faultsMet).isGreaterThanOrEqualTo(20);
        assertThat(requests).isEqualTo(100 + faultsMet);
        assertThat(millis).isLessThan(60_000);
    }

    @Test
    void aMorningWithoutCentralConvergesWhenItComesBack() throws Exception {
        PushService service = push();
        central.sim().goDown();
        List<String> ids = new ArrayList<>();
        List<Appointment> booked = booked();
        for (int round = 0; round < 10; round++) { // every few minutes of the morning: work, then a push that fails
            for (int c = 0; c < 5; c++) {
                ids.addAll(appendCase(booked.get(round * 5 + c).id(), 3));
            }
            PushReport r = service.pushOnce();
            assertThat(r.problem()).isPresent();
            assertThat(r.waiting()).isEqualTo(ids.size());
            sleep(5);
        }
        OutboxSummary down = service.summary();
        assertThat(down.waiting()).isEqualTo(150);
        assertThat(down.oldestWaiting()).contains(DAY.atTime(8, 0, 1).atZone(ZONE).toOffsetDateTime());
        assertThat(down.lastPush()).isPresent();
        assertThat(down.lastPushProblem()).isPresent();

        central.sim().comeBack();
        sleep(60);
        PushReport back = service.pushOnce();

        assertThat(back.problem()).isEmpty();
        assertThat(back.sent()).isEqualTo(150);
        assertThat(back.waiting()).isZero();
        assertAppliedOnceInOrder(ids);
        assertThat(service.summary().lastPushProblem()).isEmpty();
    }

    @Test
    void aConflictHoldsTheLaterEventsOfItsCaseAndOtherCasesGoOn() {
        Appointment cancelled = booked().get(0);
        Appointment fine = booked().get(1);
        central.store().update(cancelled.id(), a -> withStatus(a, AppointmentStatus.CANCELLED));
        List<String> refused = appendCase(cancelled.id(), 3);
        List<String> ok = appendCase(fine.id(), 3);
        PushService service = push();

        PushReport report = service.pushOnce();

        assertThat(report.conflicts()).isEqualTo(1);
        assertThat(report.sent()).isEqualTo(3);
        assertThat(report.held()).isEqualTo(3);
        Map<String, OutboxState> states = states();
        refused.forEach(id -> assertThat(states.get(id)).isEqualTo(OutboxState.HELD));
        ok.forEach(id -> assertThat(states.get(id)).isEqualTo(OutboxState.SENT));
        assertThat(central.store().appliedEvents()).extracting(CentralStore.AppliedEvent::caseRef).containsOnly(fine.id());
        List<Conflict> open = new ConflictService(db, clock).open(OfficeFixture.SUPERVISOR);
        assertThat(open).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ConflictKind.EVENT_REFUSED);
            assertThat(c.caseRef()).isEqualTo(cancelled.id());
            assertThat(c.eventId()).isEqualTo(refused.get(0));
            assertThat(c.reason()).isEqualTo("APPOINTMENT_CANCELLED");
            assertThat(c.officeSide()).contains(refused.get(0));
            assertThat(c.centralSide()).contains("CONFLICT");
        });
        assertThat(new ConflictService(db, clock).heldEvents(OfficeFixture.SUPERVISOR, open.get(0).id())).isEqualTo(3);

        // Work done on the case after the conflict waits behind it too.
        String later = append(cancelled.id(), EventType.REJECTED);
        int requests = central.sim().requestCount();
        PushReport again = service.pushOnce();
        assertThat(again.held()).isEqualTo(4);
        assertThat(states().get(later)).isEqualTo(OutboxState.HELD);
        assertThat(central.sim().requestCount()).isEqualTo(requests);
    }

    @Test
    void anInvalidEventIsKeptWithItsReasonAndShown() {
        String unknownCase = UUID.randomUUID().toString();
        List<String> ids = appendCase(unknownCase, 2);
        PushService service = push();

        PushReport report = service.pushOnce();

        assertThat(report.invalid()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.held()).isEqualTo(1);
        List<OutboxEntry> unsent = service.unsent();
        assertThat(unsent).extracting(OutboxEntry::eventId).containsExactlyElementsOf(ids);
        assertThat(unsent.get(0).state()).isEqualTo(OutboxState.FAILED);
        assertThat(unsent.get(0).reason()).isEqualTo("UNKNOWN_CASE");
        assertThat(unsent.get(1).state()).isEqualTo(OutboxState.HELD);
        assertThat(service.summary().failed()).isEqualTo(1);
        assertThat(new ConflictService(db, clock).open(OfficeFixture.SUPERVISOR)).singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(ConflictKind.EVENT_INVALID));
        assertThat(central.store().appliedEvents()).isEmpty();
    }

    @Test
    void anOpenCircuitMakesAPushReturnAtOnceWithoutCallingCentral() {
        appendCase(walkIn(1), 2);
        PushService service = push(new RetrySettings(1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(5)),
                new PushSettings(100, 2, Duration.ofMinutes(5)));
        central.sim().injectNext(Fault.of(Fault.Kind.SERVER_ERROR), Fault.of(Fault.Kind.SERVER_ERROR));

        PushReport first = service.pushOnce();
        assertThat(first.problem()).isPresent();
        assertThat(central.sim().requestCount()).isEqualTo(2);
        // Only the case's first event was in the batch: the second waits behind it, untried.
        List<OutboxEntry> tried = service.unsent();
        assertThat(tried.get(0).attempts()).isEqualTo(2);
        assertThat(tried.get(0).lastError()).contains("HTTP 500").doesNotContain("\n").doesNotContain(SimulatedCentral.TOKEN);
        assertThat(tried.get(1).attempts()).isZero();

        long started = System.nanoTime();
        PushReport second = service.pushOnce();
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertThat(central.sim().requestCount()).isEqualTo(2);
        assertThat(second.problem()).contains(Messages.forLanguage("en").get("push.circuitOpen"));
        assertThat(second.waiting()).isEqualTo(2);
        assertThat(millis).isLessThan(500);
    }

    @Test
    void keepOfficeSendsTheHeldEventsAgain() {
        Appointment appointment = booked().get(0);
        central.store().update(appointment.id(), a -> withStatus(a, AppointmentStatus.CANCELLED));
        List<String> ids = appendCase(appointment.id(), 3);
        PushService service = push();
        service.pushOnce();
        ConflictService conflicts = new ConflictService(db, clock);
        Conflict conflict = conflicts.open(OfficeFixture.SUPERVISOR).get(0);

        assertThatThrownBy(() -> conflicts.resolve(conflict.id(), OfficeFixture.OFFICER, Resolution.KEEP_OFFICE, "no"))
                .isInstanceOf(UserFacingException.class)
                .satisfies(e -> assertThat(((UserFacingException) e).key()).isEqualTo("auth.forbidden"));

        // Central booked it again (the cancellation was a mistake): the office's work stands.
        central.store().update(appointment.id(), a -> withStatus(a, AppointmentStatus.BOOKED));
        Conflict settled = conflicts.resolve(conflict.id(), OfficeFixture.SUPERVISOR, Resolution.KEEP_OFFICE, "cancelled by mistake");
        assertThat(settled.resolution()).isEqualTo(Resolution.KEEP_OFFICE);
        assertThat(settled.resolvedBy()).isEqualTo("supervisor");
        assertThat(conflicts.open(OfficeFixture.SUPERVISOR)).isEmpty();
        assertThat(conflicts.history(OfficeFixture.SUPERVISOR, conflict.id())).extracting(ConflictRepositoryAction::of).containsExactly("RECORDED", "KEEP_OFFICE");

        PushReport report = service.pushOnce();
        assertThat(report.sent()).isEqualTo(3);
        assertThat(report.held()).isZero();
        assertAppliedOnceInOrder(ids);
        assertThatThrownBy(() -> conflicts.resolve(conflict.id(), OfficeFixture.SUPERVISOR, Resolution.ACCEPT_CENTRAL, null))
                .satisfies(e -> assertThat(((UserFacingException) e).key()).isEqualTo("conflict.alreadyResolved"));
    }

    @Test
    void acceptCentralSupersedesTheHeldEvents() {
        Appointment appointment = booked().get(0);
        central.store().update(appointment.id(), a -> withStatus(a, AppointmentStatus.CANCELLED));
        appendCase(appointment.id(), 3);
        PushService service = push();
        service.pushOnce();
        ConflictService conflicts = new ConflictService(db, clock);
        Conflict conflict = conflicts.open(OfficeFixture.SUPERVISOR).get(0);

        conflicts.resolve(conflict.id(), OfficeFixture.SUPERVISOR, Resolution.ACCEPT_CENTRAL, "applicant cancelled");

        assertThat(states().values()).containsOnly(OutboxState.SUPERSEDED);
        PushReport report = service.pushOnce();
        assertThat(report.held()).isZero();
        assertThat(report.waiting()).isZero();
        assertThat(central.store().appliedEvents()).isEmpty();
        assertThat(conflicts.history(OfficeFixture.SUPERVISOR, conflict.id()).get(1).details()).contains("APPOINTMENT_CANCELLED");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The audit line's action, for extracting. */
    private static final class ConflictRepositoryAction {
        static String of(id.loket.sync.repo.ConflictRepository.AuditLine l) {
            return l.action();
        }
    }

    /** Attempts per event, as the outbox keeps them. */
    private record PushRepositoryView(Database db) {
        List<Integer> attempts() {
            Outbox outbox = new Outbox(db.dsl());
            return new OutboxRepository(db.dsl()).all().stream().map(e -> outbox.entry(e.eventId()).orElseThrow().attempts()).toList();
        }
    }
}
