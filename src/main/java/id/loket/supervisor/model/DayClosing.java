package id.loket.supervisor.model;

import id.loket.casefile.model.CaseStatus;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A day's closing, as previewed or as done.
 *
 * @param noShows            the day's no-shows: in a preview, those already recorded plus those closing would record
 *                           now; after a closing, all recorded for the date (a second closing records nothing new and
 *                           answers the same figure)
 * @param noShowBookingCodes their booking codes, in alphabetical order
 * @param stillOpen          open cases of the date by status (only statuses that have some), in lifecycle order
 * @param open               those cases in queue order
 * @param alreadyClosed      the date had been closed before this call
 * @param lastSlotEnd        the end of the day's last booked slot (null with no booking)
 * @param early              closing now would be before {@code lastSlotEnd}: refused unless the supervisor gives a reason
 * @param conflicts          sync conflicts still open, which closing leaves open
 */
public record DayClosing(LocalDate date, int noShows, List<String> noShowBookingCodes, Map<CaseStatus, Integer> stillOpen,
        List<OpenCase> open, boolean alreadyClosed, LocalTime lastSlotEnd, boolean early, List<OpenConflict> conflicts) {

    /** A closing with no slot time known and no conflict listed. */
    public DayClosing(LocalDate date, int noShows, List<String> noShowBookingCodes, Map<CaseStatus, Integer> stillOpen,
            List<OpenCase> open, boolean alreadyClosed) {
        this(date, noShows, noShowBookingCodes, stillOpen, open, alreadyClosed, null, false, List.of());
    }

    public DayClosing {
        conflicts = List.copyOf(conflicts);
        noShowBookingCodes = List.copyOf(noShowBookingCodes);
        EnumMap<CaseStatus, Integer> byStatus = new EnumMap<>(CaseStatus.class);
        byStatus.putAll(stillOpen);
        stillOpen = Collections.unmodifiableMap(byStatus);
        open = List.copyOf(open);
    }
}
