package id.loket.casefile.model;

/** Each step an officer or supervisor takes on a case. */
public enum CaseAction {
    CHECK_IN, CALL, RECORD_DOCUMENT, VERIFY, PUT_ON_HOLD, RESUME, REJECT, INTERVIEW, FLAG,
    REQUEST_APPROVAL, APPROVE, RECORD_PAYMENT,
    ISSUE_RECEIPT, REPRINT_RECEIPT, MARK_READY, HAND_OVER,
    /**
     * A booking never checked in is recorded as a no-show when a supervisor closes the day. Not a
     * step on a case (there is none), so no {@link Lifecycle} rule: like CHECK_IN it starts from
     * nothing, and the closing service checks the role.
     */
    NO_SHOW,
    /**
     * A supervisor settled a sync conflict about the case (kept the office's, accepted central's,
     * or left it for follow-up): recorded in the case's trail, not a step of its lifecycle (no
     * {@link Lifecycle} rule; the conflict service checks the role).
     */
    CONFLICT_RESOLVED,
    /**
     * A supervisor let go of a case held by a counter whose desk stopped: the counter is cleared,
     * the state stays, and the next step by any counter takes the case. Not a step of its
     * lifecycle (no {@link Lifecycle} rule; the release service checks the role and the state).
     */
    RELEASE,
    /**
     * The officer undid a check-in within its undo window (a wrong booking scanned): the case
     * is gone again, its CHECKED_IN event withdrawn before central heard of it, its queue number
     * not given again. Not a step of its lifecycle (no {@link Lifecycle} rule; the check-in
     * service checks the role, the state and the time).
     */
    UNDO_CHECK_IN
}
