package id.loket.receipt.model;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/** When passports can be collected on one day: {@code from}–{@code to}, written "13:00-15:30". */
public record PickupHours(LocalTime from, LocalTime to) {

    public static final PickupHours FIRST_DAY = new PickupHours(LocalTime.of(13, 0), LocalTime.of(15, 30));
    public static final PickupHours LATER_DAYS = new PickupHours(LocalTime.of(8, 0), LocalTime.of(15, 30));

    public PickupHours {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("pickup hours end before they start: " + from + "-" + to);
        }
    }

    /** Parses "13:00-15:30" (a dash or an en dash); throws IllegalArgumentException otherwise. */
    public static PickupHours parse(String text) {
        String[] parts = text == null ? new String[0] : text.strip().split("\\s*[-\u2013]\\s*");
        if (parts.length != 2) {
            throw new IllegalArgumentException("pickup hours not like 13:00-15:30: " + text);
        }
        try {
            return new PickupHours(LocalTime.parse(parts[0]), LocalTime.parse(parts[1]));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("pickup hours not like 13:00-15:30: " + text, e);
        }
    }

    @Override
    public String toString() {
        return from + "-" + to;
    }
}
