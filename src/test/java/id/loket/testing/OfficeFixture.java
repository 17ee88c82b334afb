package id.loket.testing;

import id.loket.app.AppContext;
import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.appointment.model.ServiceType;
import id.loket.staff.model.Session;
import id.loket.checkin.service.CheckInService;
import id.loket.common.i18n.Messages;
import id.loket.settings.repo.SettingsRepository;
import id.loket.staff.model.Role;
import id.loket.sync.service.PullService;
import id.loket.sync.service.RetrySettings;
import id.loket.verification.service.VerificationService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.function.Predicate;

/**
 * An office on {@link SimulatedCentral#DAY}: a real H2 file, the day pulled over HTTP from
 * the simulator, and the counter services on a clock fixed at 08:30 that day.
 */
public final class OfficeFixture implements AutoCloseable {

    public static final Session OFFICER = TestSessions.staff("petugas1", Role.COUNTER, "3");
    public static final Session OFFICER_2 = TestSessions.staff("petugas2", Role.COUNTER, "4");
    public static final Session SUPERVISOR = TestSessions.staff("supervisor", Role.SUPERVISOR, "1");
    public static final Session ADMIN = TestSessions.staff("admin", Role.ADMIN, null);

    private final SimulatedCentral central;
    private final AppContext app;
    private final Clock clock;

    public OfficeFixture(Path dir) {
        central = new SimulatedCentral(5, 250);
        clock = Clock.fixed(SimulatedCentral.DAY.atTime(LocalTime.of(8, 30)).atZone(SimulatedCentral.ZONE).toInstant(), SimulatedCentral.ZONE);
        app = AppContext.open(dir, clock, Messages.forLanguage("en"));
        app.settings().put(SettingsRepository.OFFICE_CODE, SimulatedCentral.OFFICE);
        TestSessions.register(app.caseWork(clock).db(), OFFICER, OFFICER_2, SUPERVISOR, ADMIN);
        PullService pull = app.pullService(central.client(Duration.ofSeconds(5)), RetrySettings.none());
        if (!pull.pull(SimulatedCentral.OFFICE, SimulatedCentral.DAY, 1, PullService.Listener.NONE).complete()) {
            throw new IllegalStateException("the day could not be pulled");
        }
    }

    public AppContext app() {
        return app;
    }

    public SimulatedCentral central() {
        return central;
    }

    public CheckInService checkIn() {
        return app.checkIn(clock);
    }

    public VerificationService verification() {
        return app.verification(clock);
    }

    public LocalDate day() {
        return SimulatedCentral.DAY;
    }

    /** Bookings of the day that can be checked in and match the predicate. */
    public List<Appointment> booked(Predicate<Appointment> which) {
        return central.store().latest(SimulatedCentral.OFFICE, SimulatedCentral.DAY).stream()
                .filter(a -> a.status() == AppointmentStatus.BOOKED)
                .filter(which)
                .toList();
    }

    public Appointment adult(ServiceType service) {
        return booked(a -> a.service() == service && a.applicant().guardians().isEmpty()
                && java.time.Period.between(a.applicant().birthDate(), a.date()).getYears() >= 17).get(0);
    }

    public Appointment minor() {
        return booked(a -> !a.applicant().guardians().isEmpty()
                && java.time.Period.between(a.applicant().birthDate(), a.date()).getYears() < 17
                && !a.applicant().married()
                && (a.service() == ServiceType.NEW || a.service() == ServiceType.RENEWAL)).get(0);
    }

    @Override
    public void close() {
        app.close();
        central.close();
    }
}
