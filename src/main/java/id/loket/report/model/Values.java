package id.loket.report.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Writes a report's values for people (PDF) and for machines (CSV). For people: rupiah as
 * {@code Rp650.000}, dates written out ({@code 27 November 2026}), times {@code 09.15} in
 * Indonesian and {@code 09:15} in English, minutes and percents with one decimal. For CSV:
 * plain numbers (dot decimal, no grouping), ISO dates, codes as they are.
 */
public final class Values {

    private final String language;
    private final Locale locale;
    private final ZoneId zone;
    private final DateTimeFormatter date;
    private final DateTimeFormatter time;

    public Values(String language, ZoneId zone) {
        this.language = "en".equals(language) ? "en" : "id";
        this.locale = "en".equals(this.language) ? Locale.ENGLISH : Locale.forLanguageTag("id-ID");
        this.zone = zone;
        this.date = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
        this.time = DateTimeFormatter.ofPattern("en".equals(this.language) ? "HH:mm" : "HH.mm", locale);
    }

    public String language() {
        return language;
    }

    public String date(LocalDate d) {
        return date.format(d);
    }

    /** "27 November 2026 09.15 WITA". */
    public String dateTime(java.time.Instant at) {
        var z = at.atZone(zone);
        return date.format(z) + " " + time.format(z) + " " + DateTimeFormatter.ofPattern("zzz", locale).format(z);
    }

    /** A value for a person reading the PDF. */
    public String display(Column c, Object v) {
        if (v == null) {
            return "–";
        }
        Text word = c.values().get(String.valueOf(v));
        if (word != null) {
            return word.in(language);
        }
        return switch (c.format()) {
            case TEXT -> String.valueOf(v);
            case INTEGER -> grouped(number(v).setScale(0, RoundingMode.HALF_UP), "#,##0");
            case RUPIAH -> "Rp" + grouped(number(v).setScale(0, RoundingMode.HALF_UP), "#,##0");
            case PERCENT -> grouped(number(v), "#,##0.0") + "%";
            case MINUTES -> grouped(number(v), "#,##0.0");
            case DATE -> v instanceof TemporalAccessor t ? date.format(localDate(t)) : String.valueOf(v);
            case TIME -> v instanceof TemporalAccessor t ? time.format(localTime(t)) : String.valueOf(v);
            case DATETIME -> v instanceof OffsetDateTime o ? dateTime(o.toInstant()) : String.valueOf(v);
            case HOUR -> time.format(LocalTime.of(number(v).intValue() % 24, 0));
        };
    }

    /** A value for CSV: no grouping, dot decimals, ISO dates and times. */
    public String csv(Column c, Object v) {
        if (v == null) {
            return "";
        }
        return switch (c.format()) {
            case TEXT -> String.valueOf(v);
            case INTEGER, RUPIAH -> number(v).setScale(0, RoundingMode.HALF_UP).toPlainString();
            case PERCENT, MINUTES -> number(v).setScale(1, RoundingMode.HALF_UP).toPlainString();
            case DATE -> v instanceof TemporalAccessor t ? localDate(t).toString() : String.valueOf(v);
            case TIME -> v instanceof TemporalAccessor t ? localTime(t).withNano(0).toString() : String.valueOf(v);
            case DATETIME -> v instanceof OffsetDateTime o
                    ? o.atZoneSameInstant(zone).toOffsetDateTime().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()
                    : String.valueOf(v);
            case HOUR -> String.format(Locale.ROOT, "%02d:00", number(v).intValue() % 24);
        };
    }

    /** A parameter value for the PDF's heading. */
    public String parameter(Object v) {
        return v instanceof LocalDate d ? date(d) : String.valueOf(v);
    }

    private LocalDate localDate(TemporalAccessor t) {
        if (t instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(zone).toLocalDate();
        }
        return LocalDate.from(t);
    }

    private LocalTime localTime(TemporalAccessor t) {
        if (t instanceof OffsetDateTime o) {
            return o.atZoneSameInstant(zone).toLocalTime();
        }
        return LocalTime.from(t);
    }

    private String grouped(BigDecimal n, String pattern) {
        DecimalFormat f = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(locale));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(n);
    }

    public static BigDecimal number(Object v) {
        if (v instanceof BigDecimal b) {
            return b;
        }
        if (v instanceof Double || v instanceof Float) {
            return BigDecimal.valueOf(((Number) v).doubleValue());
        }
        if (v instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        return new BigDecimal(String.valueOf(v).strip());
    }
}
