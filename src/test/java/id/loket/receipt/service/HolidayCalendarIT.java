package id.loket.receipt.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.app.AppContext;
import id.loket.staff.model.Session;
import id.loket.testing.TestSessions;
import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import id.loket.receipt.model.Holiday;
import id.loket.receipt.model.HolidayKind;
import id.loket.receipt.model.PickupHours;
import id.loket.receipt.model.PickupRules;
import id.loket.settings.repo.SettingsRepository;
import id.loket.staff.model.Role;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The seeded holiday calendar in a real H2 file, its administration, and the pickup settings. */
class HolidayCalendarIT {

    private static final Session ADMIN = TestSessions.staff("admin", Role.ADMIN, null);
    private static final Session SUPERVISOR = TestSessions.staff("supervisor", Role.SUPERVISOR, "1");

    @TempDir
    Path dir;

    private AppContext app;

    @BeforeEach
    void open() {
        app = AppContext.open(dir, Clock.systemUTC(), Messages.forLanguage("en"));
        TestSessions.register(app.caseWork(Clock.systemUTC()).db(), ADMIN, SUPERVISOR);
    }

    @AfterEach
    void close() {
        app.close();
    }

    private LocalDate pickup(LocalDate from) {
        return app.caseWork(Clock.systemUTC()).db().inTransaction(tx -> HolidayService.calendarFrom(tx, from)).after(from, 4);
    }

    @ParameterizedTest(name = "a receipt on {0} is collected from {1}")
    @CsvSource({
            "2026-11-27, 2026-12-03",
            "2026-12-21, 2026-12-29",
            "2026-12-23, 2026-12-31",
            "2026-12-24, 2026-12-31",
            "2026-12-25, 2026-12-31",
            "2026-12-28, 2027-01-04",
            "2026-12-29, 2027-01-05",
            "2026-12-30, 2027-01-06",
            "2026-12-31, 2027-01-07",
            "2026-03-17, 2026-03-30",
            "2026-08-13, 2026-08-20",
    })
    void theSeededCalendarSkipsWeekendsHolidaysAndCollectiveLeave(LocalDate receipt, LocalDate expected) {
        assertThat(pickup(receipt)).isEqualTo(expected);
    }

    @Test
    void bothYearsAreSeededWithBothKinds() {
        assertThat(app.holidays().list(2026)).extracting(Holiday::kind).contains(HolidayKind.NATIONAL, HolidayKind.COLLECTIVE_LEAVE);
        assertThat(app.holidays().list(2027)).extracting(Holiday::date).contains(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-25"));
        assertThat(app.holidays().list(2026)).extracting(Holiday::date).isSorted().contains(LocalDate.parse("2026-08-17"));
    }

    @Test
    void anAdministratorAddsAndRemovesHolidays() {
        LocalDate day = LocalDate.parse("2026-12-01");
        app.holidays().add(ADMIN, day, " Hari libur daerah ", HolidayKind.COLLECTIVE_LEAVE);
        assertThat(app.holidays().list(2026)).contains(new Holiday(day, "Hari libur daerah", HolidayKind.COLLECTIVE_LEAVE));
        assertThat(pickup(LocalDate.parse("2026-11-27"))).isEqualTo(LocalDate.parse("2026-12-04"));

        app.holidays().remove(ADMIN, day);
        assertThat(app.holidays().list(2026)).extracting(Holiday::date).doesNotContain(day);
        assertThat(pickup(LocalDate.parse("2026-11-27"))).isEqualTo(LocalDate.parse("2026-12-03"));
    }

    @Test
    void onlyAnAdministratorChangesTheCalendar() {
        LocalDate christmas = LocalDate.parse("2026-12-25");
        assertThatThrownBy(() -> app.holidays().add(SUPERVISOR, LocalDate.parse("2026-12-01"), "x", HolidayKind.NATIONAL))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("auth.forbidden"));
        assertThatThrownBy(() -> app.holidays().remove(SUPERVISOR, christmas))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("auth.forbidden"));
        assertThatThrownBy(() -> app.holidays().add(ADMIN, christmas, " ", HolidayKind.NATIONAL))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("holiday.badName"));
        assertThat(app.holidays().list(2026)).extracting(Holiday::date).contains(christmas);
    }

    @Test
    void pickupRulesDefaultToDenpasarsAndFollowTheSettings() {
        assertThat(app.pickupRules()).isEqualTo(PickupRules.defaults());
        assertThat(PickupRules.defaults()).isEqualTo(new PickupRules(4, new PickupHours(LocalTime.of(13, 0), LocalTime.of(15, 30)),
                new PickupHours(LocalTime.of(8, 0), LocalTime.of(15, 30))));

        app.settings().put(SettingsRepository.PICKUP_WORKING_DAYS, "5");
        app.settings().put(SettingsRepository.PICKUP_FIRST_DAY_HOURS, "14:00-16:00");
        app.settings().put(SettingsRepository.PICKUP_LATER_DAY_HOURS, "09:00-15:00");

        assertThat(app.pickupRules()).isEqualTo(new PickupRules(5, PickupHours.parse("14:00-16:00"), PickupHours.parse("09:00-15:00")));
    }
}
