package id.loket.app;

import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import id.loket.display.service.DisplayService;
import id.loket.display.ui.DisplayWindow;
import id.loket.display.voice.Announcer;
import id.loket.settings.model.OfficeSettings;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Session;
import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code loket display}: the waiting-room display on a TV — the numbers called to the counters,
 * announced aloud. On PostgreSQL it runs as a process of its own (a counter PC's second screen,
 * or a PC of its own); an H2 data folder is open in one process only, so there the desk's
 * menu opens the display instead. {@code --set-text} sets the running text (a supervisor).
 */
@Command(name = "display", mixinStandardHelpOptions = true,
        description = {"Open the waiting-room display: the numbers called to the counters, in large type, each call announced aloud.",
            "Full screen on the last monitor unless --screen or --windowed says otherwise. With --set-text, set its running text instead",
            "(a supervisor or an administrator; \"\" clears it)."})
final class DisplayCommand implements Callable<Integer>, CheckedOptions {

    /** Monitors a computer may have, for --screen. */
    static final int MAX_SCREENS = 16;

    @ParentCommand
    LoketCommand root;

    @Mixin
    SignIn signIn;

    @Option(names = "--screen", paramLabel = "N", description = "The monitor to fill: 1 is the first. Default: the last one.")
    Integer screen;

    @Option(names = "--windowed", description = "A normal 1280x720 window instead of the full screen (to try it out).")
    boolean windowed;

    @Option(names = "--set-text", paramLabel = "TEXT", description = "Set the running text of the office's displays (\"\" clears it), then exit.")
    String setText;

    @Override
    public void checkOptions() {
        if (screen != null) {
            Check.range("--screen", screen, 1, MAX_SCREENS);
        }
        if (setText != null && (screen != null || windowed)) {
            throw new UserFacingException("cli.display.setTextAlone");
        }
        if (setText == null && signIn.user != null) {
            throw new UserFacingException("cli.display.userWithoutText");
        }
        if (setText != null) {
            String clean = setText.replaceAll("\\s+", " ").strip();
            int length = clean.codePointCount(0, clean.length());
            if (length > DisplayService.RUNNING_TEXT_MAX) {
                throw new UserFacingException("display.text.tooLong", length, DisplayService.RUNNING_TEXT_MAX);
            }
        }
    }

    @Override
    public Integer call() {
        Messages m = root.messages();
        Logging.toFolder(root.dataDir());
        if (setText != null) {
            try (AppContext app = root.open(Clock.systemDefaultZone(), m)) {
                Session session = signIn.session(app, Permission.SET_DISPLAY_TEXT);
                String set = app.display(Clock.system(app.office().zone())).setRunningText(session, setText);
                root.out().println(set.isEmpty() ? m.get("display.text.cleared") : m.get("display.text.set", set));
                return 0;
            }
        }
        id.loket.common.ui.Screens.requireDisplay();
        AppContext app = root.openToStay(Clock.systemDefaultZone(), m);
        try {
            OfficeSettings office = app.office();
            Clock clock = Clock.system(office.zone());
            // the pool reconnects by itself once the server answers again: the same service serves every read
            DisplayService service = app.display(clock);
            RuntimeException[] failed = {null};
            javax.swing.SwingUtilities.invokeAndWait(() -> {
                try {
                    DisplayWindow.open(office.name(), clock, () -> service, screen, windowed, Announcer.JAVA_SOUND, () -> {
                        app.close();
                        System.exit(0);
                    });
                } catch (RuntimeException e) {
                    failed[0] = e;
                }
            });
            if (failed[0] != null) {
                throw failed[0];
            }
            root.windowOpened();
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            app.close();
            return 1;
        } catch (InvocationTargetException e) {
            app.close();
            throw new IllegalStateException(e.getCause());
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
    }
}
