package id.loket.display.service;

import static id.loket.db.jooq.Tables.QUEUE_CALL;
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
import id.loket.casefile.model.PriorityCategory;
import id.loket.casefile.model.QueueNumber;
import id.loket.casefile.model.QueueSeries;
import id.loket.casefile.repo.AuditRepository;
import id.loket.casefile.service.CaseWork;
import id.loket.central.sim.DayGenerator;
import id.loket.checkin.model.WalkInForm;
import id.loket.checkin.service.CheckInService;
import id.loket.common.model.AccessRefused;
import id.loket.common.model.UserFacingException;
import id.loket.db.Database;
import id.loket.display.model.DisplayBoard;
import id.loket.display.model.QueueCall;
import id.loket.display.model.Serving;
import id.loket.staff.model.Role;
import id.loket.staff.model.Session;
import id.loket.testing.TestDatabase;
import id.loket.testing.TestDatabase.Backend;
import id.loket.testing.TestSessions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The calls the display reads, written by the real counter services on an H2 file and on
 * PostgreSQL: a call and a recall each make one queue_call row (in the step's transaction), the
 * display gets the calls after the last it saw, the number each counter serves and the waiting
 * count per series; recall and the running text are refused to whom they must be.
 */
class QueueCallIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Makassar");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final String OFFICE = "DPS";
    private static final Session COUNTER_1 = TestSessions.staff("petugas1", Role.COUNTER, "1");
    private static final Session COUNTER_2 = TestSessions.staff("petugas2", Role.COUNTER, "2");
    private static final Session SUPERVISOR = TestSessions.staff("supervisor", Role.SUPERVISOR, "S");

    @TempDir
    Path dir;

    private String testName;
    private TestDatabase database;
    private Database db;
    private CheckInService checkIn;
    private DisplayService display;

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

    /** A day of bookings, five of them checked in (A-001 … A-005), and one elderly walk-in (P-001). */
    private void open(Backend backend) {
        database = TestDatabase.open(backend, dir, "queue_call_" + testName);
        db = database.db();
        Clock clock = Clock.fixed(DAY.atTime(LocalTime.of(9, 0)).atZone(ZONE).toInstant(), ZONE);
        checkIn = new CheckInService(new CaseWork(db, clock), OFFICE);
        display = new DisplayService(db, clock, OFFICE);
        TestSessions.register(db, COUNTER_1, COUNTER_2, SUPERVISOR);
        List<Appointment> day = new DayGenerator(7).generate(OFFICE, DAY, 60, ZONE);
        db.inTransactionRun(tx -> new AppointmentRepository(tx).upsertNewer(day, OffsetDateTime.now(clock)));
        List<Appointment> booked = day.stream().filter(a -> a.status() == AppointmentStatus.BOOKED && a.date().equals(DAY)).toList();
        for (Appointment a : booked.subList(0, 5)) {
            checkIn.checkIn(a.id(), COUNTER_1);
        }
        checkIn.registerWalkIn(new WalkInForm("5171010101500001", "Walk-in Satu", LocalDate.of(1950, 1, 1), "Denpasar", Sex.M, false,
                ServiceType.REPLACEMENT_LOST, PassportType.ELECTRONIC, 10, PriorityCategory.ELDERLY), COUNTER_1, false);
    }

    private int rows() {
        return db.dsl().fetchCount(QUEUE_CALL);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void callsAreReadAfterTheLastSeenWithTheServedNumbersAndTheWaitingCounts(Backend backend) {
        open(backend);
        DisplayBoard empty = display.board(-1);
        assertThat(empty.newCalls()).isEmpty();
        assertThat(empty.serving()).isEmpty();
        assertThat(empty.waiting()).isEqualTo(Map.of(QueueSeries.A, 5, QueueSeries.P, 1, QueueSeries.W, 0, QueueSeries.R, 0));
        long seen = empty.lastId(-1);

        CaseFile first = checkIn.callNext(COUNTER_1).orElseThrow();
        CaseFile second = checkIn.callNext(COUNTER_2).orElseThrow();
        assertThat(first.queueNumber()).isEqualTo(new QueueNumber(QueueSeries.P, 1));
        assertThat(second.queueNumber().series()).isEqualTo(QueueSeries.A);
        assertThat(rows()).isEqualTo(2);

        DisplayBoard board = display.board(seen);
        assertThat(board.newCalls()).extracting(QueueCall::number, QueueCall::counter, QueueCall::recalled)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(first.queueNumber(), "1", false),
                        org.assertj.core.groups.Tuple.tuple(second.queueNumber(), "2", false));
        assertThat(board.lastCalls()).extracting(QueueCall::number).containsExactly(second.queueNumber(), first.queueNumber());
        assertThat(board.serving()).containsExactly(new Serving("1", first.queueNumber()), new Serving("2", second.queueNumber()));
        assertThat(board.waiting()).isEqualTo(Map.of(QueueSeries.A, 4, QueueSeries.P, 0, QueueSeries.W, 0, QueueSeries.R, 0));
        seen = board.lastId(seen);

        // nothing new: nothing to announce
        assertThat(display.board(seen).newCalls()).isEmpty();

        // counter 2 calls its number again: one more row, marked as a recall, audited as a CALL that keeps the status
        checkIn.recall(second.caseRef(), COUNTER_2);
        DisplayBoard again = display.board(seen);
        assertThat(again.newCalls()).extracting(QueueCall::number, QueueCall::counter, QueueCall::recalled)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(second.queueNumber(), "2", true));
        assertThat(again.serving()).containsExactly(new Serving("1", first.queueNumber()), new Serving("2", second.queueNumber()));
        List<AuditEntry> trail = new AuditRepository(db.dsl()).history(second.caseRef());
        assertThat(trail.get(trail.size() - 1)).satisfies(e -> {
            assertThat(e.action()).isEqualTo(CaseAction.CALL);
            assertThat(e.from()).isEqualTo(CaseStatus.IN_VERIFICATION);
            assertThat(e.to()).isEqualTo(CaseStatus.IN_VERIFICATION);
            assertThat(e.details()).isEqualTo("recall, counter 2");
        });
        assertThat(rows()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aRecallIsOnlyForACaseInHandAtThisCounter(Backend backend) {
        open(backend);
        CaseFile called = checkIn.callNext(COUNTER_1).orElseThrow();
        String waitingRef = checkIn.callNext(COUNTER_2).orElseThrow().caseRef();
        int before = rows();

        assertThatThrownBy(() -> checkIn.recall(called.caseRef(), COUNTER_2))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("display.recall.otherCounter"));
        assertThatThrownBy(() -> checkIn.recall(called.caseRef(), TestSessions.staff("admin", Role.ADMIN, "1")))
                .isInstanceOf(AccessRefused.class);
        // a case still waiting (never called) cannot be called "again"
        String stillWaiting = db.dsl().select(id.loket.db.jooq.Tables.CASE_FILE.CASE_REF).from(id.loket.db.jooq.Tables.CASE_FILE)
                .where(id.loket.db.jooq.Tables.CASE_FILE.STATUS.eq(CaseStatus.CHECKED_IN.name())).limit(1).fetchSingle().value1();
        assertThatThrownBy(() -> checkIn.recall(stillWaiting, COUNTER_1))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("display.recall.notInHand"));
        assertThat(rows()).isEqualTo(before);
        assertThat(waitingRef).isNotEqualTo(called.caseRef());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void theRunningTextIsTheSupervisorsToSet(Backend backend) {
        open(backend);
        assertThat(display.board(-1).runningText()).isEmpty();

        display.setRunningText(SUPERVISOR, "  Loket 5 tutup\npukul 12.00 – 13.00 ");
        assertThat(display.board(-1).runningText()).isEqualTo("Loket 5 tutup pukul 12.00 – 13.00");
        assertThatThrownBy(() -> display.setRunningText(COUNTER_1, "Saya petugas")).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> display.setRunningText(SUPERVISOR, "x".repeat(DisplayService.RUNNING_TEXT_MAX + 1)))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("display.text.tooLong"));
        assertThat(display.runningText()).isEqualTo("Loket 5 tutup pukul 12.00 – 13.00");
        assertThat(db.dsl().fetchCount(id.loket.db.jooq.Tables.AUDIT_LOG,
                id.loket.db.jooq.Tables.AUDIT_LOG.DETAILS.eq("display.runningText = Loket 5 tutup pukul 12.00 – 13.00")
                        .and(id.loket.db.jooq.Tables.AUDIT_LOG.OFFICER.eq("supervisor")))).isEqualTo(1);

        display.setRunningText(SUPERVISOR, "");
        assertThat(display.board(-1).runningText()).isEmpty();
    }
}
