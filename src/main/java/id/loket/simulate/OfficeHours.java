package id.loket.simulate;

import java.time.LocalTime;
import java.util.Objects;

/** When the office serves applicants: nothing the simulation does falls outside these hours. */
public record OfficeHours(LocalTime open, LocalTime close) {

    /** Denpasar's service hours, 07:30–16:00 (docs: "The office"). */
    public static final OfficeHours DENPASAR = new OfficeHours(LocalTime.of(7, 30), LocalTime.of(16, 0));

    public OfficeHours {
        Objects.requireNonNull(open, "open");
        Objects.requireNonNull(close, "close");
        if (!open.isBefore(close)) {
            throw new IllegalArgumentException("office hours " + open + "–" + close);
        }
    }

    public boolean contains(LocalTime t) {
        return !t.isBefore(open) && t.isBefore(close);
    }
}
