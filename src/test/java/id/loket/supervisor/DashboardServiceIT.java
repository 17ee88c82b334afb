package id.loket.supervisor;

import static id.loket.testing.OfficeFixture.ADMIN;
import static id.loket.testing.OfficeFixture.OFFICER;
import static id.loket.testing.OfficeFixture.OFFICER_2;
import static id.loket.testing.OfficeFixture.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.appointment.model.Appointment;
import id.loket.staff.model.Session;
import id.loket.testing.TestSessions;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.RejectionReason;
import id.loket.checkin.service.CheckInService;
import id.loket.common.model.UserFacingException;
import id.loket.simulate.DaySimulator;
import id.loket.simulate.DaySummary;
import id.loket.simulate.SimulatedClock;
import id.loket.simulate.SimulationSettings;
import id.loket.supervisor.model.CounterRow;
import id.loket.supervisor.model.Dashboard;
import id.loket.supervisor.model.HourRow;
import id.loket.supervisor.service.DashboardService;
import id.loket.testing.OfficeFixture;
import id.loket.testing.SimulatedCentral;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor's dashboard on a real H2 file: figures of a few cases worked out by hand, and its speed on a full day. */
class DashboardServiceIT {

    @TempDir
    Path dir;

    private OfficeFixture office;
    private SimulatedClock clock;

    @BeforeEach
    void open() {
        office = new OfficeFixture(dir);
        clock = new SimulatedClock(at(7, 30).toInstant(), SimulatedCentral.ZONE);
    }

    @AfterEach
    void close() {
        office.close();
    }

    private static java.time.ZonedDateTime at(int hour, int minute) {
        return office().atTime(LocalTime.of(hour, minute)).atZone(SimulatedCentral.ZONE);
    }

    private static java.time.LocalDate office() {
        return SimulatedCentral.DAY;
    }

    private void moveTo(int hour, int minute) {
        clock.advanceTo(at(hour, minute).toInstant());
    }

    private DashboardService dashboard() {
        return new DashboardService(office.app().caseWork(clock).db(), clock, SimulatedCentral.OFFICE);
    }

    private String caseOf(Appointment a) {
        return office.app().cases().findByAppointment(OFFICER, a.id()).orElseThrow().caseRef();
    }

    /**
     * Every counter of the office: who is signed in there (the session's counter) and since when,
     * whom it serves (queue number) and since when; a counter where someone only signed in shows
     * too, and goes once they sign out.
     */
    @Test
    void everyCounterShowsWhoIsSignedInThereAndWhomItServesSinceWhen() {
        id.loket.db.Database db = office.app().caseWork(clock).db();
        id.loket.testing.TestSessions.account(db, "petugas7", "Komang Ayu Sari", id.loket.staff.model.Role.COUNTER);
        id.loket.testing.TestSessions.account(db, "petugas8", "Gede Artawan", id.loket.staff.model.Role.COUNTER);
        id.loket.staff.service.AuthService auth = new id.loket.staff.service.AuthService(db, new id.loket.staff.service.PasswordHasher(),
                new id.loket.staff.service.Authorization(db), clock);
        moveTo(8, 0);
        id.loket.staff.model.Session at7 = auth.login("petugas7", id.loket.testing.TestSessions.PASSWORD.toCharArray(), null);
        auth.standAt(at7, "7"); // the desk says where it stands
        at7 = at7.atCounter("7");
        moveTo(8, 2);
        id.loket.staff.model.Session at8 = auth.login("petugas8", id.loket.testing.TestSessions.PASSWORD.toCharArray(), "8");
        CheckInService desk = office.app().checkIn(clock);
        Appointment a = office.booked(x -> true).get(0);
        moveTo(8, 5);
        desk.checkIn(a.id(), at7);
        moveTo(8, 20);
        desk.call(caseOf(a), at7);
        moveTo(9, 0);

        Dashboard now = dashboard().today(office(), SUPERVISOR);

        assertThat(now.counters()).extracting(CounterRow::counter, CounterRow::signedIn, CounterRow::currentQueueNumber, CounterRow::served)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("7", "Komang Ayu Sari", "A-001", 0),
                        org.assertj.core.groups.Tuple.tuple("8", "Gede Artawan", null, 0));
        assertThat(now.counters().get(0).signedInSince().toInstant()).isEqualTo(at(8, 0).toInstant());
        assertThat(now.counters().get(0).servingSince().toInstant()).isEqualTo(at(8, 20).toInstant());
        assertThat(now.counters().get(1).signedInSince().toInstant()).isEqualTo(at(8, 2).toInstant());
        assertThat(now.counters().get(1).servingSince()).isNull();

