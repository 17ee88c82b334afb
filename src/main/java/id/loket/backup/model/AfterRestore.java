package id.loket.backup.model;

/**
 * The check run on a database right after it was restored, before the restore is audited and
 * reported: the place where the audit trail's verification ({@code loket audit verify}) is
 * plugged in by the composition root. {@link #NONE} checks nothing.
 */
@FunctionalInterface
public interface AfterRestore {

    AfterRestore NONE = session -> RestoreCheck.notChecked();

    /** {@code session}: who restored (null for a folder that had no database, where nobody could sign in). */
    RestoreCheck check(id.loket.staff.model.Session session);
}
