package id.loket.app;

import id.loket.central.CentralTrust;
import id.loket.central.CentralUrl;
import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import id.loket.settings.repo.PcSettings;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Option;

/**
 * {@code loket}: with no subcommand, opens the desk window against the configured central.
 * Options given here are shared by the subcommands.
 */
@Command(name = "loket", mixinStandardHelpOptions = true, version = "Loket 0.1",
        description = "Desk application for the passport counters of an immigration office.")
public final class LoketCommand implements Callable<Integer>, CheckedOptions {

    /** The subcommands, in the order {@code --help} lists them (added by {@link Main}, only when the line may name one). */
    static final java.util.List<Class<?>> SUBCOMMANDS = java.util.List.of(DemoCommand.class, HolidaysCommand.class,
            CentralSimCommand.class, SyncCommand.class, ExportCommand.class, StaffCommand.class, SimulateCommand.class,
            PrintCommand.class, OutboxCommand.class, ReportCommand.class, BackupCommand.class, RestoreCommand.class,
            AuditCommand.class, DbCommand.class, SyncWorkerCommand.class, CaseCommand.class, DisplayCommand.class);

    /** Longer than any token central hands out; a longer value is a pasted mistake. */
    static final int TOKEN_MAX = 512;

    private final PrintStream out;
    private final PrintStream err;
    private boolean windowOpen;

    @Option(scope = ScopeType.INHERIT, names = "--data", paramLabel = "DIR", description = "Data folder (database and logs). Default: ~/.loket")
    Path data;

    @Option(scope = ScopeType.INHERIT, names = "--lang", paramLabel = "id|en", description = "Language of messages and of the window: id (default) or en.")
    String language;

    @Option(scope = ScopeType.INHERIT, names = "--central", paramLabel = "URL",
            description = "Central's base URL, e.g. https://central.example/api/v1 (saved in the settings); http:// only to this computer, e.g. http://127.0.0.1:8731/api/v1.")
    String central;

    @Option(scope = ScopeType.INHERIT, names = "--central-ca", paramLabel = "FILE",
            description = "The office's CA certificate (PEM), trusted besides the usual ones on the way to central, for an office behind an inspecting proxy (saved in the settings; \"\" removes it).")
    String centralCa;

    @Option(scope = ScopeType.INHERIT, names = "--token", paramLabel = "TOKEN", defaultValue = "${env:LOKET_TOKEN}",
            description = "The office's token for central (or the environment variable LOKET_TOKEN); saved in the settings.")
    String token;

    @Option(scope = ScopeType.INHERIT, names = "--office", paramLabel = "CODE", description = "Office code, e.g. DPS (saved in the settings).")
    String office;

    @Option(scope = ScopeType.INHERIT, names = "--key-file", paramLabel = "FILE",
            description = "The data folder's key (or the environment variable LOKET_KEY_FILE). Default: ~/.config/loket/keys/<folder id>.key")
    Path keyFile;

    @Option(scope = ScopeType.INHERIT, names = "--db", paramLabel = "URL",
            description = "The office's PostgreSQL server, e.g. jdbc:postgresql://server:5432/loket (or LOKET_DB_URL); remembered on this PC in DIR/loket.properties; \"local\" goes back to the H2 file of --data.")
    String db;

    @Option(scope = ScopeType.INHERIT, names = "--db-user", paramLabel = "ROLE", description = "The server's role for Loket (or LOKET_DB_USER); remembered.")
    String dbUser;

    @Option(scope = ScopeType.INHERIT, names = "--db-password-file", paramLabel = "FILE",
            description = "A file whose first line is that role's password (or LOKET_DB_PASSWORD_FILE); the file's place is remembered, never the password.")
    Path dbPasswordFile;

    LoketCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    Messages messages() {
        return Messages.forLanguage(language);
    }

    /** The key file named by --key-file; {@code null} lets the database look at LOKET_KEY_FILE, then the default place. */
    Path keyFile() {
        return keyFile;
    }

    /** Opens the data folder with its key; what happened to the folder as it opened (a new key, encryption) goes to stderr. */
    AppContext open(java.time.Clock clock, Messages m) {
        return open(clock, m, false);
    }

    /**
     * The same for a process that stays open all day (the desk, the sync worker, the display):
     * its H2 file is compacted when it closes. A command's is not ({@link AppContext#openBriefly}).
     */
    AppContext openToStay(java.time.Clock clock, Messages m) {
        return open(clock, m, true);
    }

    private AppContext open(java.time.Clock clock, Messages m, boolean staying) {
        Optional<DatabaseChoice> server = database();
        AppContext app = server.isPresent() ? AppContext.openServer(dataDir(), server.get(), keyFile(), clock, m)
                : staying ? AppContext.open(dataDir(), keyFile(), clock, m) : AppContext.openBriefly(dataDir(), keyFile(), clock, m);
        app.storageNotices().forEach(err::println);
        return app;
    }

    /**
     * The office's database server this command works on, from the options, the environment or
     * what this PC remembered; empty: the H2 file of the data folder.
     */
    Optional<DatabaseChoice> database() {
        PcSettings pc = new PcSettings(dataDir());
        return DatabaseChoice.resolve(new DatabaseChoice.Given(db, dbUser, dbPasswordFile), System.getenv(), pc)
                .map(c -> c.withReportReader(System.getenv(), pc));
    }

    Path dataDir() {
        return data != null ? data : Path.of(System.getProperty("user.home"), ".loket");
    }

    boolean windowOpen() {
        return windowOpen;
    }

    void windowOpened() {
        windowOpen = true;
    }

    /** The options every command shares; refused before the data folder is touched. */
    @Override
    public void checkOptions() {
        if (data != null && Files.exists(data) && !Files.isDirectory(data)) {
            throw new UserFacingException("cli.dataNotFolder", data.toString());
        }
        if (language != null && !language.equalsIgnoreCase("id") && !language.equalsIgnoreCase("en")) {
            throw new UserFacingException("cli.badLang", language);
        }
        if (office != null && !office.matches("[A-Z]{3,5}")) {
            throw new UserFacingException("cli.badOffice", office);
        }
        if (central != null) {
            CentralUrl.parse(central);
        }
        if (token != null && (token.isEmpty() || token.length() > TOKEN_MAX || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw new UserFacingException("cli.badToken", TOKEN_MAX);
        }
        if (db != null && !db.strip().equalsIgnoreCase(DatabaseChoice.LOCAL)) {
            DatabaseChoice.of(db, dbUser != null ? dbUser : System.getenv(DatabaseChoice.USER_VARIABLE),
                    dbPasswordFile != null ? dbPasswordFile : Optional.ofNullable(System.getenv(DatabaseChoice.PASSWORD_FILE_VARIABLE)).map(Path::of).orElse(null));
        }
        if (centralCa != null && !centralCa.isBlank()) {
            CentralTrust.readPem(caPath(centralCa));
        }
    }

    /** Where a CA file given (or saved) as text is, absolute, so the saved setting holds wherever Loket starts. */
    static Path caPath(String text) {
        try {
            return Path.of(text.strip()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new UserFacingException("central.ca.missing", text);
        }
    }

    @Override
    public Integer call() {
        return new DeskLauncher(this).launch();
    }
}
