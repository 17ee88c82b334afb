package id.loket.backup.model;

/**
 * What the check run on a database just restored found: until the audit trail's verification is
 * wired in ({@link AfterRestore}), {@link Status#NOT_CHECKED}.
 */
public record RestoreCheck(Status status, String summary) {

    /** The outcome of the check. */
    public enum Status {
        NOT_CHECKED, INTACT, BROKEN
    }

    public static RestoreCheck notChecked() {
        return new RestoreCheck(Status.NOT_CHECKED, "");
    }
}
