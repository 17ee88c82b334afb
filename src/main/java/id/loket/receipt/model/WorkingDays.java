package id.loket.receipt.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;

/**
 * The office's working days: Monday to Friday, except holidays and collective leave.
 * "N working days after D" counts the working days following D (D itself not counted).
 */
public final class WorkingDays {

    private final Set<LocalDate> closed;

    public WorkingDays(Collection<LocalDate> holidays) {
        this.closed = Set.copyOf(holidays);
    }

    public boolean isWorkingDay(LocalDate day) {
        DayOfWeek d = day.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY && !closed.contains(day);
    }

    /** The {@code n}th working day after {@code from}; {@code n} = 0 answers {@code from} itself. */
    public LocalDate after(LocalDate from, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n < 0: " + n);
        }
        LocalDate day = from;
        int left = n;
        while (left > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                left--;
            }
        }
        return day;
    }
}
