package id.loket.receipt.model;

/**
 * When a passport can be collected: {@code workingDays} after the receipt, within
 * {@code firstDayHours} on that day and {@code laterDayHours} on the days after.
 */
public record PickupRules(int workingDays, PickupHours firstDayHours, PickupHours laterDayHours) {

    /** Denpasar: 4 working days; 13:00–15:30 on the first day, 08:00–15:30 after. */
    public static PickupRules defaults() {
        return new PickupRules(4, PickupHours.FIRST_DAY, PickupHours.LATER_DAYS);
    }
}
