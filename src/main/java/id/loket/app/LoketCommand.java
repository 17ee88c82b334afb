package id.loket.app;

import id.loket.common.i18n.Messages;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Option;

/**
 * {@code loket}: with no subcommand, opens the desk window against the configured central.
 * Options given here are shared by the subcommands.
 */
@Command(name = "loket", mixinStandardHelpOptions = true, version = "Loket 0.1",
        description = "Desk application for the passport counters of an immigration office.",
        subcommands = {DemoCommand.class, HolidaysCommand.class, CentralSimCommand.class, SyncCommand.class, ExportCommand.class, StaffCommand.class,
                SimulateCommand.class, PrintCommand.class, OutboxCommand.class, ReportCommand.class,
                AuditCommand.class})
public final class LoketCommand implements Callable<Integer> {

    private final PrintStream out;
    private final PrintStream err;
    private boolean windowOpen;

    @Option(scope = ScopeType.INHERIT, names = "--data", paramLabel = "DIR", description = "Data folder (database and logs). Default: ~/.loket")
    Path data;

    @Option(scope = ScopeType.INHERIT, names = "--lang", paramLabel = "id|en", description = "Language of messages and of the window: id (default) or en.")
    String language;

    @Option(scope = ScopeType.INHERIT, names = "--central", paramLabel = "URL", description = "Central's base URL, e.g. http://127.0.0.1:8731/api/v1 (saved in the settings).")
    String central;

    @Option(scope = ScopeType.INHERIT, names = "--token", paramLabel = "TOKEN", defaultValue = "${env:LOKET_TOKEN}",
            description = "The office's token for central (or the environment variable LOKET_TOKEN); saved in the settings.")
    String token;

    @Option(scope = ScopeType.INHERIT, names = "--office", paramLabel = "CODE", description = "Office code, e.g. DPS (saved in the settings).")
    String office;

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

    Path dataDir() {
        return data != null ? data : Path.of(System.getProperty("user.home"), ".loket");
    }

    boolean windowOpen() {
        return windowOpen;
    }

    void windowOpened() {
        windowOpen = true;
    }

    @Override
    public Integer call() {
        return new DeskLauncher(this).launch();
    }
}
