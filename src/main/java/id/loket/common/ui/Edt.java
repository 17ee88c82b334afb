package id.loket.common.ui;

import java.awt.EventQueue;

/**
 * The guard of the event-dispatch thread: {@link #check()} at the top of a method that touches
 * Swing components fails at once when called from another thread. On in development and tests
 * (assertions enabled with {@code -ea}, which surefire sets, or {@code -Dloket.edtCheck=true});
 * silent in production, where a wrong thread must not stop a counter.
 */
public final class Edt {

    private static final boolean ON = Edt.class.desiredAssertionStatus() || Boolean.getBoolean("loket.edtCheck");

    private Edt() {
    }

    /** Whether the check is on in this JVM. */
    public static boolean checking() {
        return ON;
    }

    /** Throws when the check is on and the caller is not on the event-dispatch thread. */
    public static void check() {
        if (ON && !EventQueue.isDispatchThread()) {
            throw new IllegalStateException("Swing touched off the event-dispatch thread, on " + Thread.currentThread().getName());
        }
    }
}
