package id.loket.queue.service;

import static id.loket.testing.OfficeFixture.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.PassportType;
import id.loket.appointment.model.ServiceType;
import id.loket.common.model.Sex;
import id.loket.casefile.model.CaseStatus;
import id.loket.checkin.model.WalkInForm;
import id.loket.queue.model.QueueEntry;
import id.loket.testing.OfficeFixture;
import id.loket.testing.SimulatedCentral;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The day's queue read from a real H2 file: bookings with their cases, and walk-ins as lines of their own. */
class QueueServiceIT {

    @TempDir
    Path dir;

    private OfficeFixture office;

    @BeforeEach
    void open() {
        office = new OfficeFixture(dir);
    }

    @AfterEach
    void close() {
        office.close();
    }

    private List<QueueEntry> day() {
        return office.app().queue().day(OFFICER, SimulatedCentral.OFFICE, office.day());
    }

    @Test
    void beforeAnyCheckInEveryLineIsABookingWithoutACase() {
        List<QueueEntry> entries = day();
        assertThat(entries).hasSize(250).allSatisfy(e -> assertThat(e.hasCase()).isFalse());
    }

    @Test
    void aCheckedInBookingCarriesItsCaseAndAWalkInIsAddedAtTheEnd() {
        Appointment booking = office.adult(ServiceType.RENEWAL);
        office.checkIn().checkIn(booking.id(), OFFICER);
        office.checkIn().callNext(OFFICER);
        office.checkIn().registerWalkIn(new WalkInForm("5171011708900001", "Sukarno", LocalDate.of(1990, 8, 17), "Denpasar", Sex.M,
                true, ServiceType.REPLACEMENT_LOST, PassportType.ELECTRONIC, 10, null), OFFICER, false);

        List<QueueEntry> entries = day();

        assertThat(entries).hasSize(251);
        QueueEntry checkedIn = entries.stream().filter(e -> e.appointment() != null && e.appointment().id().equals(booking.id()))
                .findFirst().orElseThrow();
        assertThat(checkedIn.caseStatus()).isEqualTo(CaseStatus.IN_VERIFICATION);
        assertThat(checkedIn.queueNumber()).hasToString("A-001");
        assertThat(checkedIn.counter()).isEqualTo("3");
        assertThat(checkedIn.key()).isEqualTo(booking.id());
        QueueEntry walkIn = entries.get(entries.size() - 1);
        assertThat(walkIn.appointment()).isNull();
        assertThat(walkIn.queueNumber()).hasToString("W-001");
        assertThat(walkIn.isWaiting()).isTrue();
        assertThat(entries.stream().filter(QueueEntry::hasCase)).hasSize(2);
    }
}
