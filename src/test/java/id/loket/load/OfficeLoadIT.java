package id.loket.load;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.appointment.model.PassportType;
import id.loket.appointment.model.ServiceType;
import id.loket.common.model.Sex;
import id.loket.appointment.repo.AppointmentRepository;
import id.loket.casefile.model.AuditEntry;
import id.loket.casefile.model.CaseAction;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.DocumentCheck;
import id.loket.casefile.model.DocumentResult;
import id.loket.casefile.model.EventType;
import id.loket.casefile.model.InterviewOutcome;
import id.loket.casefile.model.Lifecycle;
import id.loket.casefile.model.OutboxEvent;
import id.loket.casefile.model.PriorityCategory;
import id.loket.casefile.model.QueueSeries;
import id.loket.casefile.model.RejectionReason;
import id.loket.casefile.model.Requirement;
import id.loket.casefile.service.CaseQueries;
import id.loket.casefile.service.CaseWork;
import id.loket.central.sim.DayGenerator;
import id.loket.checkin.model.WalkInForm;
import id.loket.checkin.service.CheckInService;
import id.loket.db.Database;
import id.loket.staff.model.Role;
import id.loket.staff.model.Session;
import id.loket.testing.TestDatabase;
import id.loket.testing.TestDatabase.Backend;
import id.loket.testing.TestSessions;
import id.loket.verification.service.VerificationService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An office day under load on the real PostgreSQL, through the real services: 2,000 bookings,
 * a feeder at the information desk checking arrivals in (in slot order, with priority and plain
 * walk-ins among them) while 12 counters, each its own desk (its own pool on the shared
 * database, its own signed-in COUNTER session at counter 1..12), call the next applicant and take
 * the case on, and a supervisor approves the cases that need one. Every fifth case goes the whole
 * way (every required document, finish, interview, approval; some flagged for the supervisor); the
 * others are shortened to one document and a rejection, which keeps the run short on 2 cores
 * without fewer applicants or counters.
 *
 * <p>The feeder keeps at most {@link #QUEUE_LIMIT} applicants waiting, as arrivals spread over a
 * day would, so call-next is measured against a realistic queue, not one of 2,000.
 *
 * <p>Afterwards the database must show: every checked-in case called exactly once (none twice,
 * none left), no queue number repeated or skipped, every case's trail a legal chain worked at one
 * counter from its call to its last counter step, an event for every announced step, and no
 * applicant passed over for long while a later one was called. The p50/p99 of call-next and of a
 * case step are printed.
 */
class OfficeLoadIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Makassar");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final String OFFICE = "DPS";
    private static final int BOOKINGS = 2000;
    private static final int COUNTERS = 12;
    private static final int WALK_INS = 90;
    private static final int QUEUE_LIMIT = 60;
    private static final int FULL_EVERY = 5;
    private static final int FLAG_EVERY = 4;
    private static final long IDLE_MILLIS = 25;
    /**
     * Audit entries within which an earlier applicant may still be "being called at that moment" (counters
     * read the queue, then claim; 12 counters and a feeder commit meanwhile). Beyond it, passing one over is a skip.
     */
    private static final int SKIP_WINDOW = 250;

    @TempDir
    Path dir;

    @Test
    void twelveCountersServeADayOfTwoThousandBookingsCallingEachApplicantExactlyOnce() throws Exception {
        try (TestDatabase database = TestDatabase.open(Backend.POSTGRES, dir, "office_load")) {
            Database main = database.db();
            // the day's clock runs in real time from 08:00 on the simulated date
            Clock clock = Clock.offset(Clock.system(ZONE), Duration.between(Instant.now(), DAY.atTime(LocalTime.of(8, 0)).atZone(ZONE).toInstant()));
            Session desk = TestSessions.staff("informasi", Role.COUNTER, "0");
            Session supervisor = TestSessions.staff("supervisor", Role.SUPERVISOR, "S");
            List<Session> counters = IntStream.rangeClosed(1, COUNTERS)
                    .mapToObj(n -> TestSessions.staff("petugas" + n, Role.COUNTER, String.valueOf(n))).toList();
            TestSessions.register(main, desk, supervisor);
            TestSessions.register(main, counters.toArray(Session[]::new));
            List<Appointment> day = new DayGenerator(11).generate(OFFICE, DAY, BOOKINGS, ZONE);
            main.inTransactionRun(tx -> new AppointmentRepository(tx).upsertNewer(day, OffsetDateTime.now(clock)));
            List<Appointment> arrivals = day.stream().filter(a -> a.status() == AppointmentStatus.BOOKED)
                    .sorted(Comparator.comparing(Appointment::slotStart).thenComparing(Appointment::id)).toList();

            List<Database> desks = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(COUNTERS + 2);
            try {
                for (int i = 0; i < COUNTERS + 1; i++) {
                    desks.add(database.openAgain());
                }
                AtomicInteger checkedIn = new AtomicInteger();
                AtomicInteger called = new AtomicInteger();
                AtomicBoolean arrivalsOver = new AtomicBoolean();
                AtomicBoolean countersDone = new AtomicBoolean();
                ConcurrentLinkedQueue<String> forSupervisor = new ConcurrentLinkedQueue<>();
                List<Long> callNanos = new CopyOnWriteArrayList<>();
                List<Long> emptyCallNanos = new CopyOnWriteArrayList<>();
                List<Long> stepNanos = new CopyOnWriteArrayList<>();
                Map<String, String> calledBy = new java.util.concurrent.ConcurrentHashMap<>();
                AtomicInteger calledTwice = new AtomicInteger();
                long t0 = System.nanoTime();

                Future<Integer> feeder = pool.submit(() -> {
                    CheckInService checkIn = new CheckInService(new CaseWork(main, clock), OFFICE);
                    int walkIns = 0;
                    try {
                        for (int i = 0; i < arrivals.size(); i++) {
                            while (checkedIn.get() - called.get() >= QUEUE_LIMIT) {
                                Thread.sleep(2);
                            }
                            checkIn.checkIn(arrivals.get(i).id(), desk);
                            checkedIn.incrementAndGet();
                            if (i % (arrivals.size() / WALK_INS) == 7 && walkIns < WALK_INS) {
                                walkIns++;
                                checkIn.registerWalkIn(walkIn(walkIns, walkIns % 3 == 0 ? PriorityCategory.ELDERLY : null), desk, true);
                                checkedIn.incrementAndGet();
                            }
                        }
                    } finally {
                        arrivalsOver.set(true);
                    }
                    return walkIns;
                });

                List<Future<Integer>> counterWork = new ArrayList<>();
                for (int n = 0; n < COUNTERS; n++) {
                    Session me = counters.get(n);
                    CaseWork work = new CaseWork(desks.get(n), clock);
                    CheckInService checkIn = new CheckInService(work, OFFICE);
                    VerificationService verification = new VerificationService(work, 7);
                    counterWork.add(pool.submit(() -> {
                        int served = 0;
                        while (true) {
                            boolean over = arrivalsOver.get();
                            long s = System.nanoTime();
                            Optional<CaseFile> next = checkIn.callNext(me);
                            long took = System.nanoTime() - s;
                            if (next.isEmpty()) {
                                emptyCallNanos.add(took);
                                if (over) {
                                    return served;
                                }
                                // nobody waiting: look again in a moment, as an officer would (not in a tight loop)
                                Thread.sleep(IDLE_MILLIS);
                                continue;
                            }
                            callNanos.add(took);
                            called.incrementAndGet();
                            if (calledBy.putIfAbsent(next.get().caseRef(), me.counter()) != null) {
                                calledTwice.incrementAndGet();
                            }
                            serve(next.get(), me, verification, stepNanos, forSupervisor);
                            served++;
                        }
                    }));
                }

                Future<Integer> supervising = pool.submit(() -> {
                    VerificationService verification = new VerificationService(new CaseWork(desks.get(COUNTERS), clock), 7);
                    int approved = 0;
                    while (true) {
                        String ref = forSupervisor.poll();
                        if (ref == null) {
                            if (countersDone.get()) {
                                return approved;
                            }
                            Thread.sleep(5);
                            continue;
                        }
                        long s = System.nanoTime();
                        verification.approve(ref, supervisor);
                        stepNanos.add(System.nanoTime() - s);
                        approved++;
                    }
                });

                int walkIns = feeder.get(10, TimeUnit.MINUTES);
                List<Integer> served = new ArrayList<>();
                for (Future<Integer> f : counterWork) {
                    served.add(f.get(10, TimeUnit.MINUTES));
                }
                countersDone.set(true);
                int approvedBySupervisor = supervising.get(10, TimeUnit.MINUTES);
                Duration took = Duration.ofNanos(System.nanoTime() - t0);

                // ---- what the database holds ----
                Session reader = supervisor;
                CaseQueries queries = new CaseQueries(main);
                List<CaseFile> cases = queries.day(reader, OFFICE, DAY);
                int expected = arrivals.size() + walkIns;
                assertThat(cases).hasSize(expected);
                assertThat(calledTwice.get()).as("applicants called twice").isZero();
                assertThat(calledBy).hasSize(expected);
                assertThat(cases).filteredOn(c -> c.status() == CaseStatus.CHECKED_IN).as("left waiting").isEmpty();
                assertThat(cases).allSatisfy(c -> assertThat(c.status()).isIn(CaseStatus.APPROVED, CaseStatus.REJECTED));
                Map<QueueSeries, List<Integer>> numbers = new HashMap<>();
                cases.forEach(c -> numbers.computeIfAbsent(c.queueNumber().series(), k -> new ArrayList<>()).add(c.queueNumber().number()));
                numbers.forEach((series, list) -> assertThat(list).as("queue numbers " + series)
                        .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, list.size()).boxed().toList()));
                assertThat(numbers.keySet()).containsExactlyInAnyOrder(QueueSeries.A, QueueSeries.P, QueueSeries.W);

                Map<String, List<AuditEntry>> histories = new HashMap<>();
                for (CaseFile c : cases) {
                    histories.put(c.caseRef(), queries.history(reader, c.caseRef()));
                }
                Map<String, List<OutboxEvent>> events = queries.allEvents(reader).stream()
                        .collect(Collectors.groupingBy(OutboxEvent::caseRef));
                for (CaseFile c : cases) {
                    List<AuditEntry> h = histories.get(c.caseRef());
                    assertThat(h.get(0).action()).as(c.caseRef()).isEqualTo(CaseAction.CHECK_IN);
                    assertThat(h).as(c.caseRef() + " calls").filteredOn(e -> e.action() == CaseAction.CALL).singleElement()
                            .satisfies(e -> assertThat(e.counter()).isEqualTo(calledBy.get(c.caseRef())));
                    CaseStatus at = null;
                    for (AuditEntry e : h) {
                        assertThat(e.from()).as(c.caseRef() + " " + e.action() + " starts where the last ended").isEqualTo(at);
                        at = e.to();
                        if (e.from() != null && Lifecycle.heldAtCounter(e.from()) && e.officer().startsWith("petugas")) {
                            assertThat(e.counter()).as(c.caseRef() + " worked at one counter").isEqualTo(c.counter());
                        }
                    }
                    assertThat(at).isEqualTo(c.status());
                    List<EventType> types = events.getOrDefault(c.caseRef(), List.of()).stream().map(OutboxEvent::type).toList();
                    assertThat(types).as(c.caseRef() + " events").contains(EventType.CHECKED_IN)
                            .contains(c.status() == CaseStatus.APPROVED ? EventType.APPROVED : EventType.REJECTED);
                    assertThat(types).filteredOn(t -> t == EventType.CHECKED_IN).hasSize(1);
                }
                int skips = passedOver(cases, histories, main);
                assertThat(skips).as("applicants passed over while a later one was called (beyond %d audit entries)", SKIP_WINDOW).isZero();

                String report = String.format(java.util.Locale.ROOT,
                        "OfficeLoadIT (PostgreSQL): %d bookings, %d checked in (%d walk-ins), %d counters, supervisor approved %d, in %.1f s%n"
                                + "  call-next (a case called): n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms; empty call-next: n=%d p50=%.1f ms%n"
                                + "  case step (document, finish, interview, approve, reject): n=%d p50=%.1f ms p99=%.1f ms max=%.1f ms%n"
                                + "  served per counter: %s",
                        BOOKINGS, expected, walkIns, COUNTERS, approvedBySupervisor, took.toMillis() / 1000.0,
                        callNanos.size(), ms(callNanos, 50), ms(callNanos, 99), ms(callNanos, 100), emptyCallNanos.size(), ms(emptyCallNanos, 50),
                        stepNanos.size(), ms(stepNanos, 50), ms(stepNanos, 99), ms(stepNanos, 100), served);
                System.out.println(report);
                assertThat(served.stream().mapToInt(Integer::intValue).sum()).isEqualTo(expected);
            } finally {
                pool.shutdownNow();
                pool.awaitTermination(30, TimeUnit.SECONDS);
                desks.forEach(Database::close);
            }
        }
    }

    /** One counter's work on a case it called: the whole way for every fifth, else one document and a rejection. */
    private static void serve(CaseFile c, Session me, VerificationService verification, List<Long> stepNanos,
            ConcurrentLinkedQueue<String> forSupervisor) {
        String ref = c.caseRef();
        int n = Math.floorMod(ref.hashCode(), 1000);
        if (n % FULL_EVERY != 0) {
            DocumentCheck first = c.documents().get(0);
            timed(stepNanos, () -> verification.recordDocument(ref, me, first.type(), DocumentResult.VERIFIED, null));
            timed(stepNanos, () -> verification.reject(ref, me, EnumSet.of(RejectionReason.WRONG_SERVICE), "layanan keliru (uji beban)"));
            return;
        }
        for (DocumentCheck d : c.documents()) {
            if (d.requirement() != Requirement.IF_APPLICABLE) {
                timed(stepNanos, () -> verification.recordDocument(ref, me, d.type(), DocumentResult.VERIFIED, null));
            }
        }
        timed(stepNanos, () -> verification.finish(ref, me));
        boolean flag = n / FULL_EVERY % FLAG_EVERY == 0;
        CaseFile interviewed = timed(stepNanos, () -> flag
                ? verification.interview(ref, me, InterviewOutcome.FLAGGED, "perlu supervisor (uji beban)")
                : verification.interview(ref, me, InterviewOutcome.PASSED, null));
        if (interviewed.status() == CaseStatus.APPROVAL_PENDING) {
            forSupervisor.add(ref);
        } else {
            timed(stepNanos, () -> verification.approve(ref, me));
        }
    }

    private static <T> T timed(List<Long> into, java.util.function.Supplier<T> step) {
        long s = System.nanoTime();
        T t = step.get();
        into.add(System.nanoTime() - s);
        return t;
    }

    /**
     * Applicants passed over: a case called while an earlier one in the office's order had been checked in well
     * before (more than {@link #SKIP_WINDOW} audit entries) and was called only well after. Positions in the audit
     * trail stand for time, since the clock's milliseconds do not order commits.
     */
    private static int passedOver(List<CaseFile> cases, Map<String, List<AuditEntry>> histories, Database db) {
        Map<String, Long> checkedInSeq = new HashMap<>();
        Map<String, Long> calledSeq = new HashMap<>();
        Map<String, String> key = new HashMap<>();
        List<org.jooq.Record3<String, String, Long>> rows = db.dsl()
                .select(id.loket.db.jooq.Tables.AUDIT_LOG.CASE_REF, id.loket.db.jooq.Tables.AUDIT_LOG.ACTION, id.loket.db.jooq.Tables.AUDIT_LOG.SEQ)
                .from(id.loket.db.jooq.Tables.AUDIT_LOG)
                .where(id.loket.db.jooq.Tables.AUDIT_LOG.ACTION.in(CaseAction.CHECK_IN.name(), CaseAction.CALL.name()))
                .fetch();
        for (var r : rows) {
            (CaseAction.CHECK_IN.name().equals(r.value2()) ? checkedInSeq : calledSeq).put(r.value1(), r.value3());
        }
        for (CaseFile c : cases) {
            String slot = c.slotStart() != null ? c.slotStart()
                    : c.checkedInAt().atZoneSameInstant(ZONE).toLocalTime().toString().substring(0, 5);
            key.put(c.caseRef(), (c.queueNumber().series() == QueueSeries.P ? "0" : "1") + slot + c.checkedInAt().toInstant() + c.caseRef());
        }
        List<String> byCall = new ArrayList<>(calledSeq.keySet());
        byCall.sort(Comparator.comparing(calledSeq::get));
        int skips = 0;
        for (String y : byCall) {
            long callY = calledSeq.get(y);
            for (String x : byCall) {
                if (key.get(x).compareTo(key.get(y)) < 0 && checkedInSeq.get(x) < callY - SKIP_WINDOW && calledSeq.get(x) > callY + SKIP_WINDOW) {
                    skips++;
                }
            }
        }
        return skips;
    }

    private static WalkInForm walkIn(int serial, PriorityCategory priority) {
        return new WalkInForm(String.format("517101410150%04d", serial), "Walk-in " + serial, LocalDate.of(1950, 1, 1), "Denpasar",
                Sex.F, false, ServiceType.NEW, PassportType.ELECTRONIC, 10, priority);
    }

    private static double ms(List<Long> nanos, int percentile) {
        if (nanos.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int i = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1_000_000.0;
    }
}
