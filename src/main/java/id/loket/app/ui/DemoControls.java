package id.loket.app.ui;

import java.util.Optional;

/**
 * What the Demo menu can do to the built-in central simulator, so a trainer can show how the
 * desk lives with an unreliable central. Present only in demo mode. Calls may do a little work
 * on central's data; they never block on the network.
 */
public interface DemoControls {

    /** Share of requests that fail while {@link #flaky()} is on. */
    double FLAKY_RATE = 0.3;

    boolean centralUp();

    /** Central goes away: its port refuses connections until {@link #bringCentralBack()}. */
    void takeCentralDown();

    void bringCentralBack();

    /** True while central fails on {@link #FLAKY_RATE} of the requests. */
    boolean flaky();

    /**
     * Turns "flaky central" on or off: while on, 30% of the requests get a 503 or 429 (with
     * Retry-After), a 500, a dropped connection or a cut-off body.
     */
    void setFlaky(boolean on);

    /**
     * Central cancels one of today's BOOKED appointments (the applicant cancelled online); the
     * desk sees it on its next pull.
     *
     * @return the booking code of the cancelled appointment, empty if none is left to cancel
     */
    Optional<String> cancelOneOfTodaysBookings();

    /**
     * A late payment arrives: one of today's unpaid BOOKED appointments becomes PAID with an
     * NTPN; the desk sees it on its next pull.
     *
     * @return the booking code of the appointment now paid, empty if none was unpaid
     */
    Optional<String> latePaymentArrives();
}
