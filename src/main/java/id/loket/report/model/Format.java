package id.loket.report.model;

import java.util.Locale;

/** How a column's values are written. */
public enum Format {
    TEXT, INTEGER, RUPIAH, PERCENT, MINUTES, DATE, TIME, DATETIME, HOUR;

    public static Format parse(String s) {
        return s == null || s.isBlank() ? TEXT : valueOf(s.strip().toUpperCase(Locale.ROOT));
    }
}
