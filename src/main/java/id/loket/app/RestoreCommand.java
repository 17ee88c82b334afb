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

    private int intoFolderWithoutDatabase(Messages m, Clock clock) {
        BackupService.RestoreOutcome outcome = BackupService.restoreIntoFolderWithoutDatabase(root.dataDir(), root.keyFile(), backup, clock);
        outcome.database().close();
        root.out().println(m.get("restore.doneIntoEmpty", backup));
        report(m, outcome.result().check());
        return outcome.result().check().status() == RestoreCheck.Status.BROKEN ? 1 : 0;
    }

    private void report(Messages m, RestoreCheck check) {
        if (check.status() == RestoreCheck.Status.NOT_CHECKED) {
            root.out().println(m.get("restore.auditNotChecked"));
        } else {
            root.out().println(check.summary());
        }
    }
}
