package id.loket.common.live;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Committed changes to the watched tables ({@link Changes#WATCHED}), made at this desk or at any
 * other counter of the office, told to whoever subscribed: on PostgreSQL through
 * {@code LISTEN/NOTIFY} (channel {@value #CHANNEL}), on H2 in-process (the H2 file is open in one
 * process only, so every change is made in this JVM). Bursts are told once; subscribers are
 * called on the feed's own thread, one at a time, and must hand slow work elsewhere.
 */
public interface ChangeFeed extends AutoCloseable {

    /** The PostgreSQL notification channel. */
    String CHANNEL = "loket_change";

    /** Calls {@code subscriber} with every change from now on, until the subscription is closed. */
    Subscription subscribe(Consumer<Changes> subscriber);

    /**
     * Waits until changes are being listened to (PostgreSQL: the listening connection is up);
     * true at once on H2. Tests use it; screens need not.
     */
    boolean awaitListening(Duration timeout);

    /** Stops telling anything (also when the database closes). */
    @Override
    void close();

    /** A subscription; closing it stops the calls. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
