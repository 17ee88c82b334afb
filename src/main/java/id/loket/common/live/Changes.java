package id.loket.common.live;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * What committed changes touched, as the change feed tells it: the watched tables written, or
 * {@code everything} when the feed cannot say (it lost its connection to the server and is back:
 * anything may have changed meanwhile). A screen reloads what it shows when {@link #touches} says so;
 * when a change names the cases whose rows it wrote ({@link #onlyCases}), a screen of cases reads
 * just those.
 */
public record Changes(Set<String> tables, boolean everything, Set<String> cases, boolean casesComplete) {

    public static final String CASE_FILE = "case_file";
    public static final String APPOINTMENT = "appointment";
    public static final String OUTBOX_EVENT = "outbox_event";
    public static final String SYNC_CONFLICT = "sync_conflict";
    public static final String STAFF_SESSION = "staff_session";
    /** The calls to the waiting-room display (V10). */
    public static final String QUEUE_CALL = "queue_call";

    /** The tables whose changes are told; a transaction that wrote none of them tells nothing. */
    public static final Set<String> WATCHED = Set.of(CASE_FILE, APPOINTMENT, OUTBOX_EVENT, SYNC_CONFLICT, STAFF_SESSION, QUEUE_CALL);
    /** The tables whose rows belong to one case: a change to them can name its cases. */
    public static final Set<String> OF_CASES = Set.of(CASE_FILE, QUEUE_CALL);

    /** Anything may have changed (after a reconnect). */
    public static final Changes EVERYTHING = new Changes(Set.of(), true, Set.of(), false);

    /**
     * {@code cases}: case references whose rows in {@link #OF_CASES} were written;
     * {@code casesComplete}: they are all of them (a screen may then read just those cases).
     */
    public Changes {
        tables = Set.copyOf(tables);
        cases = Set.copyOf(cases);
    }

    /** Changes to {@code tables}, the cases not known. */
    public static Changes of(Collection<String> tables) {
        return new Changes(Set.copyOf(tables), false, Set.of(), !touchesCases(tables));
    }

    public static Changes of(String... tables) {
        return of(Arrays.asList(tables));
    }

    /** Changes to {@code tables} whose rows of cases ({@link #OF_CASES}) were exactly those of {@code cases}. */
    public static Changes ofCases(Collection<String> tables, Collection<String> cases) {
        return new Changes(Set.copyOf(tables), false, Set.copyOf(cases), true);
    }

    private static boolean touchesCases(Collection<String> tables) {
        return tables.stream().anyMatch(OF_CASES::contains);
    }

    /**
     * The cases whose rows changed, when that is all that changed of the queue's tables (no
     * booking, nothing unknown): a queue may then read just those. Empty when it must read its day.
     */
    public java.util.Optional<Set<String>> onlyCases() {
        if (everything || !casesComplete || tables.contains(APPOINTMENT) || cases.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(cases);
    }

    /** Whether any of {@code names} changed (always, for {@link #EVERYTHING}). */
    public boolean touches(String... names) {
        if (everything) {
            return true;
        }
        for (String n : names) {
            if (tables.contains(n)) {
                return true;
            }
        }
        return false;
    }

    /** Both changes in one (a burst told once): the cases are complete only if both were. */
    public Changes and(Changes other) {
        if (everything || other.everything) {
            return EVERYTHING;
        }
        Set<String> all = new TreeSet<>(tables);
        all.addAll(other.tables);
        Set<String> both = new TreeSet<>(cases);
        both.addAll(other.cases);
        return new Changes(all, false, both, casesComplete && other.casesComplete);
    }
}
