package id.loket.casefile.model;

/** Each step an officer or supervisor takes on a case. */
public enum CaseAction {
    CHECK_IN, CALL, RECORD_DOCUMENT, VERIFY, PUT_ON_HOLD, RESUME, REJECT, INTERVIEW, FLAG,
    REQUEST_APPROVAL, APPROVE, RECORD_PAYMENT,
    ISSUE_RECEIPT, REPRINT_RECEIPT, MARK_READY, HAND_OVER
}
