package id.loket.sync.service;

import id.loket.testing.TestSessions;
import static id.loket.testing.OfficeFixture.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.appointment.model.PassportType;
import id.loket.appointment.model.ServiceType;
import id.loket.common.model.Sex;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.service.Outbox;
import id.loket.central.sim.CentralStore;
import id.loket.checkin.model.WalkInForm;
import id.loket.common.i18n.Messages;
import id.loket.db.Database;
import id.loket.sync.model.Conflict;
import id.loket.sync.model.PushReport;
import id.loket.testing.OfficeFixture;
import id.loket.testing.SimulatedCentral;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Events written by the real counter services reach central; what central answers lands on the case. */
class PushWorkflowIT {

    @TempDir
    Path dir;

    private OfficeFixture office;
    private Database db;

    @BeforeEach
    void open() {
        office = new OfficeFixture(dir);
        db = office.app().caseWork(office.app().clock()).db();
    }

    @AfterEach
    void close() {
        office.close();
    }

    /** Pushes once the check-ins' undo window is over (a check-in is held back from central until then). */
    private PushService push() {
        return new PushService(db, office.central().client(Duration.ofSeconds(5)),
                new RetrySettings(3, Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofSeconds(5)),
                // the push runs once the counter's undo window is over: a check-in's event is held back until then
                Clock.offset(office.app().clock(), id.loket.checkin.service.CheckInService.UNDO_WINDOW.plusSeconds(1)), SimulatedCentral.OFFICE, Messages.forLanguage("en"), PushSettings.defaults(), TestSessions.system(db));
    }

    @Test
    void aWalkInKeepsTheAppointmentIdCentralGaveIt() {
        Appointment booking = office.adult(ServiceType.RENEWAL);
        office.checkIn().checkIn(booking.id(), OFFICER);
        CaseFile walkIn = office.checkIn().registerWalkIn(new WalkInForm("5171011708900001", "Sukarno", LocalDate.of(1990, 8, 17),
                "Denpasar", Sex.M, true, ServiceType.REPLACEMENT_LOST, PassportType.ELECTRONIC, 10, null), OFFICER, false);

        PushReport report = push().pushOnce();

        assertThat(report.problem()).isEmpty();
        assertThat(report.sent()).isEqualTo(3);
        assertThat(office.central().store().appliedEvents()).extracting(CentralStore.AppliedEvent::type)
                .containsExactly("CHECKED_IN", "WALK_IN_REGISTERED", "CHECKED_IN");
        String expected = UUID.nameUUIDFromBytes(walkIn.caseRef().getBytes(StandardCharsets.UTF_8)).toString();
        assertThat(new Outbox(db.dsl()).centralAppointmentId(walkIn.caseRef())).contains(expected);
        assertThat(new Outbox(db.dsl()).centralAppointmentId(booking.id())).isEmpty();
    }

    @Test
    void aConflictShowsTheOfficeEventAndCentralsAppointment() {
        Appointment booking = office.adult(ServiceType.RENEWAL);
        office.checkIn().checkIn(booking.id(), OFFICER);
        office.central().store().update(booking.id(), a -> new Appointment(a.id(), a.version(), a.bookingCode(), a.office(), a.date(),
                a.slotStart(), a.slotEnd(), AppointmentStatus.CANCELLED, a.rescheduledTo(), a.service(), a.passportType(),
                a.validityYears(), a.sameDay(), a.applicant(), a.payment(), a.updatedAt()));

        PushReport report = push().pushOnce();

        assertThat(report.conflicts()).isEqualTo(1);
        Conflict c = new ConflictService(db, office.app().clock()).open(OfficeFixture.SUPERVISOR).get(0);
        assertThat(c.appointmentId()).isEqualTo(booking.id());
        assertThat(c.officeSide()).contains("\"CHECKED_IN\"");
        assertThat(c.centralSide()).contains("APPOINTMENT_CANCELLED").contains("\"appointment\"").contains(booking.bookingCode());
    }
}
