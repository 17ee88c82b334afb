package id.loket.casefile.model;

/** The contract's event types: what central is told the office did. */
public enum EventType {
    WALK_IN_REGISTERED, CHECKED_IN, DOCUMENTS_VERIFIED, PUT_ON_HOLD, INTERVIEWED, APPROVAL_REQUESTED, APPROVED,
    REJECTED, PAYMENT_RECORDED, RECEIPT_ISSUED, READY_FOR_PICKUP, HANDED_OVER, NO_SHOW
}
