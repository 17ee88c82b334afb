package id.loket.app;

import id.loket.audit.model.AuditReport;
import id.loket.backup.service.AuditVerifier;
import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import id.loket.db.Database;
import id.loket.db.DatabaseCopy;
import id.loket.staff.model.Permission;
import id.loket.staff.service.Authorization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code loket db}: the office's database as a whole. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "The office's database as a whole.",
        subcommands = {DbCommand.Copy.class, DbCommand.Stats.class})
final class DbCommand {

    @ParentCommand
    LoketCommand root;

    /**
     * {@code loket db copy --from-data DIR --to URL}: moves a one-counter office (its H2 folder) onto
     * the office's PostgreSQL server. Every table, the outbox in order, the audit chain with its
     * numbers and hashes, in one transaction; refuses a server that already holds office data; checks
     * the chain on the server afterwards and says what it copied.
     */
    @Command(name = "copy", mixinStandardHelpOptions = true,
            description = {"Copy a one-counter office's data folder (its H2 database) onto the office's PostgreSQL server.",
                "Every desk on the folder must be closed. The server's database must hold no office data yet.",
                "Needs an administrator of the folder (--user); the server's role comes from --db-user and --db-password-file."})
    static final class Copy implements Callable<Integer>, CheckedOptions {

        @ParentCommand
        DbCommand db;

        @Mixin
        SignIn signIn;

        @Option(names = "--from-data", required = true, paramLabel = "DIR", description = "The data folder to copy (its loket.mv.db).")
        Path from;

        @Option(names = "--to", required = true, paramLabel = "URL", description = "The server's database, e.g. jdbc:postgresql://server:5432/loket.")
        String to;

        @Override
        public void checkOptions() {
            target();
            if (!Files.isRegularFile(from.resolve("loket.mv.db"))) {
                throw new UserFacingException("dbcopy.noSource", from);
            }
        }

        private DatabaseChoice target() {
            LoketCommand root = db.root;
            return DatabaseChoice.of(to, root.dbUser != null ? root.dbUser : System.getenv(DatabaseChoice.USER_VARIABLE),
                    root.dbPasswordFile != null ? root.dbPasswordFile
                            : Optional.ofNullable(System.getenv(DatabaseChoice.PASSWORD_FILE_VARIABLE)).filter(s -> !s.isBlank()).map(Path::of).orElse(null));
        }

        @Override
        public Integer call() {
            LoketCommand root = db.root;
            Messages m = root.messages();
            Logging.toFolder(from);
            DatabaseChoice server = target();
            Clock clock = Clock.systemDefaultZone();
            try (AppContext source = AppContext.open(from, root.keyFile(), clock, m)) {
                // an administrator of the folder says so; signed out before the copy, so the copy holds the whole trail
                source.auth().logout(signIn.session(source, Permission.RESTORE));
                try (Database target = server.open()) {
                    DatabaseCopy.Copied copied = DatabaseCopy.copy(source.database(), target, server.where());
                    for (Map.Entry<String, Integer> e : copied.rows().entrySet()) {
                        if (e.getValue() > 0) {
                            root.out().println(m.get("dbcopy.table", e.getKey(), e.getValue()));
                        }
                    }
                    AuditReport chain = new AuditVerifier(target, new Authorization(target), null, clock).chainStatus();
                    root.out().println(m.get("dbcopy.done", copied.total(), from, server.where(), AuditCommand.describe(chain, m)));
                    return chain.intact() ? 0 : 1;
                }
            }
        }
    }

    /**
     * {@code loket db stats}: how large each table of the office's database is (rows, largest
     * first) and, on a desk's H2 file, the file's size: to see the history grow and what
     * housekeeping would win. Counts only, nothing personal; a supervisor or an administrator.
     */
    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = {"How many rows each table of the database holds (largest first), and the size of a desk's database file.",
                "Needs a supervisor or an administrator (--user)."})
    static final class Stats implements Callable<Integer> {

        @ParentCommand
        DbCommand db;

        @Mixin
        SignIn signIn;

        @Override
        public Integer call() {
            LoketCommand root = db.root;
            Messages m = root.messages();
            Logging.toFolder(root.dataDir());
            try (AppContext app = root.open(Clock.systemDefaultZone(), m)) {
                new Authorization(app.database()).require(signIn.session(app, Permission.VIEW_OUTBOX), Permission.VIEW_OUTBOX);
                Map<String, Long> rows = app.database().tableRows();
                long total = 0;
                for (Map.Entry<String, Long> e : rows.entrySet()) {
                    root.out().println(m.get("dbstats.table", e.getKey(), e.getValue()));
                    total += e.getValue();
                }
                root.out().println(m.get("dbstats.total", rows.size(), total));
                Optional<Path> file = app.database().dataDir().map(d -> d.resolve("loket.mv.db")).filter(Files::isRegularFile);
                if (file.isPresent()) {
                    try {
                        root.out().println(m.get("dbstats.file", file.get(), Files.size(file.get()) / (1024 * 1024)));
                    } catch (java.io.IOException e) {
                        throw new UserFacingException(e, "dbstats.noFile", file.get(), e.getMessage());
                    }
                }
                return 0;
            }
        }
    }
}
