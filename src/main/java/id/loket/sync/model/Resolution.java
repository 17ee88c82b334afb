package id.loket.sync.model;

/** How a supervisor settles a conflict. */
public enum Resolution {
    /** The office is right: its held events are sent again. */
    KEEP_OFFICE,
    /** Central is right: the held events are superseded and never sent. */
    ACCEPT_CENTRAL,
    /** Neither now: the events stay held and the case is followed up by hand. */
    MANUAL_FOLLOW_UP
}
