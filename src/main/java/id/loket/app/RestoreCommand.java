package id.loket.app;

import id.loket.backup.model.RestoreCheck;
import id.loket.backup.model.RestoreResult;
import id.loket.backup.service.BackupService;
import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Session;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code loket restore FILE}: replaces the data folder's database by a backup of it. Refused
 * while a desk or a command has the folder open; the administrator signs in against the
 * database being replaced, which is kept aside. A folder without a usable database (a new PC,
 * or a damaged file moved aside) is restored by whoever holds the folder's key.
 */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = {"Replace the data folder's database by the backup FILE (made by loket backup, or by closing the day into backups/).",
            "Close every desk on this folder first. The database replaced is kept as loket.mv.db.before-restore-<time>.",
            "Needs an administrator; a folder whose database is missing or damaged needs only its key."})
final class RestoreCommand implements Callable<Integer> {

    /** The refusals of opening that mean "no usable database here": a restore goes on without a sign-in. */
    private static final Set<String> NO_DATABASE = Set.of("data.missing", "data.missingNoBackup", "data.damagedMovedAside", "data.damagedMovedAsideNoBackup");

    @ParentCommand
    LoketCommand root;

    @Mixin
    SignIn signIn;

    @Parameters(index = "0", paramLabel = "FILE", description = "The backup to restore (a zip).")
    Path backup;

    @Override
    public Integer call() {
        root.database().ifPresent(server -> {
            throw new UserFacingException("backup.onServer", server.where());
        });
        Messages m = root.messages();
        Logging.toFolder(root.dataDir());
        Clock clock = Clock.systemDefaultZone();
        if (!Files.exists(root.dataDir().resolve("loket.mv.db"))) {
            return intoFolderWithoutDatabase(m, clock); // a new folder must not get a database (and a key) of its own first
        }
        AppContext app;
        try {
            app = root.open(clock, m);
        } catch (UserFacingException e) {
            if (!NO_DATABASE.contains(e.key())) {
                throw e;
            }
            root.err().println(m.of(e));
            return intoFolderWithoutDatabase(m, clock);
        }
        try (app) {
            Session session = signIn.session(app, Permission.RESTORE);
            RestoreResult result = app.backups().restore(session, backup);
            root.out().println(m.get("restore.done", backup, result.keptAs().map(Path::getFileName).map(Path::toString).orElse("-")));
            report(m, result.check());
            return result.check().status() == RestoreCheck.Status.BROKEN ? 1 : 0;
        }
    }

    /**
     * Restores into a folder without a database (a new PC, or a damaged file moved aside): the key
     * opens the backup; then an administrator of the restored database signs in, and its audit
     * trail is checked and its head signed at the restored end, as after any restore (a restored
     * folder without accounts is still being set up and needs no sign-in). When the sign-in is
     * refused the restore stands and the check waits: the same restore, run again signed in, does it.
     */
    private int intoFolderWithoutDatabase(Messages m, Clock clock) {
        // The head signed for the database that is gone names entries the backup cannot have: it
        // is kept aside with that database, and the restored chain's head is signed anew below
        // (by the key's holder, who could sign any head anyway).
        keepHeadAside(clock);
        BackupService.RestoreOutcome outcome = BackupService.restoreIntoFolderWithoutDatabase(root.dataDir(), root.keyFile(), backup, clock);
        outcome.database().close();
        root.out().println(m.get("restore.doneIntoEmpty", backup));
        try (AppContext app = root.open(clock, m)) {
            Session session;
            try {
                session = signIn.session(app, Permission.RESTORE);
            } catch (UserFacingException e) {
                root.err().println(m.of(e));
                root.err().println(m.get("restore.checkLater", backup));
                return 2;
            }
            RestoreCheck check = app.checkRestored(session);
            report(m, check);
            return check.status() == RestoreCheck.Status.BROKEN ? 1 : 0;
        }
    }

    private void keepHeadAside(Clock clock) {
        Path head = root.dataDir().resolve(AppContext.AUDIT_HEAD_FILE);
        if (Files.exists(head)) {
            String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(java.time.LocalDateTime.now(clock));
            try {
                Files.move(head, head.resolveSibling(AppContext.AUDIT_HEAD_FILE + ".before-restore-" + stamp));
            } catch (java.io.IOException e) {
                throw new UserFacingException(e, "restore.failed", backup, e.getMessage());
            }
        }
    }

    private void report(Messages m, RestoreCheck check) {
        if (check.status() == RestoreCheck.Status.NOT_CHECKED) {
            root.out().println(m.get("restore.auditNotChecked"));
        } else {
            root.out().println(check.summary());
        }
    }
}
