package id.loket.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.appointment.model.Appointment;
import id.loket.appointment.repo.AppointmentRepository;
import id.loket.casefile.model.AuditEntry;
import id.loket.casefile.model.CaseAction;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.EventType;
import id.loket.casefile.model.Lifecycle;
import id.loket.casefile.model.OutboxEvent;
import id.loket.casefile.model.QueueSeries;
import id.loket.casefile.service.CaseQueries;
import id.loket.casefile.service.CaseWork;
import id.loket.central.sim.DayGenerator;
import id.loket.checkin.service.CheckInService;
import id.loket.db.Database;
import id.loket.pickup.service.PickupService;
import id.loket.queue.service.QueueService;
import id.loket.receipt.model.PickupRules;
import id.loket.receipt.service.ReceiptService;
import id.loket.settings.repo.SettingsRepository;
import id.loket.staff.model.Role;
import id.loket.staff.model.Session;
import id.loket.staff.service.AuthService;
import id.loket.staff.service.Authorization;
import id.loket.staff.service.PasswordHasher;
import id.loket.supervisor.service.ReleaseService;
import id.loket.testing.TestDatabase;
import id.loket.testing.TestDatabase.Backend;
import id.loket.testing.TestSessions;
import id.loket.verification.service.VerificationService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two simulations started at once on one PostgreSQL database, each with its own pool, behave as
 * two groups of the same office's counters (1-4 and 5-8): the same applicants arrive at both
 * information desks, check-ins and calls are contended, and the day stays legal. Both are stopped
 * at 11:00 and run again to closing, resuming from the database. Afterwards: one case per
 * applicant, no queue number twice, every case's trail a legal chain of steps taken by roles the
 * lifecycle allows, and from the call to the interview every step at the counter that held the case.
 */
class TwoGroupsOfCountersIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Makassar");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final String OFFICE = "DPS";
    private static final long SEED = 7;

    @TempDir
    Path dir;

    /** One `loket simulate` process: its own pool on the shared database, and its own simulated clock. */
    private static DaySimulator simulator(Database db, SimulationSettings settings) {
        SimulatedClock clock = new SimulatedClock(DAY.atTime(settings.hours().open()).atZone(ZONE).toInstant(), ZONE);
        CaseWork work = new CaseWork(db, clock);
        AuthService auth = new AuthService(db, new PasswordHasher(), new Authorization(db), clock);
        return new DaySimulator(new CheckInService(work, OFFICE), new VerificationService(work, 7), new CaseQueries(db),
                new QueueService(db), new ReceiptService(work, PickupRules.defaults()), new PickupService(work), clock, settings,
                DaySimulator.Listener.NONE, who -> auth.trainingSession(who.username(), who.role(), who.counter()))
                .releaseWith(new ReleaseService(work));
    }

    private static List<DaySummary> together(Database a, Database b, SimulationSettings settings) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<DaySummary> first = pool.submit(() -> simulator(a, settings).run());
            Future<DaySummary> second = pool.submit(() -> simulator(b, settings.withFirstCounter(5)).run());
            return List.of(first.get(5, TimeUnit.MINUTES), second.get(5, TimeUnit.MINUTES));
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void twoSimulationsOnOneDatabaseAreTwoGroupsOfCountersAndTheDayStaysLegal() throws Exception {
        try (TestDatabase database = TestDatabase.open(Backend.POSTGRES, dir, "two_groups_of_counters")) {
            Database a = database.db();
            Database b = database.openAgain();
            try {
                new SettingsRepository(a.dsl()).put(SettingsRepository.OFFICE_CODE, OFFICE);
                List<Appointment> day = new DayGenerator(5).generate(OFFICE, DAY, 250, ZONE);
                a.inTransactionRun(tx -> new AppointmentRepository(tx).upsertNewer(day, OffsetDateTime.now()));
                // both mark the database for training at the same moment, as two processes starting would
                ExecutorService marks = Executors.newFixedThreadPool(2);
                List<Future<?>> marked = List.of(
                        marks.submit(() -> new AuthService(a, new PasswordHasher(), new Authorization(a), Clock.systemUTC()).markTraining()),
                        marks.submit(() -> new AuthService(b, new PasswordHasher(), new Authorization(b), Clock.systemUTC()).markTraining()));
                for (Future<?> f : marked) {
                    f.get(1, TimeUnit.MINUTES);
                }
                marks.shutdown();
                SimulationSettings settings = SimulationSettings.wholeDay(OFFICE, DAY, ZONE, 4, SEED);

                List<DaySummary> morning = together(a, b, settings.withUntil(LocalTime.of(11, 0)));
                List<DaySummary> rest = together(a, b, settings);

                assertThat(morning).allSatisfy(s -> assertThat(s.at()).isEqualTo(LocalTime.of(11, 0)));
                assertThat(rest).allSatisfy(s -> assertThat(s.at()).isEqualTo(LocalTime.of(16, 0)));
                assertLegal(a);
            } finally {
                b.close();
            }
        }
    }

    private static void assertLegal(Database db) {
        Session reader = TestSessions.reader(db);
        CaseQueries queries = new CaseQueries(db);
        List<CaseFile> cases = queries.day(reader, OFFICE, DAY);
        assertThat(cases).hasSizeGreaterThan(150);
        assertThat(cases).extracting(CaseFile::appointmentId).filteredOn(x -> x != null).doesNotHaveDuplicates();
        Map<QueueSeries, List<Integer>> numbers = new HashMap<>();
        cases.forEach(c -> numbers.computeIfAbsent(c.queueNumber().series(), k -> new ArrayList<>()).add(c.queueNumber().number()));
        numbers.forEach((series, list) -> assertThat(list).as("queue numbers " + series)
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, list.size()).boxed().toList()));
        Map<String, List<OutboxEvent>> events = queries.allEvents(reader).stream().collect(Collectors.groupingBy(OutboxEvent::caseRef));
        Set<String> callingCounters = new HashSet<>();
        for (CaseFile c : cases) {
            List<AuditEntry> h = queries.history(reader, c.caseRef());
            assertThat(h.get(0).action()).isEqualTo(CaseAction.CHECK_IN);
            assertThat(h).filteredOn(e -> e.action() == CaseAction.CHECK_IN).hasSize(1);
            assertThat(h).filteredOn(e -> e.action() == CaseAction.CALL).hasSizeLessThanOrEqualTo(1);
            assertThat(events.getOrDefault(c.caseRef(), List.of())).filteredOn(e -> e.type() == EventType.CHECKED_IN).hasSize(1);
            CaseStatus at = null;
            String holder = null;
            for (AuditEntry e : h) {
                String where = c.caseRef() + " " + e.action() + " at counter " + e.counter() + " by " + e.officer();
                assertThat(e.from()).as(where + ": starts where the last step ended").isEqualTo(at);
                Role role = "supervisor".equals(e.officer()) ? Role.SUPERVISOR : Role.COUNTER;
                if (e.action() != CaseAction.CHECK_IN && e.action() != CaseAction.RELEASE) {
                    assertThat(Lifecycle.allows(e.from(), e.action(), role)).as(where + ": allowed").isTrue();
                }
                if (e.action() == CaseAction.CALL || e.action() == CaseAction.RESUME) {
                    holder = e.counter();
                    if (e.action() == CaseAction.CALL) {
                        callingCounters.add(e.counter());
                    }
                } else if (e.action() == CaseAction.RELEASE) {
                    holder = null;
                } else if (e.from() != null && Lifecycle.heldAtCounter(e.from())) {
                    if (holder == null) {
                        holder = e.counter();
                    }
                    assertThat(e.counter()).as(where + ": at the counter that holds the case").isEqualTo(holder);
                }
                at = e.to();
            }
            assertThat(at).as(c.caseRef()).isEqualTo(c.status());
        }
        assertThat(callingCounters).as("both groups called applicants").containsAll(Set.of("1", "2", "3", "4", "5", "6", "7", "8"));
    }
}
