package id.loket.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.appointment.model.ServiceType;
import id.loket.casefile.model.AuditEntry;
import id.loket.casefile.model.CaseAction;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.DocumentCheck;
import id.loket.casefile.model.DocumentResult;
import id.loket.casefile.model.DocumentType;
import id.loket.casefile.model.EventType;
import id.loket.casefile.model.OutboxEvent;
import id.loket.casefile.model.RejectionReason;
import id.loket.testing.SimulatedCentral;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole simulated days through the real services, a real H2 file and the day pulled over HTTP
 * from the simulator of central: what the day looks like, that it is the same for the same
 * seed, and that a day stopped and run again ends exactly as the uninterrupted one.
 */
class DaySimulatorIT {

    private static final long SEED = 7;
    private static final Set<CaseStatus> DECIDED = EnumSet.of(CaseStatus.RECEIPT_ISSUED, CaseStatus.ON_HOLD, CaseStatus.REJECTED);

    @TempDir
    static Path dir;

    private static SimulatedCentral central;
    /** The reference: a whole day with 4 counters, uninterrupted. */
    private static SimulatedDay day;
    private static final List<DaySummary> HOURS = new ArrayList<>();

    @BeforeAll
    static void simulateTheDay() {
        central = new SimulatedCentral(5, 250);
        day = SimulatedDay.run(central, dir.resolve("reference"), SimulatedDay.settings(4, SEED), HOURS::add);
    }

    @AfterAll
    static void stopCentral() {
        central.close();
    }

    @Test
    void everyoneWhoCameIsDecidedByClosingTime() {
        DaySummary s = day.summary();

        assertThat(s.at()).isEqualTo(LocalTime.of(16, 0));
        assertThat(s.booked()).isGreaterThan(200);
        assertThat(s.checkedIn() + s.noShows()).isEqualTo(s.booked());
        assertThat(s.noShows()).isBetween(s.booked() * 3 / 100, s.booked() * 15 / 100);
        assertThat(s.notYetArrived()).isZero();
        assertThat(day.cases()).hasSize(s.checkedIn());
        // 4 counters serve the whole day: nobody is left waiting, at a counter or waiting for the supervisor at 16:00
        assertThat(day.cases().values()).extracting(CaseFile::status).allMatch(DECIDED::contains);
        assertThat(s.waiting()).isZero();
        assertThat(s.inProgress()).isZero();
        assertThat(s.approvalPending()).isZero();
        assertThat(s.refusedSteps()).isZero();
        // every approved case leaves with its receipt before closing
        assertThat(s.approved()).isZero();
        assertThat(s.receiptsIssued()).isGreaterThan(s.checkedIn() * 3 / 4);
    }

    @Test
    void theDayHasHoldsRejectionsSupervisorDecisionsAndMinorsWithTheirParentsDocuments() {
        List<CaseFile> held = cases(c -> has(c, CaseAction.PUT_ON_HOLD));
        assertThat(held).hasSizeGreaterThanOrEqualTo(5);
        assertThat(held).filteredOn(c -> c.status() == CaseStatus.ON_HOLD).isNotEmpty()
                .allSatisfy(c -> assertThat(c.holdReturnBy()).isEqualTo(SimulatedCentral.DAY.plusDays(7)));
        assertThat(held).as("back the same day with what was missing, then approved")
                .filteredOn(c -> has(c, CaseAction.RESUME) && c.status() == CaseStatus.RECEIPT_ISSUED).isNotEmpty();

        List<CaseFile> mismatches = cases(c -> c.rejectionReasons().contains(RejectionReason.DATA_MISMATCH));
        assertThat(mismatches).isNotEmpty().allSatisfy(c -> {
            assertThat(c.status()).isEqualTo(CaseStatus.REJECTED);
            assertThat(c.rejectionNote()).isNotBlank();
            assertThat(c.documents()).filteredOn(d -> d.result() == DocumentResult.MISMATCH).singleElement()
                    .satisfies(d -> assertThat(d.note()).isNotBlank());
        });
        assertThat(cases(c -> c.rejectionReasons().contains(RejectionReason.PREVENTION_LIST))).isNotEmpty();

        List<CaseFile> replacements = cases(c -> (c.service() == ServiceType.REPLACEMENT_LOST || c.service() == ServiceType.REPLACEMENT_DAMAGED)
                && has(c, CaseAction.REQUEST_APPROVAL));
        assertThat(replacements).isNotEmpty();
        assertThat(replacements).filteredOn(c -> c.status() == CaseStatus.RECEIPT_ISSUED).isNotEmpty()
                .allSatisfy(c -> assertThat(c.approvedBy()).isEqualTo(DaySimulator.SUPERVISOR.username()));
        assertThat(cases(c -> c.flagged())).isNotEmpty().allSatisfy(c -> assertThat(decision(c).officer()).isEqualTo("supervisor"));
        assertThat(cases(c -> c.rejectionReasons().contains(RejectionReason.FALSE_STATEMENT)))
                .isNotEmpty().allSatisfy(c -> assertThat(decision(c).officer()).isEqualTo("supervisor"));
        assertThat(cases(c -> c.status() == CaseStatus.RECEIPT_ISSUED && !c.needsSupervisorApproval()))
                .allSatisfy(c -> assertThat(c.approvedBy()).startsWith("petugas"));

        List<CaseFile> minors = cases(c -> c.applicant().isMinorOn(c.date()) && c.status() == CaseStatus.RECEIPT_ISSUED);
        assertThat(minors).isNotEmpty().allSatisfy(c -> assertThat(c.documents())
                .filteredOn(d -> Set.of(DocumentType.FATHER_E_KTP, DocumentType.MOTHER_E_KTP, DocumentType.PARENTS_MARRIAGE_CERT,
                        DocumentType.PARENTS_STATEMENT, DocumentType.BIRTH_CERT, DocumentType.KK).contains(d.type()))
                .hasSize(6).extracting(DocumentCheck::result).containsOnly(DocumentResult.VERIFIED));
        assertThat(day.histories().values()).flatMap(h -> h).extracting(AuditEntry::officer)
                .contains("informasi", "petugas1", "petugas2", "petugas3", "petugas4", "supervisor", "kasir");
    }

