package id.loket.casefile.repo;

import id.loket.audit.AuditTrail;
import id.loket.staff.model.Permission;
import static id.loket.db.jooq.Tables.CASE_FILE;
import static id.loket.db.jooq.Tables.DAY_SEQUENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.appointment.model.PassportType;
import id.loket.appointment.model.ServiceType;
import id.loket.common.model.Sex;
import id.loket.appointment.repo.AppointmentRepository;
import id.loket.staff.model.Session;
import id.loket.testing.TestSessions;
import id.loket.casefile.model.AuditEntry;
import id.loket.casefile.model.CaseAction;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.EventType;
import id.loket.casefile.model.OutboxEvent;
import id.loket.casefile.model.PriorityCategory;
import id.loket.casefile.model.QueueNumber;
import id.loket.casefile.model.QueueSeries;
import id.loket.casefile.service.CaseQueries;
import id.loket.casefile.service.CaseWork;
import id.loket.casefile.service.CaseWork.Event;
import id.loket.casefile.service.CaseWork.Outcome;
import id.loket.casefile.service.CaseWork.Step;
import id.loket.central.sim.DayGenerator;
import id.loket.checkin.model.WalkInForm;
import id.loket.checkin.service.CheckInService;
import id.loket.common.model.UserFacingException;
import id.loket.db.Database;
import id.loket.staff.model.Role;
import id.loket.testing.TestDatabase;
import id.loket.testing.TestDatabase.Backend;
import id.loket.verification.service.VerificationService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the counters rely on when they share one database: a step that fails halfway leaves
 * nothing behind, "call next" hands each case to exactly one counter, and queue numbers and
 * walk-in references stay unique and gapless however many counters work at once. Runs
 * against each database Loket supports: an H2 file, and a real PostgreSQL server (a schema
 * of its own per test, see {@link TestDatabase}).
 */
class CaseConcurrencyIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Makassar");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final String OFFICE = "DPS";
    private static final int THREADS = 4;
    private static final Session OFFICER = counter(1);
    private static final Session SUPERVISOR = TestSessions.staff("supervisor", Role.SUPERVISOR, "S");
    /** Longer than H2's default lock timeout (2 s): a counter must wait for another, not fail. */
    private static final long STALL_MILLIS = 3000;

    @TempDir
    Path dir;

    private String testName;
    private TestDatabase database;
    private Database db;
    private CaseWork work;
    private CheckInService checkIn;
    private CaseQueries queries;
    private List<Appointment> booked;

    private static Session counter(int n) {
        return TestSessions.staff("petugas" + n, Role.COUNTER, String.valueOf(n));
    }

    /** A fresh database with a pulled day of 250 bookings, and the counter services at 08:30 that day. */
    private void open(Backend backend) {
        database = TestDatabase.open(backend, dir, "case_concurrency_" + testName);
        db = database.db();
        Clock clock = Clock.fixed(DAY.atTime(LocalTime.of(8, 30)).atZone(ZONE).toInstant(), ZONE);
        work = new CaseWork(db, clock);
        checkIn = new CheckInService(work, OFFICE);
        queries = new CaseQueries(db);
        for (int n = 1; n <= 16; n++) {
            TestSessions.register(db, counter(n));
        }
        TestSessions.register(db, SUPERVISOR);
        List<Appointment> day = new DayGenerator(7).generate(OFFICE, DAY, 250, ZONE);
        db.inTransactionRun(tx -> new AppointmentRepository(tx).upsertNewer(day, OffsetDateTime.now(clock)));
        booked = day.stream().filter(a -> a.status() == AppointmentStatus.BOOKED).toList();
        assertThat(booked).hasSizeGreaterThanOrEqualTo(100);
    }

    @BeforeEach
    void name(TestInfo info) {
        testName = info.getTestMethod().orElseThrow().getName();
    }

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private int auditRows() {
        return new AuditTrail(db.dsl()).count();
    }

    private int outboxRows() {
        return new OutboxRepository(db.dsl()).count();
    }

    /** Runs {@code threads} tasks at once (released together) and answers their results in task order. */
    private static <T> List<T> together(int threads, IntFunction<Callable<T>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<T> t = task.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    return t.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get(180, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    // ---- a step that fails halfway ----

    @ParameterizedTest
    @EnumSource(Backend.class)
    void stepWhoseAuditInsertFailsAfterTheCaseUpdateLeavesNoChangeNoAuditAndNoEvent(Backend backend) {
        open(backend);
        String ref = checkIn.checkIn(booked.get(0).id(), OFFICER).caseRef();
        checkIn.callNext(OFFICER).orElseThrow();
        CaseFile before = work.load(ref);
        int audits = auditRows();
        int events = outboxRows();

        // The case is written, the first step's audit row and event are appended, then the second
        // step's audit row is refused by the database (details longer than the column).
        assertThatThrownBy(() -> work.act(ref, work.require(OFFICER, Permission.VERIFY), CaseAction.PUT_ON_HOLD, (c, to, now) -> new Outcome(
                c.toBuilder().status(to.orElseThrow()).holdReturnBy(DAY.plusDays(7)).build(), List.of(
                        new Step(CaseAction.PUT_ON_HOLD, c.status(), to.orElseThrow(), "missing [KK]",
                                List.of(new Event(EventType.PUT_ON_HOLD, CaseWork.data().put("returnBy", DAY.plusDays(7).toString())))),
                        new Step(CaseAction.FLAG, to.orElseThrow(), to.orElseThrow(), "x".repeat(4001), List.of())))))
                .isInstanceOf(DataAccessException.class);

        assertThat(work.load(ref)).isEqualTo(before);
        assertThat(auditRows()).isEqualTo(audits);
        assertThat(outboxRows()).isEqualTo(events);
        assertThat(queries.events(OFFICER, ref)).extracting(OutboxEvent::type).containsExactly(EventType.CHECKED_IN);
        // nothing is left locked: the next step goes through
        assertThat(new VerificationService(work, 7).flag(ref, OFFICER, "cek ulang").rowVersion()).isEqualTo(before.rowVersion() + 1);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void stepWhoseOutboxInsertBreaksAConstraintLeavesNoChangeNoAuditAndNoEvent(Backend backend) {
        open(backend);
        String ref = checkIn.checkIn(booked.get(0).id(), OFFICER).caseRef();
        checkIn.callNext(OFFICER).orElseThrow();
        CaseFile before = work.load(ref);
        OutboxEvent checkedIn = queries.events(OFFICER, ref).get(0);
        int audits = auditRows();
        int events = outboxRows();

        assertThatThrownBy(() -> db.inTransactionRun(tx -> {
            CaseRepository cases = new CaseRepository(tx);
            CaseFile c = cases.find(ref).orElseThrow();
            OffsetDateTime now = work.now();
            assertThat(cases.update(c.toBuilder().flagged(true).flagNote("cek").build(), now)).isTrue();
            work.record(tx, ref, work.require(OFFICER, Permission.VERIFY), now, List.of(new Step(CaseAction.FLAG, c.status(), c.status(), "cek",
                    List.of(new Event(EventType.APPROVAL_REQUESTED, CaseWork.data().put("reason", "FLAGGED"))))));
            // the same event id a second time: the outbox's unique key refuses it
            new OutboxRepository(tx).append(checkedIn.eventId(), ref, EventType.APPROVAL_REQUESTED, now, "{}");
        })).isInstanceOf(DataAccessException.class);

        assertThat(work.load(ref)).isEqualTo(before);
        assertThat(auditRows()).isEqualTo(audits);
        assertThat(outboxRows()).isEqualTo(events);
        assertThat(queries.history(OFFICER, ref)).extracting(AuditEntry::action).containsExactly(CaseAction.CHECK_IN, CaseAction.CALL);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void checkInThatFailsAfterTakingItsNumberGivesTheNumberBack(Backend backend) {
        open(backend);
        CaseFile first = checkIn.checkIn(booked.get(0).id(), OFFICER);
        Appointment second = booked.get(1);
        int audits = auditRows();
        int events = outboxRows();

        assertThatThrownBy(() -> db.inTransactionRun(tx -> {
            QueueNumber n = new QueueNumber(QueueSeries.A, new DaySequenceRepository(tx).next(OFFICE, DAY, "A"));
            assertThat(n.toString()).isEqualTo("A-002");
            CaseFile c = first.toBuilder().caseRef(second.id()).appointmentId(second.id()).queueNumber(n).build();
            work.create(c, work.require(OFFICER, Permission.CHECK_IN), List.of(new Step(CaseAction.CHECK_IN, null, CaseStatus.CHECKED_IN, "queue " + n,
                    List.of(new Event(EventType.CHECKED_IN, CaseWork.data().put("queueNumber", n.toString()))))), tx);
            assertThat(new CaseRepository(tx).find(second.id())).isPresent();
            throw new IllegalStateException("power cut");
        })).hasMessage("power cut");

        assertThat(queries.find(OFFICER, second.id())).isEmpty();
        assertThat(queries.history(OFFICER, second.id())).isEmpty();
        assertThat(auditRows()).isEqualTo(audits);
        assertThat(outboxRows()).isEqualTo(events);
        assertThat(checkIn.checkIn(second.id(), OFFICER).queueNumber().toString()).isEqualTo("A-002");
    }

    // ---- counters at once ----

    @ParameterizedTest
    @EnumSource(Backend.class)
    void countersCallingNextAtOnceNeverGetTheSameCase(Backend backend) throws Exception {
        open(backend);
        int waiting = 50;
        for (int i = 0; i < waiting; i++) {
            checkIn.checkIn(booked.get(i).id(), OFFICER);
        }

        List<List<String>> taken = together(THREADS, t -> () -> {
            Session me = counter(t + 1);
            List<String> mine = new ArrayList<>();
            for (var c = checkIn.callNext(me); c.isPresent(); c = checkIn.callNext(me)) {
                assertThat(c.get().counter()).isEqualTo(me.counter());
                assertThat(c.get().status()).isEqualTo(CaseStatus.IN_VERIFICATION);
                mine.add(c.get().caseRef());
            }
            return mine;
        });

        List<String> all = taken.stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(waiting).doesNotHaveDuplicates();
        assertThat(Set.copyOf(all)).isEqualTo(booked.subList(0, waiting).stream().map(Appointment::id).collect(Collectors.toSet()));
        for (int t = 0; t < THREADS; t++) {
            String counter = String.valueOf(t + 1);
            for (String ref : taken.get(t)) {
                CaseFile c = queries.find(OFFICER, ref).orElseThrow();
                assertThat(c.counter()).isEqualTo(counter);
                assertThat(c.officer()).isEqualTo("petugas" + counter);
                assertThat(c.rowVersion()).isEqualTo(2);
                assertThat(queries.history(OFFICER, ref)).filteredOn(h -> h.action() == CaseAction.CALL).singleElement()
                        .satisfies(h -> assertThat(h.counter()).isEqualTo(counter));
            }
        }
        assertThat(new CaseRepository(db.dsl()).waiting(OFFICE, DAY)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void concurrentCheckInsGetUniqueGaplessQueueNumbers(Backend backend) throws Exception {
        open(backend);
        int each = 25;

        List<List<QueueNumber>> numbers = together(THREADS, t -> () -> {
            Session me = counter(t + 1);
            List<QueueNumber> mine = new ArrayList<>();
            for (Appointment a : booked.subList(t * each, (t + 1) * each)) {
                mine.add(checkIn.checkIn(a.id(), me).queueNumber());
            }
            return mine;
        });

        Set<String> expected = IntStream.rangeClosed(1, THREADS * each).mapToObj(n -> String.format("A-%03d", n)).collect(Collectors.toSet());
        List<String> all = numbers.stream().flatMap(List::stream).map(QueueNumber::toString).toList();
        assertThat(all).hasSize(THREADS * each).doesNotHaveDuplicates();
        assertThat(Set.copyOf(all)).isEqualTo(expected);
        for (List<QueueNumber> mine : numbers) {
            assertThat(mine).extracting(QueueNumber::number).isSorted();
        }
        List<CaseFile> day = queries.day(OFFICER, OFFICE, DAY);
        assertThat(day).extracting(c -> c.queueNumber().toString()).containsExactlyElementsOf(new java.util.TreeSet<>(expected));
        assertThat(db.dsl().select(DAY_SEQUENCE.LAST_VALUE).from(DAY_SEQUENCE)
                .where(DAY_SEQUENCE.OFFICE.eq(OFFICE).and(DAY_SEQUENCE.SEQ_DATE.eq(DAY)).and(DAY_SEQUENCE.SERIES.eq("A")))
                .fetchSingle(DAY_SEQUENCE.LAST_VALUE)).isEqualTo(THREADS * each);
        Set<String> announced = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        for (OutboxEvent e : queries.allEvents(SUPERVISOR)) {
            assertThat(e.type()).isEqualTo(EventType.CHECKED_IN);
            announced.add(json.readTree(e.payload()).at("/data/queueNumber").asText());
        }
        assertThat(announced).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aCheckInWaitsForASlowOneHoldingTheDaysCounterInsteadOfFailing(Backend backend) throws Exception {
        open(backend);
        checkIn.checkIn(booked.get(0).id(), OFFICER);
        CountDownLatch holding = new CountDownLatch(1);

        List<String> numbers = together(2, t -> () -> {
            if (t == 0) {
                // a check-in that takes its number, then stalls (slow disk, busy machine) and gives up
                try {
                    db.inTransactionRun(tx -> {
                        new DaySequenceRepository(tx).next(OFFICE, DAY, "A");
                        holding.countDown();
                        sleep(STALL_MILLIS);
                        throw new IllegalStateException("gave up");
                    });
                } catch (IllegalStateException expected) {
                    return "gave up";
                }
                return "committed";
            }
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            return checkIn.checkIn(booked.get(1).id(), counter(2)).queueNumber().toString();
        });

        assertThat(numbers).containsExactly("gave up", "A-002");
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aCounterCallingACaseWaitsForAnotherStillClaimingItInsteadOfFailing(Backend backend) throws Exception {
        open(backend);
        String ref = checkIn.checkIn(booked.get(0).id(), OFFICER).caseRef();
        CaseFile waiting = work.load(ref);
        CountDownLatch holding = new CountDownLatch(1);

        List<String> outcome = together(2, t -> () -> {
            if (t == 0) {
                // counter 1 claims the case, then stalls and gives up: the claim is rolled back
                try {
                    db.inTransactionRun(tx -> {
                        assertThat(new CaseRepository(tx).claim(ref, waiting.rowVersion(), "1", "petugas1", work.now())).isTrue();
                        holding.countDown();
                        sleep(STALL_MILLIS);
                        throw new IllegalStateException("gave up");
                    });
                } catch (IllegalStateException expected) {
                    return "gave up";
                }
                return "committed";
            }
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            return checkIn.call(ref, counter(2)).counter();
        });

        assertThat(outcome).containsExactly("gave up", "2");
        assertThat(queries.find(OFFICER, ref).orElseThrow().officer()).isEqualTo("petugas2");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void concurrentWalkInsGetUniqueGaplessReferencesAndNumbers(Backend backend) throws Exception {
        open(backend);
        int each = 25;

        List<List<CaseFile>> registered = together(THREADS, t -> () -> {
            Session me = counter(t + 1);
            List<CaseFile> mine = new ArrayList<>();
            for (int i = 0; i < each; i++) {
                int serial = t * each + i + 1;
                PriorityCategory priority = i % 3 == 0 ? PriorityCategory.ELDERLY : null;
                WalkInForm form = new WalkInForm(String.format("5171010101%02d%04d", 50 + t, serial), "Walk-in " + serial,
                        LocalDate.of(1950 + t, 1, 1), "Denpasar", Sex.M, false, ServiceType.REPLACEMENT_LOST, PassportType.ELECTRONIC,
                        10, priority);
                mine.add(checkIn.registerWalkIn(form, me, false));
            }
            return mine;
        });

        List<CaseFile> all = registered.stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(THREADS * each);
        assertThat(all).extracting(CaseFile::caseRef).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, THREADS * each)
                        .mapToObj(n -> String.format("W-DPS-20261127-%04d", n)).toList());
        Map<QueueSeries, List<Integer>> bySeries = new TreeMap<>();
        all.forEach(c -> bySeries.computeIfAbsent(c.queueNumber().series(), s -> new ArrayList<>()).add(c.queueNumber().number()));
        assertThat(bySeries.keySet()).containsExactly(QueueSeries.P, QueueSeries.W);
        bySeries.forEach((series, list) -> assertThat(list).as(series.name())
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, list.size()).boxed().toList()));
        assertThat(all).allSatisfy(c -> assertThat(c.queueNumber().series())
                .isEqualTo(c.priority() == null ? QueueSeries.W : QueueSeries.P));
        assertThat(db.dsl().fetchCount(CASE_FILE)).isEqualTo(THREADS * each);
        assertThat(queries.allEvents(SUPERVISOR)).hasSize(2 * THREADS * each);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void countersChangingTheSameCaseAtOnceLoseNoUpdate(Backend backend) throws Exception {
        open(backend);
        String ref = checkIn.checkIn(booked.get(0).id(), OFFICER).caseRef();
        checkIn.callNext(OFFICER).orElseThrow();
        int versionBefore = work.load(ref).rowVersion();
        VerificationService verification = new VerificationService(work, 7);
        AtomicInteger refused = new AtomicInteger();

        // officers taking turns at the counter that holds the case (another counter would be refused: it is not theirs)
        List<Session> atCounterOne = IntStream.rangeClosed(1, THREADS)
                .mapToObj(n -> TestSessions.staff("petugas" + n, Role.COUNTER, "1")).toList();
        TestSessions.register(db, atCounterOne.toArray(Session[]::new));

        List<Integer> done = together(THREADS, t -> () -> {
            int ok = 0;
            for (int i = 0; i < 10; i++) {
                try {
                    verification.flag(ref, atCounterOne.get(t), "note " + t + "-" + i);
                    ok++;
                } catch (UserFacingException e) {
                    assertThat(e.key()).isEqualTo("case.changedMeanwhile");
                    refused.incrementAndGet();
                }
            }
            return ok;
        });

        int succeeded = done.stream().mapToInt(Integer::intValue).sum();
        assertThat(succeeded + refused.get()).isEqualTo(THREADS * 10);
        assertThat(succeeded).isPositive();
        CaseFile after = work.load(ref);
        assertThat(after.rowVersion()).isEqualTo(versionBefore + succeeded);
        assertThat(queries.history(OFFICER, ref)).filteredOn(h -> h.action() == CaseAction.FLAG).hasSize(succeeded);
        assertThat(queries.history(OFFICER, ref)).filteredOn(h -> h.action() == CaseAction.FLAG).last()
                .satisfies(h -> assertThat(h.details()).isEqualTo(after.flagNote()));
    }
}
