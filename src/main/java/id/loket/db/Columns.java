package id.loket.db;

/** Values as the tables' columns hold them. */
public final class Columns {

    private Columns() {
    }

    /**
     * A diagnostic text (a refusal's reason, an error, a note) shortened to the {@code max}
     * characters its column holds; null stays null. Only for texts that explain, never for data.
     */
    public static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
