package id.loket.queue.model;

import id.loket.casefile.model.CaseStatus;
import java.util.EnumSet;
import java.util.Set;

/** Which lines of the day the queue shows: all bookings, or only the cases in one phase. */
public enum QueueView {
    /** Every booking of the day and every walk-in. */
    ALL,
    /** Everyone who checked in today. */
    CHECKED_IN,
    /** Checked in, not yet called. */
    WAITING,
    /** Called to a counter and not finished: verification, interview. */
    IN_PROGRESS,
    /** Waiting for a supervisor's approval. */
    APPROVAL_PENDING,
    /** On hold until the applicant brings what is missing. */
    ON_HOLD;

    private static final Set<CaseStatus> IN_PROGRESS_STATES =
            EnumSet.of(CaseStatus.IN_VERIFICATION, CaseStatus.VERIFIED, CaseStatus.INTERVIEWED);

    public boolean includes(QueueEntry e) {
        CaseStatus s = e.caseStatus();
        return switch (this) {
            case ALL -> true;
            case CHECKED_IN -> s != null;
            case WAITING -> s == CaseStatus.CHECKED_IN;
            case IN_PROGRESS -> s != null && IN_PROGRESS_STATES.contains(s);
            case APPROVAL_PENDING -> s == CaseStatus.APPROVAL_PENDING;
            case ON_HOLD -> s == CaseStatus.ON_HOLD;
        };
    }
}
