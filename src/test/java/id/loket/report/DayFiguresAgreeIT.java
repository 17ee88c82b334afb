package id.loket.report;

import static id.loket.testing.OfficeFixture.OFFICER;
import static id.loket.testing.OfficeFixture.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

import id.loket.appointment.model.Appointment;
import id.loket.queue.model.DayCounts;
import id.loket.supervisor.model.Dashboard;
import id.loket.supervisor.service.CloseDayService;
import id.loket.testing.OfficeFixture;
import id.loket.testing.SimulatedCentral;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One truth (issue 11): the queue's counts, the supervisor's dashboard and the daily summary count the
 * same simulated day (250 bookings pulled from the simulator of central, on a real H2 file) and must
 * agree figure for figure, before the first slot, in the middle of the day and after closing; and
 * before the day is closed nobody is a no-show.
 */
class DayFiguresAgreeIT {

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

    private Clock at(int hour, int minute) {
        return Clock.fixed(office.day().atTime(hour, minute).atZone(SimulatedCentral.ZONE).toInstant(), SimulatedCentral.ZONE);
    }

    /** The three screens' figures at {@code clock}, compared one to one; answers the shared figures. */
    private DayCounts agreeAt(Clock clock) {
        DayCounts queue = office.app().queue().dayWithCounts(OFFICER, SimulatedCentral.OFFICE, office.day()).counts();
        Dashboard dash = office.app().dashboard(clock).today(office.day(), SUPERVISOR);
        Map<String, List<String>> report = Reports.csvByFirst(Reports.run(office.app(), clock, "daily-summary",
                "date", office.day().toString()));

        assertThat(dash.counts()).as("dashboard vs queue").isEqualTo(queue);
        assertThat(dash.booked()).as("dashboard's appointments tile").isEqualTo(queue.appointments());
        assertThat(dash.arrivals()).as("dashboard's arrivals tile").isEqualTo(queue.arrivals());
        assertThat(total(report, "appointments")).as("daily summary's appointments").isEqualTo(queue.appointments());
        assertThat(total(report, "arrivals")).as("daily summary's arrivals").isEqualTo(queue.arrivals());
        assertThat(total(report, "walk_ins")).as("daily summary's walk-ins").isEqualTo(queue.walkIns());
        assertThat(total(report, "not_yet_arrived")).as("daily summary's belum datang").isEqualTo(queue.notYetArrived());
        assertThat(total(report, "no_show")).as("daily summary's no-shows").isEqualTo(queue.noShows());
        assertThat(queue.appointments()).as("every appointment arrived, not yet, or is a no-show")
                .isEqualTo(queue.arrivals() - queue.walkIns() + queue.notYetArrived() + queue.noShows());
        return queue;
    }

    private static int total(Map<String, List<String>> report, String figure) {
        return Integer.parseInt(report.get(figure).get(1));
    }

    @Test
    void theQueueTheDashboardAndTheDailySummaryAgreeAllDay() {
        List<Appointment> booked = office.booked(a -> true);
        int appointments = booked.size();

        // 07:42, before the first slot: everyone is "belum datang", nobody is a no-show
        DayCounts early = agreeAt(at(7, 42));
        assertThat(early.appointments()).isEqualTo(appointments);
        assertThat(early.notYetArrived()).isEqualTo(appointments);
        assertThat(early.noShows()).isZero();
        assertThat(early.arrivals()).isZero();

        // mid-day: three checked in, one of them called to a counter
        office.checkIn().checkIn(booked.get(0).id(), OFFICER);
        office.checkIn().checkIn(booked.get(1).id(), OFFICER);
        office.checkIn().checkIn(booked.get(2).id(), OFFICER);
        office.checkIn().callNext(OFFICER).orElseThrow();
        DayCounts midDay = agreeAt(at(11, 0));
        assertThat(midDay.appointments()).isEqualTo(appointments);
        assertThat(midDay.arrivals()).isEqualTo(3);
        assertThat(midDay.waiting()).isEqualTo(2);
        assertThat(midDay.notYetArrived()).isEqualTo(appointments - 3);
        assertThat(midDay.noShows()).as("the day is not closed: nobody is a no-show yet").isZero();

        // after closing: who never came is a no-show, nobody is "belum datang" any more
        Clock evening = at(17, 0);
        new CloseDayService(office.app().caseWork(evening), SimulatedCentral.OFFICE).close(office.day(), SUPERVISOR);
        DayCounts closed = agreeAt(evening);
        assertThat(closed.appointments()).isEqualTo(appointments);
        assertThat(closed.noShows()).isEqualTo(appointments - 3);
        assertThat(closed.notYetArrived()).isZero();
    }
}
