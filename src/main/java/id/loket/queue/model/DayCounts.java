package id.loket.queue.model;

/**
 * The day's figures, as the view {@code day_line} (migration V15) defines them, the one definition
 * the queue, the supervisor's dashboard and the reports share.
 *
 * @param appointments  bookings of the day still BOOKED at central, or checked in whatever they became
 * @param arrivals      cases of the day (bookings checked in and walk-ins)
 * @param walkIns       of the arrivals, those without a booking
 * @param notYetArrived bookings not checked in and not recorded as no-shows: "belum datang"; before the
 *                      day is closed nobody is a no-show
 * @param noShows       bookings recorded as no-shows when the day was closed (and cases marked NO_SHOW)
 * @param waiting       checked in and not yet called to a counter
 */
public record DayCounts(int appointments, int arrivals, int walkIns, int notYetArrived, int noShows, int waiting) {

    public static final DayCounts NONE = new DayCounts(0, 0, 0, 0, 0, 0);
}
