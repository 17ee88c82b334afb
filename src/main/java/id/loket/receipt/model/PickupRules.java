package id.loket.receipt.model;

import java.util.Optional;

/**
 * When a passport can be collected: {@code workingDays} after the receipt, within
 * {@code firstDayHours} on that day and {@code laterDayHours} on the days after.
 */
public record PickupRules(int workingDays, PickupHours firstDayHours, PickupHours laterDayHours) {

    /** Denpasar: 4 working days; 13:00–15:30 on the first day, 08:00–15:30 after. */
    public static PickupRules defaults() {
        return new PickupRules(4, PickupHours.FIRST_DAY, PickupHours.LATER_DAYS);
    }

    /**
     * The rules from the office's settings ({@code pickup.workingDays}, {@code pickup.firstDayHours},
     * {@code pickup.laterDayHours}), Denpasar's defaults where one is not set.
     */
    public static PickupRules from(Optional<String> workingDays, Optional<String> firstDayHours, Optional<String> laterDayHours) {
        PickupRules d = defaults();
        return new PickupRules(
                workingDays.map(String::strip).map(Integer::parseInt).orElse(d.workingDays()),
                firstDayHours.map(PickupHours::parse).orElse(d.firstDayHours()),
                laterDayHours.map(PickupHours::parse).orElse(d.laterDayHours()));
    }
}
