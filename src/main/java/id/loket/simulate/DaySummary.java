package id.loket.simulate;

import java.time.LocalTime;

/**
 * Where the day stands, read from the database: bookings, arrivals, the cases by outcome and
 * the events waiting for central.
 *
 * @param at                 the simulated time it describes
 * @param booked             bookings of the day that could be checked in (status BOOKED)
 * @param checkedIn          cases of the day (everyone checked in so far)
 * @param noShows            bookings without a case whose slot is over
 * @param notYetArrived      bookings without a case whose slot is not over yet
 * @param waiting            checked in, not yet called
 * @param inProgress         at a counter: in verification, verified or interviewed
 * @param documentsVerified  cases whose documents were verified (whatever came after)
 * @param onHold             on hold, waiting for a missing document
 * @param rejected           rejected, by an officer or the supervisor
 * @param approved           approved
 * @param approvalPending    waiting for the supervisor
 * @param events             events of the day's cases in the outbox
 * @param receiptsIssued     receipts issued for the day's cases (RECEIPT_ISSUED events)
 * @param passportsReady     earlier days' receipts whose passports were marked ready on the day
 * @param handedOver         passports handed over on the day (to the applicant or a representative)
 * @param refusedSteps       steps the services refused during this run (0 when the simulation and the rules agree)
 */
public record DaySummary(LocalTime at, int booked, int checkedIn, int noShows, int notYetArrived, int waiting,
        int inProgress, int documentsVerified, int onHold, int rejected, int approved, int approvalPending,
        int events, int receiptsIssued, int passportsReady, int handedOver, int refusedSteps) {
}
