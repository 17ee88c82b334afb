package id.loket.supervisor.model;

/**
 * One office hour (local time) of the day.
 *
 * @param slotted bookings (BOOKED) whose slot starts in this hour
 * @param arrived check-ins in this hour (bookings and walk-ins)
 * @param served  cases finished in this hour (receipt issued, or rejected)
 */
public record HourRow(int hour, int slotted, int arrived, int served) {
}
