package id.loket.receipt.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WorkingDaysTest {

    /** Nyepi and Idul Fitri 2026 with their collective leave, Christmas 2026 with its leave, New Year 2027. */
    private static final WorkingDays CALENDAR = new WorkingDays(List.of(
            LocalDate.parse("2026-03-18"), LocalDate.parse("2026-03-19"), LocalDate.parse("2026-03-20"),
            LocalDate.parse("2026-03-21"), LocalDate.parse("2026-03-22"), LocalDate.parse("2026-03-23"),
            LocalDate.parse("2026-03-24"), LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25"),
            LocalDate.parse("2027-01-01")));

    @ParameterizedTest(name = "{1} working days after {0} is {2}")
    @CsvSource({
            // plain weeks and weekends
            "2026-11-23, 4, 2026-11-27",
            "2026-11-26, 4, 2026-12-02",
            "2026-11-27, 4, 2026-12-03",
            "2026-11-28, 4, 2026-12-03",
            "2026-11-29, 4, 2026-12-03",
            "2026-11-27, 1, 2026-11-30",
            "2026-11-27, 0, 2026-11-27",
            // a week of Nyepi, Idul Fitri and collective leave
            "2026-03-17, 1, 2026-03-25",
            "2026-03-17, 4, 2026-03-30",
            "2026-03-19, 4, 2026-03-30",
            // the year end: Christmas leave, Christmas, New Year
            "2026-12-22, 4, 2026-12-30",
            "2026-12-23, 4, 2026-12-31",
            "2026-12-24, 4, 2026-12-31",
            "2026-12-25, 4, 2026-12-31",
            "2026-12-26, 4, 2026-12-31",
            "2026-12-27, 4, 2026-12-31",
            "2026-12-28, 4, 2027-01-04",
            "2026-12-29, 4, 2027-01-05",
            "2026-12-30, 4, 2027-01-06",
            "2026-12-31, 4, 2027-01-07",
            "2026-12-31, 1, 2027-01-04",
    })
    void countsOnlyWeekdaysThatAreNotHolidays(LocalDate from, int n, LocalDate expected) {
        assertThat(CALENDAR.after(from, n)).isEqualTo(expected);
        assertThat(CALENDAR.isWorkingDay(expected)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"2026-11-28, false", "2026-11-29, false", "2026-11-30, true", "2026-12-24, false", "2026-12-25, false", "2027-01-01, false",
            "2026-12-31, true"})
    void knowsWorkingDays(LocalDate day, boolean working) {
        assertThat(CALENDAR.isWorkingDay(day)).isEqualTo(working);
    }

    @Test
    void negativeCountsAreRefused() {
        assertThatThrownBy(() -> CALENDAR.after(LocalDate.parse("2026-11-27"), -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"13:00-15:30|13:00|15:30", " 08:00 - 15:30 |08:00|15:30", "08:00\u201315:30|08:00|15:30"})
    void pickupHoursAreParsed(String text, LocalTime from, LocalTime to) {
        assertThat(PickupHours.parse(text)).isEqualTo(new PickupHours(from, to));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"15:30-13:00", "13:00", "1pm-3pm", "''"})
    void badPickupHoursAreRefused(String text) {
        assertThatThrownBy(() -> PickupHours.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({"X1234567, X1234567", "x 1234567, X1234567", "B7654321, B7654321"})
    void passportNumbersAreNormalized(String text, String expected) {
        assertThat(PassportNumber.normalize(text)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"X123456", "X12345678", "12345678", "XX123456", "''"})
    void badPassportNumbersAreRefused(String text) {
        assertThat(PassportNumber.normalize(text)).isEmpty();
    }
}
