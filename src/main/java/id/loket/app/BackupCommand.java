package id.loket.app;

import id.loket.common.model.UserFacingException;

import id.loket.backup.model.BackupResult;
import id.loket.common.i18n.Messages;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Session;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code loket backup --out FILE}: a consistent backup while desks go on working; it stays encrypted with the folder's key. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = {"Write a backup of the data folder's database to FILE (a zip), while it goes on serving.",
            "The backup is encrypted as the database is: it opens only with the folder's key. Needs a supervisor or an administrator."})
final class BackupCommand implements Callable<Integer> {

    @ParentCommand
    LoketCommand root;

    @Mixin
    SignIn signIn;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The backup file to write (a zip; replaced if it exists).")
    Path out;

    @Override
    public Integer call() {
        root.database().ifPresent(server -> {
            throw new UserFacingException("backup.onServer", server.where());
        });
        Messages m = root.messages();
        Logging.toFolder(root.dataDir());
        try (AppContext app = root.open(Clock.systemDefaultZone(), m)) {
            Session session = signIn.session(app, Permission.BACKUP);
            BackupResult made = app.backups().backup(session, out);
            root.out().println(m.get("backup.done", made.file(), (made.bytes() + 1023) / 1024, made.took().toMillis()));
            return 0;
        }
    }
}
