package id.loket.checkin.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import id.loket.casefile.model.DocumentResult;
import id.loket.casefile.model.EventType;
import id.loket.casefile.model.PriorityCategory;
import id.loket.casefile.repo.CaseRepository;
import id.loket.casefile.service.CaseQueries;
import id.loket.casefile.service.CaseWork;
import id.loket.central.sim.DayGenerator;
import id.loket.checkin.model.WalkInForm;
import id.loket.common.i18n.Messages;
import id.loket.common.model.AccessRefused;
import id.loket.common.model.UserFacingException;
import id.loket.db.Database;
import id.loket.staff.model.Role;
import id.loket.staff.model.Session;
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
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Many counters, one queue (issue 10): call-next hands each waiting applicant to exactly one
 * counter in the office's order and passes over a case another counter is claiming at that moment
 * instead of waiting for it; the same booking checked in at two counters at once gives one case and
 * one refusal in words naming who checked it in; a case is worked at the counter that called it,
 * and a supervisor may release it when that counter's desk stopped. On H2 and PostgreSQL.
 */
class CountersShareOneQueueIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Makassar");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final String OFFICE = "DPS";
    private static final Session SUPERVISOR = TestSessions.staff("supervisor", Role.SUPERVISOR, "S");
    private static final long STALL_MILLIS = 3000;

    @TempDir
    Path dir;

    private String testName;
    private TestDatabase database;
    private Database db;
    private CaseWork work;
    private CheckInService checkIn;
    private VerificationService verification;
    private ReleaseService release;
    private CaseQueries queries;
    private List<Appointment> booked;

    private static Session counter(int n) {
        return TestSessions.staff("petugas" + n, Role.COUNTER, String.valueOf(n));
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

    private void open(Backend backend, LocalTime at) {
        database = TestDatabase.open(backend, dir, "counters_queue_" + testName);
        db = database.db();
        Clock clock = Clock.fixed(DAY.atTime(at).atZone(ZONE).toInstant(), ZONE);
        work = new CaseWork(db, clock);
        checkIn = new CheckInService(work, OFFICE);
        verification = new VerificationService(work, 7);
        release = new ReleaseService(work);
        queries = new CaseQueries(db);
        for (int n = 1; n <= 8; n++) {
            TestSessions.register(db, counter(n));
        }
        TestSessions.register(db, SUPERVISOR);
        List<Appointment> day = new DayGenerator(7).generate(OFFICE, DAY, 250, ZONE);
        db.inTransactionRun(tx -> new AppointmentRepository(tx).upsertNewer(day, OffsetDateTime.now(clock)));
        booked = day.stream().filter(a -> a.status() == AppointmentStatus.BOOKED)
                .sorted(Comparator.comparing(Appointment::slotStart).thenComparing(Appointment::id)).toList();
    }

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

    private static WalkInForm walkIn(int serial, PriorityCategory priority) {
        return new WalkInForm(String.format("517101410150%04d", serial), "Walk-in " + serial, LocalDate.of(1950, 1, 1), "Denpasar",
                Sex.F, false, ServiceType.NEW, PassportType.ELECTRONIC, 10, priority);
    }

    // ---- the queue ----

    @ParameterizedTest
    @EnumSource(Backend.class)
    void callNextTakesPriorityFirstThenSlotOrArrivalThenArrival(Backend backend) {
        open(backend, LocalTime.of(9, 0));
        // bookings with slots before and after 09:00, and two walk-ins who arrived at 09:00 (one priority)
        Appointment early = booked.stream().filter(a -> a.slotStart().compareTo("08:30") < 0).findFirst().orElseThrow();
        Appointment late = booked.stream().filter(a -> a.slotStart().compareTo("10:00") >= 0).findFirst().orElseThrow();
        checkIn.checkIn(late.id(), counter(1));
        CaseFile plain = checkIn.registerWalkIn(walkIn(1, null), counter(1), true);
        checkIn.checkIn(early.id(), counter(1));
        CaseFile priority = checkIn.registerWalkIn(walkIn(2, PriorityCategory.ELDERLY), counter(1), true);

        List<String> called = new ArrayList<>();
        for (Optional<CaseFile> c = checkIn.callNext(counter(2)); c.isPresent(); c = checkIn.callNext(counter(2))) {
            called.add(c.get().caseRef());
        }

        assertThat(called).containsExactly(priority.caseRef(), early.id(), plain.caseRef(), late.id());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aCaseAnotherCounterIsClaimingIsPassedOverAtOnceAndStillCalledWhenThatClaimFails(Backend backend) throws Exception {
        open(backend, LocalTime.of(9, 0));
        String first = checkIn.checkIn(booked.get(0).id(), counter(1)).caseRef();
        String second = checkIn.checkIn(booked.get(1).id(), counter(1)).caseRef();
        CaseFile waiting = work.load(first);
        CountDownLatch holding = new CountDownLatch(1);

        List<String> outcome = together(2, t -> () -> {
            if (t == 0) {
                try {
                    db.inTransactionRun(tx -> {
                        assertThat(new CaseRepository(tx).claim(first, waiting.rowVersion(), "1", "petugas1", work.now())).isTrue();
                        holding.countDown();
                        sleep(STALL_MILLIS);
                        throw new IllegalStateException("desk froze");
                    });
                } catch (IllegalStateException expected) {
                    return "gave up";
                }
                return "committed";
            }
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            long t0 = System.nanoTime();
            String ref = checkIn.callNext(counter(2)).orElseThrow().caseRef();
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertThat(millis).as("passed over, not waited for").isLessThan(STALL_MILLIS / 2);
            return ref;
        });

        assertThat(outcome).containsExactly("gave up", second);
        // the first was only being called at that moment: once that claim failed it is the next one called
        assertThat(checkIn.callNext(counter(3)).orElseThrow().caseRef()).isEqualTo(first);
        assertThat(checkIn.callNext(counter(3))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void countersCallingAtOnceEachTakeTheQueueInOrderAndNobodyTwice(Backend backend) throws Exception {
        open(backend, LocalTime.of(12, 0));
        int waiting = 60;
        List<String> order = new ArrayList<>();
        for (int i = 0; i < waiting; i++) {
            order.add(checkIn.checkIn(booked.get(i).id(), counter(1)).caseRef());
        }

        List<List<String>> taken = together(6, t -> () -> {
            List<String> mine = new ArrayList<>();
            for (var c = checkIn.callNext(counter(t + 1)); c.isPresent(); c = checkIn.callNext(counter(t + 1))) {
                mine.add(c.get().caseRef());
            }
            return mine;
        });

        List<String> all = taken.stream().flatMap(List::stream).toList();
        assertThat(all).hasSize(waiting).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(order);
        for (List<String> mine : taken) {
            // a counter never gets an earlier applicant after a later one: everyone before was taken or being taken
            assertThat(mine).extracting(order::indexOf).isSorted();
        }
        for (String ref : all) {
            assertThat(queries.history(SUPERVISOR, ref)).filteredOn(h -> h.action() == CaseAction.CALL).hasSize(1);
        }
    }

    // ---- the same booking at two counters ----

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theSameBookingCheckedInAtTwoCountersAtOnceGivesOneCaseAndOneRefusalNamingWhoCheckedItIn(Backend backend) throws Exception {
        open(backend, LocalTime.of(9, 0));
        int rounds = 15;
        Messages id = Messages.forLanguage("id");
        Messages en = Messages.forLanguage("en");
        for (int r = 0; r < rounds; r++) {
            Appointment a = booked.get(r);
            List<Object> outcome = together(2, t -> () -> {
                try {
                    return checkIn.checkIn(a.id(), counter(t + 1));
                } catch (UserFacingException e) {
                    return e;
                }
            });
            List<CaseFile> cases = outcome.stream().filter(CaseFile.class::isInstance).map(CaseFile.class::cast).toList();
            List<UserFacingException> refusals = outcome.stream().filter(UserFacingException.class::isInstance)
                    .map(UserFacingException.class::cast).toList();
            assertThat(cases).as("round %d", r).hasSize(1);
            assertThat(refusals).as("round %d", r).singleElement().satisfies(e -> {
                assertThat(e.key()).isEqualTo("checkin.takenBy");
                int winner = outcome.indexOf(cases.get(0)) + 1;
                assertThat(id.of(e)).contains(a.bookingCode()).contains("petugas" + winner).contains("loket " + winner)
                        .contains(cases.get(0).queueNumber().toString());
                assertThat(en.of(e)).contains("counter " + winner).doesNotContain("{");
            });
        }
        assertThat(queries.day(SUPERVISOR, OFFICE, DAY)).hasSize(rounds);
        assertThat(queries.allEvents(SUPERVISOR)).filteredOn(e -> e.type() == EventType.CHECKED_IN).hasSize(rounds);
        assertThat(queries.day(SUPERVISOR, OFFICE, DAY)).extracting(c -> c.queueNumber().number())
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, rounds).boxed().toList());
    }

    // ---- one counter at a time ----

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aCaseIsWorkedAtTheCounterThatCalledItUntilASupervisorReleasesIt(Backend backend) {
        open(backend, LocalTime.of(9, 0));
        Appointment a = booked.get(0);
        checkIn.checkIn(a.id(), counter(1));
        CaseFile c = checkIn.callNext(counter(1)).orElseThrow();
        var doc = c.documents().get(0).type();

        for (Session other : List.of(counter(2), SUPERVISOR)) {
            assertThatThrownBy(() -> verification.recordDocument(c.caseRef(), other, doc, DocumentResult.VERIFIED, null))
                    .isInstanceOfSatisfying(UserFacingException.class, e -> {
                        assertThat(e.key()).isEqualTo("case.heldElsewhere");
                        assertThat(Messages.forLanguage("id").of(e)).contains("sedang dilayani di loket 1 oleh petugas1");
                    });
            assertThatThrownBy(() -> verification.flag(c.caseRef(), other, "cek")).isInstanceOf(UserFacingException.class);
        }
        // the same counter goes on
        verification.recordDocument(c.caseRef(), counter(1), doc, DocumentResult.VERIFIED, null);

        // a counter officer may not release; the supervisor may, once
        assertThatThrownBy(() -> release.release(c.caseRef(), counter(2), "desk 1 crashed")).isInstanceOf(AccessRefused.class);
        CaseFile released = release.release(c.caseRef(), SUPERVISOR, "desk 1 crashed");
        assertThat(released.counter()).isNull();
        assertThat(released.officer()).isNull();
        assertThat(released.status()).isEqualTo(CaseStatus.IN_VERIFICATION);
        assertThat(released.documents().get(0).result()).as("what was done stays").isEqualTo(DocumentResult.VERIFIED);
        assertThatThrownBy(() -> release.release(c.caseRef(), SUPERVISOR, null))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("release.notHeld"));
        AuditEntry audit = queries.history(SUPERVISOR, c.caseRef()).get(queries.history(SUPERVISOR, c.caseRef()).size() - 1);
        assertThat(audit.action()).isEqualTo(CaseAction.RELEASE);
        assertThat(audit.officer()).isEqualTo("supervisor");
        assertThat(audit.details()).contains("counter 1").contains("petugas1").contains("desk 1 crashed");
        assertThat(queries.events(SUPERVISOR, c.caseRef())).extracting(e -> e.type()).containsExactly(EventType.CHECKED_IN);

        // the next step by counter 2 takes it; counter 1 is now the other counter
        CaseFile taken = verification.recordDocument(c.caseRef(), counter(2), doc, DocumentResult.VERIFIED, "dicek ulang");
        assertThat(taken.counter()).isEqualTo("2");
        assertThat(taken.officer()).isEqualTo("petugas2");
        assertThatThrownBy(() -> verification.recordDocument(c.caseRef(), counter(1), doc, DocumentResult.VERIFIED, null))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("case.heldElsewhere"));
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theSupervisorApprovesAndRejectsFromTheirOwnDeskOnceTheCaseHasLeftTheCounter(Backend backend) {
        open(backend, LocalTime.of(9, 0));
        List<String> refs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            checkIn.checkIn(booked.get(i).id(), counter(1));
            CaseFile c = checkIn.callNext(counter(1)).orElseThrow();
            for (var d : c.documents()) {
                verification.recordDocument(c.caseRef(), counter(1), d.type(),
                        d.requirement() == id.loket.casefile.model.Requirement.IF_APPLICABLE ? DocumentResult.NOT_APPLICABLE : DocumentResult.VERIFIED,
                        d.requirement() == id.loket.casefile.model.Requirement.IF_APPLICABLE ? "tidak berlaku" : null);
            }
            verification.finish(c.caseRef(), counter(1));
            verification.flag(c.caseRef(), counter(1), "perlu supervisor");
            assertThat(verification.interview(c.caseRef(), counter(1), id.loket.casefile.model.InterviewOutcome.PASSED, null).status())
                    .isEqualTo(CaseStatus.APPROVAL_PENDING);
            refs.add(c.caseRef());
        }

        assertThat(verification.approve(refs.get(0), SUPERVISOR).status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(verification.reject(refs.get(1), SUPERVISOR, java.util.EnumSet.of(id.loket.casefile.model.RejectionReason.PREVENTION_LIST),
                "daftar cegah").status()).isEqualTo(CaseStatus.REJECTED);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
