package id.loket.receipt.model;

import java.time.LocalDate;
import java.util.Objects;

/** A weekday the office is closed. */
public record Holiday(LocalDate date, String name, HolidayKind kind) {

    public Holiday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        name = name == null ? "" : name.strip();
    }
}
