package id.loket.common.live;

import java.util.Arrays;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * What committed changes touched, as the change feed tells it: the watched tables written, or
 * {@code everything} when the feed cannot say (it lost its connection to the server and is back:
 * anything may have changed meanwhile). A screen reloads what it shows when {@link #touches} says so.
 */
public record Changes(Set<String> tables, boolean everything) {

    public static final String CASE_FILE = "case_file";
    public static final String APPOINTMENT = "appointment";
    public static final String OUTBOX_EVENT = "outbox_event";
    public static final String SYNC_CONFLICT = "sync_conflict";
    public static final String STAFF_SESSION = "staff_session";
    /** The calls to the waiting-room display (V10). */
    public static final String QUEUE_CALL = "queue_call";

    /** The tables whose changes are told; a transaction that wrote none of them tells nothing. */
    public static final Set<String> WATCHED = Set.of(CASE_FILE, APPOINTMENT, OUTBOX_EVENT, SYNC_CONFLICT, STAFF_SESSION, QUEUE_CALL);

    /** Anything may have changed (after a reconnect). */
    public static final Changes EVERYTHING = new Changes(Set.of(), true);

    public Changes {
        tables = Set.copyOf(tables);
    }

    public static Changes of(Collection<String> tables) {
        return new Changes(Set.copyOf(tables), false);
    }

    public static Changes of(String... tables) {
        return of(Arrays.asList(tables));
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

    /** Both changes in one (a burst told once). */
    public Changes and(Changes other) {
        if (everything || other.everything) {
            return EVERYTHING;
        }
        Set<String> all = new TreeSet<>(tables);
        all.addAll(other.tables);
        return new Changes(all, false);
    }
}
