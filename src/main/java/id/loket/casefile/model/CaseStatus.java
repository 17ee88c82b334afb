package id.loket.casefile.model;

/** Where an applicant's case is in its lifecycle (see docs/office-rules.md, "Case lifecycle"). */
public enum CaseStatus {
    CHECKED_IN, IN_VERIFICATION, VERIFIED, INTERVIEWED, APPROVAL_PENDING, APPROVED,
    RECEIPT_ISSUED, READY_FOR_PICKUP, HANDED_OVER, ON_HOLD, REJECTED, NO_SHOW;

    /** No counter work follows: the case is over for today (or for good). */
    public boolean isClosed() {
        return this == REJECTED || this == NO_SHOW || this == HANDED_OVER;
    }
}
