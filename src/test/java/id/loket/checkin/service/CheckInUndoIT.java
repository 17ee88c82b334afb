package id.loket.checkin.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.appointment.repo.AppointmentRepository;
import id.loket.casefile.model.AuditEntry;
import id.loket.casefile.model.CaseAction;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.EventType;
import id.loket.casefile.model.OutboxEvent;
import id.loket.casefile.repo.AuditRepository;
import id.loket.casefile.repo.CaseRepository;
import id.loket.casefile.repo.OutboxRepository;
import id.loket.casefile.service.CaseWork;
import id.loket.casefile.service.Outbox;
import id.loket.central.sim.DayGenerator;
import id.loket.common.model.UserFacingException;
import id.loket.db.Database;
import id.loket.simulate.SimulatedClock;
import id.loket.staff.model.Role;
import id.loket.staff.model.Session;
import id.loket.casefile.model.OutboxState;
import id.loket.testing.TestDatabase;
import id.loket.testing.TestDatabase.Backend;
import id.loket.testing.TestSessions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check-in made by mistake is undone at the counter within its window: the audit trail keeps
 * both steps, central never hears of it (its event waits out the window in the outbox and is
 * withdrawn), the booking can be checked in again, and its queue number is not given twice.
 * After the window, or once the case was called, the undo is refused in words. Real H2 file.
 */
class CheckInUndoIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Makassar");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final String OFFICE = "DPS";
    private static final Session OFFICER = TestSessions.staff("petugas1", Role.COUNTER, "1");

    @TempDir
    Path dir;

    private TestDatabase database;
    private Database db;
    private SimulatedClock clock;
    private CheckInService checkIn;
    private Appointment booking;

    @BeforeEach
    void open() {
        database = TestDatabase.open(Backend.H2, dir, "checkin_undo");
        db = database.db();
        clock = new SimulatedClock(DAY.atTime(8, 5).atZone(ZONE).toInstant(), ZONE);
        checkIn = new CheckInService(new CaseWork(db, clock), OFFICE);
        TestSessions.register(db, OFFICER);
        List<Appointment> day = new DayGenerator(7).generate(OFFICE, DAY, 40, ZONE);
        db.inTransactionRun(tx -> new AppointmentRepository(tx).upsertNewer(day, OffsetDateTime.now(clock)));
        booking = day.stream().filter(a -> a.status() == AppointmentStatus.BOOKED)
                .min(Comparator.comparing(Appointment::slotStart).thenComparing(Appointment::id)).orElseThrow();
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void checkInIsHeldBackFromCentralForTheUndoWindowThenGoes() {
        CaseFile c = checkIn.checkIn(booking.id(), OFFICER);
        assertThat(sendable()).as("within the undo window").extracting(OutboxEvent::caseRef).doesNotContain(c.caseRef());
        clock.advanceBy(CheckInService.UNDO_WINDOW.plusSeconds(1));
        assertThat(sendable()).as("after the undo window").extracting(OutboxEvent::caseRef).contains(c.caseRef());
    }

    @Test
    void undoWithinTheWindowWithdrawsTheEventAuditsItAndFreesTheBooking() {
        CaseFile c = checkIn.checkIn(booking.id(), OFFICER);
        assertThat(c.queueNumber().toString()).isEqualTo("A-001");
        clock.advanceBy(Duration.ofSeconds(5));

        assertThat(checkIn.undoCheckIn(c.caseRef(), OFFICER)).isEqualTo(booking.bookingCode());

        assertThat(caseFile(c.caseRef())).isEmpty();
        List<AuditEntry> history = new AuditRepository(db.dsl()).history(c.caseRef());
        assertThat(history).extracting(AuditEntry::action).containsExactly(CaseAction.CHECK_IN, CaseAction.UNDO_CHECK_IN);
        assertThat(history.get(1).officer()).isEqualTo("petugas1");
        assertThat(new OutboxRepository(db.dsl()).forCase(c.caseRef())).extracting(OutboxEvent::type, OutboxEvent::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EventType.CHECKED_IN, OutboxState.WITHDRAWN.name()));
        clock.advanceBy(Duration.ofMinutes(5));
        assertThat(sendable()).as("central never hears of the undone check-in").isEmpty();

        // The right applicant's booking is scanned again: a new number, the old one is not given twice.
        CaseFile again = checkIn.checkIn(booking.id(), OFFICER);
        assertThat(again.queueNumber().toString()).isEqualTo("A-002");
        assertThat(new AuditRepository(db.dsl()).history(c.caseRef())).extracting(AuditEntry::action)
                .containsExactly(CaseAction.CHECK_IN, CaseAction.UNDO_CHECK_IN, CaseAction.CHECK_IN);
        clock.advanceBy(CheckInService.UNDO_WINDOW.plusSeconds(1));
        assertThat(sendable()).extracting(OutboxEvent::caseRef, OutboxEvent::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(c.caseRef(), EventType.CHECKED_IN));
    }

    @Test
    void undoAfterTheWindowIsRefusedAndTheCheckInStands() {
        CaseFile c = checkIn.checkIn(booking.id(), OFFICER);
        clock.advanceBy(CheckInService.UNDO_WINDOW.plusSeconds(1));

        assertThatThrownBy(() -> checkIn.undoCheckIn(c.caseRef(), OFFICER))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("checkin.undo.tooLate"));

        assertThat(caseFile(c.caseRef())).isPresent();
        assertThat(new AuditRepository(db.dsl()).history(c.caseRef())).extracting(AuditEntry::action).containsExactly(CaseAction.CHECK_IN);
        assertThat(sendable()).extracting(OutboxEvent::caseRef).contains(c.caseRef());
    }

    @Test
    void undoOfACalledCaseIsRefused() {
        CaseFile c = checkIn.checkIn(booking.id(), OFFICER);
        assertThat(checkIn.callNext(OFFICER)).map(CaseFile::caseRef).contains(c.caseRef());

        assertThatThrownBy(() -> checkIn.undoCheckIn(c.caseRef(), OFFICER))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("checkin.undo.movedOn"));
        assertThat(new AuditRepository(db.dsl()).history(c.caseRef())).extracting(AuditEntry::action)
                .containsExactly(CaseAction.CHECK_IN, CaseAction.CALL);
    }

    private java.util.Optional<CaseFile> caseFile(String caseRef) {
        return new CaseRepository(db.dsl()).find(caseRef);
    }

    private List<OutboxEvent> sendable() {
        return new Outbox(db.dsl()).sendable(100, OffsetDateTime.now(clock));
    }
}
