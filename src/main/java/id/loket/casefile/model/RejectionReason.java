package id.loket.casefile.model;

/** Why a case was rejected, by its code. OTHER needs a note. */
public enum RejectionReason {
    DATA_MISMATCH, FORGED_DOCUMENT, PREVENTION_LIST, FALSE_STATEMENT, WRONG_SERVICE, INCOMPLETE_AFTER_HOLD, OTHER
}
