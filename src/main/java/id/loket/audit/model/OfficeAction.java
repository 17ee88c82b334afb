package id.loket.audit.model;

/**
 * Audited events that belong to no case: who signed in or was refused, accounts, holidays,
 * settings, prints, reports, exports, backups and restores. They share the audit trail (and
 * its hash chain) with the steps on cases, with no case reference.
 */
public enum OfficeAction {
    LOGIN, LOGIN_REFUSED, LOCKED_OUT, UNLOCKED, LOGOUT, DESK_UNLOCKED, DESK_TAKEN_OVER,
    ACCOUNT_CREATED, ROLE_CHANGED, ACCOUNT_DEACTIVATED, PASSWORD_CHANGED,
    HOLIDAY_ADDED, HOLIDAY_REMOVED, SETTING_CHANGED,
    DOCUMENT_PRINTED, REPORT_RUN, PERSONAL_DATA_EXPORTED,
    BACKUP_MADE, RESTORED, CONFLICT_RESOLVED, TRAINING_FOLDER,
    /** An administrator had the audit head signed again at the chain's end (after a restore or a reported problem). */
    AUDIT_HEAD_RESIGNED,
    /** A supervisor closed the day before the end of its last booked slot, giving the reason (in the details). */
    DAY_CLOSED_EARLY
}