    @Test
    void everyTimestampFallsOnTheDateWithinOfficeHours() {
        List<OffsetDateTime> times = new ArrayList<>();
        day.histories().values().forEach(h -> h.forEach(e -> times.add(e.at())));
        day.events().forEach(e -> times.add(e.occurredAt()));
        day.cases().values().forEach(c -> {
            times.add(c.checkedInAt());
            times.add(c.calledAt());
            if (c.approvedAt() != null) {
                times.add(c.approvedAt());
            }
            if (c.interviewedAt() != null) {
                times.add(c.interviewedAt());
            }
        });

        assertThat(times).hasSizeGreaterThan(2000).allSatisfy(t -> {
            ZonedDateTime local = t.atZoneSameInstant(SimulatedCentral.ZONE);
            assertThat(local.toLocalDate()).isEqualTo(SimulatedCentral.DAY);
            assertThat(OfficeHours.DENPASAR.contains(local.toLocalTime())).as("%s within office hours", local).isTrue();
        });
    }

    @Test
    void theOutboxHoldsEachCasesEventsInTheOrderTheyHappened() {
        List<OutboxEvent> events = day.events();
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).seq()).isGreaterThan(events.get(i - 1).seq());
            assertThat(events.get(i).occurredAt()).isAfterOrEqualTo(events.get(i - 1).occurredAt());
        }
        Map<String, List<EventType>> byCase = events.stream().collect(Collectors.groupingBy(OutboxEvent::caseRef,
                LinkedHashMap::new, Collectors.mapping(OutboxEvent::type, Collectors.toList())));
        assertThat(byCase.keySet()).isEqualTo(day.cases().keySet());
        assertThat(events).filteredOn(e -> e.type() == EventType.CHECKED_IN).hasSize(day.cases().size());
        assertThat(events).extracting(OutboxEvent::eventId).doesNotHaveDuplicates();
        day.cases().values().forEach(c -> {
            List<EventType> types = byCase.get(c.caseRef());
            assertThat(types.get(0)).isEqualTo(EventType.CHECKED_IN);
            assertThat(types).doesNotHaveDuplicates();
            EventType lastEvent = types.get(types.size() - 1);
            switch (c.status()) {
                case RECEIPT_ISSUED -> assertThat(lastEvent).isEqualTo(EventType.RECEIPT_ISSUED);
                case REJECTED -> assertThat(lastEvent).isEqualTo(EventType.REJECTED);
                case ON_HOLD -> assertThat(lastEvent).isEqualTo(EventType.PUT_ON_HOLD);
                default -> throw new AssertionError(c.status());
            }
            if (types.contains(EventType.APPROVED)) {
                assertThat(types).containsSubsequence(EventType.CHECKED_IN, EventType.DOCUMENTS_VERIFIED, EventType.INTERVIEWED,
                        EventType.APPROVED, EventType.RECEIPT_ISSUED);
            }
        });
    }

    @Test
    void theSummaryAndTheHourlyProgressAgreeWithTheDatabase() {
        DaySummary s = day.summary();
        Map<CaseStatus, Long> byStatus = day.cases().values().stream().collect(Collectors.groupingBy(CaseFile::status, Collectors.counting()));

        assertThat(s.approved()).isEqualTo(byStatus.getOrDefault(CaseStatus.APPROVED, 0L).intValue());
        assertThat(s.receiptsIssued()).isEqualTo(byStatus.get(CaseStatus.RECEIPT_ISSUED).intValue());
        assertThat(s.passportsReady()).as("no earlier day in this folder").isZero();
        assertThat(s.handedOver()).isZero();
        assertThat(s.rejected()).isEqualTo(byStatus.get(CaseStatus.REJECTED).intValue());
        assertThat(s.onHold()).isEqualTo(byStatus.get(CaseStatus.ON_HOLD).intValue());
        assertThat(s.events()).isEqualTo(day.events().size());
        assertThat(s.documentsVerified()).isEqualTo((int) day.events().stream()
                .filter(e -> e.type() == EventType.DOCUMENTS_VERIFIED).count());
        assertThat(HOURS).extracting(DaySummary::at).containsExactly(LocalTime.of(8, 0), LocalTime.of(9, 0), LocalTime.of(10, 0),
                LocalTime.of(11, 0), LocalTime.of(12, 0), LocalTime.of(13, 0), LocalTime.of(14, 0), LocalTime.of(15, 0));
        assertThat(HOURS).extracting(DaySummary::checkedIn).isSorted();
        assertThat(HOURS.get(0).checkedIn()).isPositive();
    }

    @Test
    void theSameSeedGivesTheSameDayAndAnotherSeedAnotherDay() {
        SimulatedDay again = SimulatedDay.run(central, dir.resolve("again"), SimulatedDay.settings(4, SEED), DaySimulator.Listener.NONE);
        SimulatedDay other = SimulatedDay.run(central, dir.resolve("other"), SimulatedDay.settings(4, SEED + 1), DaySimulator.Listener.NONE);

        assertThat(outcomes(again)).isEqualTo(outcomes(day));
        assertThat(steps(again)).isEqualTo(steps(day));
        assertThat(outcomes(other)).isNotEqualTo(outcomes(day));
    }

    @Test
    void roundsWithCentralComeEveryFiveSimulatedMinutesAndLeaveTheDayAsItWas() {
        List<java.time.Instant> rounds = new ArrayList<>();

        SimulatedDay synced = SimulatedDay.run(central, dir.resolve("synced"), SimulatedDay.settings(4, SEED), DaySimulator.Listener.NONE,
                simulator -> simulator.syncEvery(java.time.Duration.ofMinutes(5), rounds::add));

        List<LocalTime> times = rounds.stream().map(t -> t.atZone(SimulatedCentral.ZONE).toLocalTime()).toList();
        assertThat(times).hasSize(101).startsWith(LocalTime.of(7, 35), LocalTime.of(7, 40)).endsWith(LocalTime.of(15, 55));
        assertThat(outcomes(synced)).isEqualTo(outcomes(day));
        assertThat(steps(synced)).isEqualTo(steps(day));
    }

    @Test
    void aDayStoppedAtElevenAndRunAgainEndsExactlyAsTheUninterruptedDay() {
        Path folder = dir.resolve("interrupted");

        SimulatedDay morning = SimulatedDay.run(central, folder, SimulatedDay.settings(4, SEED).withUntil(LocalTime.of(11, 0)),
                DaySimulator.Listener.NONE);
        SimulatedDay resumed = SimulatedDay.run(central, folder, SimulatedDay.settings(4, SEED), DaySimulator.Listener.NONE);
        SimulatedDay third = SimulatedDay.run(central, folder, SimulatedDay.settings(4, SEED), DaySimulator.Listener.NONE);

        assertThat(morning.summary().at()).isEqualTo(LocalTime.of(11, 0));
        assertThat(morning.summary().notYetArrived()).isPositive();
        assertThat(morning.cases().size()).isLessThan(day.cases().size());
        assertThat(morning.histories().values()).flatMap(h -> h)
                .allSatisfy(e -> assertThat(e.at().atZoneSameInstant(SimulatedCentral.ZONE).toLocalTime()).isBefore(LocalTime.of(11, 0)));
        assertThat(outcomes(resumed)).isEqualTo(outcomes(day));
        assertThat(steps(resumed)).isEqualTo(steps(day));
        assertThat(resumed.events()).filteredOn(e -> e.type() == EventType.CHECKED_IN).hasSize(resumed.cases().size());
        assertThat(resumed.events()).extracting(OutboxEvent::eventId).doesNotHaveDuplicates();
        assertThat(third.events()).as("a finished day run again changes nothing").isEqualTo(resumed.events());
        assertThat(steps(third)).isEqualTo(steps(resumed));
    }

    @Test
    void oneCounterCannotServeEveryoneAndTheDayStopsAtClosingWhereItIs() {
        SimulatedDay small = SimulatedDay.run(central, dir.resolve("one-counter"), SimulatedDay.settings(1, SEED), DaySimulator.Listener.NONE);

        DaySummary s = small.summary();
        assertThat(s.at()).isEqualTo(LocalTime.of(16, 0));
        assertThat(s.waiting()).as("still waiting when the office closes").isPositive();
        assertThat(s.waiting() + s.inProgress() + s.approved() + s.receiptsIssued() + s.rejected() + s.onHold() + s.approvalPending()).isEqualTo(s.checkedIn());
        assertThat(small.histories().values()).flatMap(h -> h)
                .allSatisfy(e -> assertThat(OfficeHours.DENPASAR.contains(e.at().atZoneSameInstant(SimulatedCentral.ZONE).toLocalTime())).isTrue());
        assertThat(small.cases().values()).filteredOn(c -> c.status() == CaseStatus.CHECKED_IN)
                .allSatisfy(c -> assertThat(c.counter()).isNull());
    }

    @Test
    void aSimulationRunningInRealTimeStopsPromptlyWhenAskedOrInterrupted() throws Exception {
        SimulationSettings slow = new SimulationSettings(SimulatedCentral.OFFICE, SimulatedCentral.DAY, SimulatedCentral.ZONE,
                OfficeHours.DENPASAR, 4, SEED, 1, null);
        AtomicReference<DaySimulator> simulator = new AtomicReference<>();
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<SimulatedDay> stopped = new AtomicReference<>();
        Thread thread = new Thread(() -> stopped.set(SimulatedDay.run(central, dir.resolve("stopped"), slow, DaySimulator.Listener.NONE,
                s -> {
                    simulator.set(s);
                    started.countDown();
                })));
        thread.start();
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(300);

        long asked = System.nanoTime();
        simulator.get().stop();
        thread.join(10_000);

        assertThat(thread.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - asked)).isLessThan(Duration.ofSeconds(2));
        assertThat(stopped.get().summary().at()).isBefore(LocalTime.of(7, 31));

        // at full speed, an interrupt from the hourly progress stops it at that hour, and the database stays usable
        AtomicReference<SimulatedDay> interrupted = new AtomicReference<>();
        Thread fast = new Thread(() -> interrupted.set(SimulatedDay.run(central, dir.resolve("interrupted-by-thread"), SimulatedDay.settings(4, SEED),
                soFar -> Thread.currentThread().interrupt())));
        fast.start();
        fast.join(60_000);
        assertThat(interrupted.get().summary().at()).isEqualTo(LocalTime.of(8, 0));
        assertThat(interrupted.get().cases()).isNotEmpty();
    }

    // ---- helpers ----

    private static List<CaseFile> cases(java.util.function.Predicate<CaseFile> which) {
        return day.cases().values().stream().filter(which).toList();
    }

    private static boolean has(CaseFile c, CaseAction action) {
        return day.histories().get(c.caseRef()).stream().anyMatch(e -> e.action() == action);
    }

    /** The step that decided the case: its last approval or rejection. */
    private static AuditEntry decision(CaseFile c) {
        List<AuditEntry> h = day.histories().get(c.caseRef()).stream()
                .filter(e -> e.action() == CaseAction.APPROVE || e.action() == CaseAction.REJECT).toList();
        return h.get(h.size() - 1);
    }

    /** Per case: queue number, final status, and the event types in order. */
    private static Map<String, String> outcomes(SimulatedDay d) {
        Map<String, List<EventType>> events = d.events().stream().collect(Collectors.groupingBy(OutboxEvent::caseRef,
                Collectors.mapping(OutboxEvent::type, Collectors.toList())));
        return d.cases().values().stream().collect(Collectors.toMap(CaseFile::caseRef,
                c -> c.queueNumber() + " " + c.status() + " " + events.get(c.caseRef()), (a, b) -> a, LinkedHashMap::new));
    }

    /** Per case: every audited step with its time, officer and counter. */
    private static Map<String, List<String>> steps(SimulatedDay d) {
        return d.histories().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().stream().map(a -> a.action() + "@" + a.at().toInstant() + " " + a.officer() + "/" + a.counter()
                        + " " + a.from() + "->" + a.to()).toList(), (a, b) -> a, LinkedHashMap::new));
    }

}
