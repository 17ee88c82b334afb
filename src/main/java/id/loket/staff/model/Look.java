package id.loket.staff.model;

import java.util.List;

/**
 * How one officer wants the desk to look: FlatLaf's dark or light theme, and the text size in
 * percent of the theme's own (one of {@link #TEXT_SIZES}). Remembered per officer.
 */
public record Look(boolean dark, int textPercent) {

    /** The text sizes the View menu offers. */
    public static final List<Integer> TEXT_SIZES = List.of(100, 125, 150);

    /** The look of an officer who never chose one. */
    public static final Look DEFAULT = new Look(false, 100);

    public Look {
        if (!TEXT_SIZES.contains(textPercent)) {
            throw new IllegalArgumentException("text size " + textPercent + " %");
        }
    }

    public Look withDark(boolean on) {
        return new Look(on, textPercent);
    }

    public Look withTextPercent(int percent) {
        return new Look(dark, percent);
    }
}
