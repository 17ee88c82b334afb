package id.loket.common.ui;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Dates and times as the office reads them: "Sabtu, 28 November 2026", "10:31". */
public final class Dates {

    private Dates() {
    }

    public static String longDate(LocalDate date, Locale locale) {
        return date.format(DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", locale));
    }

    public static String shortDate(LocalDate date, Locale locale) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
    }

    public static String time(OffsetDateTime t, ZoneId zone) {
        return t.atZoneSameInstant(zone).format(DateTimeFormatter.ofPattern("HH:mm"));
    }
}
