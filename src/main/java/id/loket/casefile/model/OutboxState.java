package id.loket.casefile.model;

/** Where an outbox event stands with central ({@code outbox_event.state}). */
public enum OutboxState {
    /** Waiting to be sent, or sent without an answer yet (a lost answer is sent again). */
    PENDING,
    /** Central answered APPLIED or DUPLICATE. */
    SENT,
    /** Refused by central (CONFLICT), or behind a refused, failed or held event of its case. */
    HELD,
    /** Central answered INVALID: kept with the reason, never sent again. */
    FAILED,
    /** A supervisor accepted central's state instead: never sent. */
    SUPERSEDED,
    /** An undone check-in's event, withdrawn within its undo window before it was sent: never sent. */
    WITHDRAWN
}