        auth.logout(at8);
        assertThat(dashboard().today(office(), SUPERVISOR).counters()).extracting(CounterRow::counter).containsExactly("7");
    }

    @Test
    void theFiguresOfAFewCasesAreTheOnesWorkedOutByHand() {
        CheckInService desk = office.app().checkIn(clock);
        List<Appointment> booked = office.booked(x -> true);
        Appointment a = booked.get(0);
        Appointment b = booked.get(1);
        Appointment c = booked.get(2);
        Appointment d = booked.get(3);
        moveTo(8, 0);
        desk.checkIn(a.id(), OFFICER);                 // A-001 arrives 08:00
        moveTo(8, 10);
        desk.checkIn(b.id(), OFFICER);                 // A-002 arrives 08:10
        moveTo(8, 15);
        desk.call(caseOf(a), OFFICER);                 // counter 3 calls A-001: waited 15 min
        moveTo(8, 20);
        desk.checkIn(c.id(), OFFICER);                 // A-003 arrives 08:20
        moveTo(8, 40);
        desk.call(caseOf(b), OFFICER_2);               // counter 4 calls A-002: waited 30 min
        moveTo(8, 50);
        office.app().verification(clock).reject(caseOf(a), OFFICER, Set.of(RejectionReason.DATA_MISMATCH), "KK tidak cocok");
        moveTo(9, 5);
        desk.checkIn(d.id(), OFFICER);                 // A-004 arrives 09:05
        moveTo(9, 10);
        desk.call(caseOf(c), OFFICER);                 // counter 3 calls A-003: waited 50 min
        moveTo(9, 30);

        Dashboard now = dashboard().today(office(), SUPERVISOR);

        assertThat(now.date()).isEqualTo(office());
        assertThat(now.at().toInstant()).isEqualTo(at(9, 30).toInstant());
        assertThat(now.byStatus()).containsExactly(Map.entry(CaseStatus.CHECKED_IN, 1), Map.entry(CaseStatus.IN_VERIFICATION, 2),
                Map.entry(CaseStatus.REJECTED, 1));
        assertThat(now.booked()).isEqualTo(booked.size());
        assertThat(now.arrivals()).isEqualTo(4);
        assertThat(now.served()).isEqualTo(1);
        assertThat(now.longestWaitingNow()).isEqualTo(Duration.ofMinutes(25));          // A-004 since 09:05
        assertThat(now.meanWaitToday()).isEqualTo(Duration.ofMinutes(95).dividedBy(3));  // (15 + 30 + 50) / 3
        assertThat(now.longestWaitToday()).isEqualTo(Duration.ofMinutes(50));
        assertThat(now.counters()).extracting(CounterRow::counter, CounterRow::officer, CounterRow::served, CounterRow::currentQueueNumber,
                CounterRow::signedIn).containsExactly(org.assertj.core.groups.Tuple.tuple("3", "petugas1", 1, "A-003", null),
                org.assertj.core.groups.Tuple.tuple("4", "petugas2", 0, "A-002", null));
        assertThat(now.counters()).extracting(r -> r.servingSince().toInstant())
                .containsExactly(at(9, 10).toInstant(), at(8, 40).toInstant()); // since the call
        assertThat(now.pendingApprovals()).isZero();
        assertThat(now.openConflicts()).isZero();
        assertThat(now.backlog().waiting()).isEqualTo(5); // four CHECKED_IN, one REJECTED
        TreeMap<Integer, Long> slotted = booked.stream().collect(Collectors.groupingBy(x -> Integer.parseInt(x.slotStart().substring(0, 2)),
                TreeMap::new, Collectors.counting()));
        assertThat(now.byHour()).extracting(HourRow::hour).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(slotted.firstKey(), slotted.lastKey()).boxed().toList());
        for (HourRow h : now.byHour()) {
            assertThat(h.slotted()).as("slotted at %d", h.hour()).isEqualTo(slotted.getOrDefault(h.hour(), 0L).intValue());
            assertThat(h.arrived()).as("arrived at %d", h.hour()).isEqualTo(h.hour() == 8 ? 3 : h.hour() == 9 ? 1 : 0);
            assertThat(h.served()).as("served at %d", h.hour()).isEqualTo(h.hour() == 8 ? 1 : 0);
        }
    }

    @Test
    void anEmptyDayHasNothingToShowButItsBookings() {
        Dashboard now = dashboard().today(office(), SUPERVISOR);

        assertThat(now.byStatus()).isEmpty();
        assertThat(now.arrivals()).isZero();
        assertThat(now.served()).isZero();
        assertThat(now.longestWaitingNow()).isZero();
        assertThat(now.meanWaitToday()).isZero();
        assertThat(now.counters()).isEmpty();
        assertThat(now.booked()).isEqualTo(office.booked(x -> true).size());
    }

    @Test
    void aCounterOfficerAndAnAdminAreRefused() {
        for (Session who : List.of(OFFICER, ADMIN)) {
            assertThatThrownBy(() -> dashboard().today(office(), who)).as(who.username())
                    .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("auth.forbidden"));
        }
    }

    /** A whole simulated day of 250 bookings, then the dashboard read as the screen would, every few seconds. */
    @Test
    void onAFullDayTheDashboardIsReadInAFewMilliseconds() {
        SimulationSettings settings = SimulationSettings.wholeDay(SimulatedCentral.OFFICE, office(), SimulatedCentral.ZONE, 4, 1)
                .withUntil(LocalTime.of(15, 0));
        var app = office.app();
        DaySimulator simulator = new DaySimulator(app.checkIn(clock), app.verification(clock), app.cases(), app.queue(),
                app.receipts(clock), app.pickup(clock), clock, settings, null, who -> registered(app, who));
        DaySummary day = simulator.run();
        DashboardService service = dashboard();
        for (int i = 0; i < 20; i++) {
            service.today(office(), SUPERVISOR); // warm up
        }
        int runs = 100;
        long[] nanos = new long[runs];
        Dashboard last = null;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            last = service.today(office(), SUPERVISOR);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        double median = nanos[runs / 2] / 1e6;
        double max = nanos[runs - 1] / 1e6;
        System.out.printf("Dashboard on a simulated day (%d booked, %d checked in, %d cases at 15:00): median %.2f ms, max %.2f ms over %d reads%n",
                day.booked(), day.checkedIn(), last.arrivals(), median, max, runs);

        assertThat(last.arrivals()).isEqualTo(day.checkedIn());
        assertThat(last.byHour().stream().mapToInt(HourRow::arrived).sum()).isEqualTo(last.arrivals());
        assertThat(last.byHour().stream().mapToInt(HourRow::served).sum()).isEqualTo(last.served());
        assertThat(last.counters().stream().mapToInt(CounterRow::served).sum()).isLessThanOrEqualTo(last.served());
        assertThat(median).as("median ms").isLessThan(250.0);
    }

    /** The simulated staff as registered sessions of the fixture's database (the fixture's folder has real accounts). */
    private static id.loket.staff.model.Session registered(id.loket.app.AppContext app, id.loket.simulate.SimStaff who) {
        id.loket.staff.model.Session s = id.loket.testing.TestSessions.staff(who.username(), who.role(), who.counter());
        id.loket.testing.TestSessions.register(app.caseWork(java.time.Clock.systemUTC()).db(), s);
        return s;
    }
}
