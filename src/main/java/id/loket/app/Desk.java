package id.loket.app;

import id.loket.app.ui.DemoControls;
import id.loket.app.ui.DeskFrame;
import id.loket.app.ui.DeskServices;
import id.loket.counter.ui.PaperServices;
import id.loket.printing.PrintingService;
import id.loket.central.CentralClient;
import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import id.loket.common.ui.Theme;
import id.loket.common.ui.Tasks;
import id.loket.settings.model.OfficeSettings;
import id.loket.settings.repo.KeyValues;
import id.loket.settings.repo.SettingsRepository;
import id.loket.staff.model.Session;
import id.loket.sync.service.PullService;
import id.loket.sync.service.RetrySettings;
import id.loket.sync.service.SyncScheduler;
import id.loket.app.ui.SignInWindow;
import id.loket.settings.repo.PcSettings;
import id.loket.staff.ui.LoginPanel;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntConsumer;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javax.swing.SwingUtilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wires the desk window to the services and the background sync, and takes it all down
 * cleanly when the window closes: the sync finishes its page, the database shuts down.
 */
public final class Desk {

    /** How often the open desk pulls, and checks that central answers. */
    static final Duration PULL_EVERY = Duration.ofMinutes(1);
    static final Duration HEALTH_EVERY = Duration.ofSeconds(10);
    /** How often the outbox is sent (the circuit breaker makes this free while central is away). */
    static final Duration PUSH_EVERY = Duration.ofSeconds(10);
    /** The day and the next days are pulled, so tomorrow's bookings are there before opening. */
    static final int DAYS_AHEAD = 3;

    private static final Logger LOG = LoggerFactory.getLogger(Desk.class);

    private final AppContext app;
    private final SyncScheduler sync;
    private final Tasks tasks = new Tasks("db");
    private final DeskServices services;
    private final AtomicReference<DeskFrame> frame = new AtomicReference<>();
    /** The waiting-room display opened from this desk (H2: the display shares the desk's process), or null. */
    private id.loket.display.ui.DisplayWindow display;

    private Desk(AppContext app, CentralClient client, String office, Optional<DemoControls> demo, Runnable afterClose) {
        this.app = app;
        OfficeSettings settings = app.office();
        Clock clock = Clock.system(settings.zone());
        RetrySettings retry = new RetrySettings(1, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30));
        PullService pull = app.pullService(client, retry);
        this.sync = new SyncScheduler(pull, app.pushService(client, retry, office), client, office, () -> LocalDate.now(clock), DAYS_AHEAD,
                pull.lastSuccessfulPull(office), app.messages(), clock, app.syncLeadership("desk"));
        KeyValues desk = app.deskSettings();
        AtomicReference<String> counter = new AtomicReference<>(desk.get(SettingsRepository.COUNTER).orElse(null));
        this.services = new DeskServices(app.auth(), app.queue(), app.checkIn(clock), app.verification(clock), app.cases(),
                settings, clock, () -> LocalDate.now(clock), sync, demo,
                code -> desk.put(SettingsRepository.LANGUAGE, code),
                () -> Optional.ofNullable(counter.get()),
                number -> {
                    counter.set(number);
                    desk.put(SettingsRepository.COUNTER, number);
                },
                new PaperServices(app.receipts(clock), app.pickup(clock), app.documents(clock), new PrintingService(),
                        new PrintSettings(desk)),
                app.conflicts(), app.backlogWarnAfter(), app.dashboard(clock), app.closeDay(clock),
                (date, by, language) -> java.util.Optional.of(paper -> app.dailySummaryPdf(date, by, language, clock)
                        .orElseThrow(() -> new UserFacingException("report.unknown", "daily-summary", "-"))),
                new DeskServices.Reports() {
                    @Override
                    public java.util.List<id.loket.report.model.ReportDefinition> catalog(id.loket.staff.model.Role role) {
                        return app.reportCatalogue().runnableBy(role);
                    }

                    @Override
                    public byte[] render(id.loket.report.model.ReportDefinition report, LocalDate date, Session by, Messages language,
                            boolean pdf) {
                        return app.renderReport(report, date, by, language, clock, pdf);
                    }
                },
                () -> shutDown(afterClose), app.idleLock(), app.auth().isTraining(), app.changes(), () -> app.outboxSummary(office),
                app.serverLink(), app.release(clock));
    }

    /** What the desk works with once its database is open: made off the event-dispatch thread, behind the sign-in window. */
    public record Workplace(AppContext app, CentralClient client, String office, Optional<DemoControls> demo) {
    }

    /**
     * What is known of the folder before its database opens: the office's name and whether it
     * is a training folder (the demo knows both; a desk knows neither until the database says).
     */
    public record Foreknown(String officeName, boolean training) {
        public static final Foreknown NOTHING = new Foreknown(null, false);
    }

    /** A desk on its way: the sign-in window on screen, and the desk once its database has opened. */
    public record Starting(SignInWindow window, CompletableFuture<Desk> desk) {
    }

    /**
     * Opens the desk window (login first) on a database already open, and starts syncing.
     * {@code afterClose} runs once everything is closed, on a background thread (the launcher
     * exits the JVM there).
     */
    public static Desk open(AppContext app, CentralClient client, String office, Optional<DemoControls> demo,
            String language, Runnable afterClose) {
        id.loket.common.ui.Screens.requireDisplay();
        Desk desk = new Desk(app, client, office, demo, afterClose);
        String lang = language != null ? language : app.deskSettings().get(SettingsRepository.LANGUAGE).orElse("id");
        onScreen(() -> {
            Theme.setup();
            desk.show(Messages.forLanguage(lang), null, null);
        });
        desk.sync.start(PULL_EVERY, PUSH_EVERY, HEALTH_EVERY);
        return desk;
    }

    /**
     * Starts the desk the way an officer meets it: the display is checked first (refused in
     * words), the sign-in window is on screen at once, and the database opens behind it
     * ({@code opening}, on its own thread; the sync starts as soon as it is open). A sign-in
     * waits for the opening; the desk window then replaces the sign-in window. If the opening
     * fails, the reason is written to {@code err} in one line, shown in a message, and
     * {@code exit} gets 1; after a normal close it gets 0 (on a background thread).
     *
     * @param dataDir    the data folder, for this PC's language before the database is open
     * @param known      what is known before the database opens ({@link Foreknown#NOTHING} for a desk)
     */
    public static Starting start(Path dataDir, String language, Foreknown known, Callable<Workplace> opening,
            PrintStream err, IntConsumer exit) {
        id.loket.common.ui.Screens.requireDisplay();
        String lang = language != null ? language : new PcSettings(dataDir).get(SettingsRepository.LANGUAGE).orElse("id");
        CompletableFuture<Desk> desk = new CompletableFuture<>();
        Starter starter = new Starter(dataDir, known, desk, err, exit);
        SignInWindow[] window = new SignInWindow[1];
        onScreen(() -> {
            Theme.setup();
            window[0] = starter.signInWindow(Messages.forLanguage(lang), null);
        });
        LOG.info("Sign-in window on screen; opening the database behind it");
        // Not a daemon: the process must not end while the database is half opened (the window
        // may be closed meanwhile; the desk is then closed once the opening is over).
        Thread open = new Thread(() -> {
            Workplace w = null;
            try {
                w = opening.call();
                Desk d = new Desk(w.app(), w.client(), w.office(), w.demo(), () -> exit.accept(0));
                d.sync.start(PULL_EVERY, PUSH_EVERY, HEALTH_EVERY);
                desk.complete(d);
            } catch (Exception | Error e) {
                if (w != null) {
                    closeQuietly(w.app());
                }
                desk.completeExceptionally(e);
            }
        }, "open");
        open.start();
        desk.whenComplete((d, failure) -> SwingUtilities.invokeLater(() -> starter.opened(d, failure)));
        return new Starting(window[0], desk);
    }

    /** The sign-in window's side of {@link #start}: the window (again in another language), the sign-in, the hand-over. */
    private static final class Starter {
        private final Path dataDir;
        private final Foreknown known;
        private final CompletableFuture<Desk> desk;
        private final PrintStream err;
        private final IntConsumer exit;
        private final Tasks tasks = new Tasks("sign-in");
        private SignInWindow window;
        /** On the event-dispatch thread: the opening's outcome not handled yet, the window closed, someone signed in. */
        private boolean opening = true;
        private boolean closing;
        private boolean signedIn;

        Starter(Path dataDir, Foreknown known, CompletableFuture<Desk> desk, PrintStream err, IntConsumer exit) {
            this.dataDir = dataDir;
            this.known = known;
            this.desk = desk;
            this.err = err;
            this.exit = exit;
        }

        SignInWindow signInWindow(Messages messages, SignInWindow replacing) {
            LoginPanel.SignIn signIn = new LoginPanel.SignIn() {
                @Override
                public Session signIn(String username, char[] password) {
                    return opened().app.auth().login(username, password, null);
                }

                @Override
                public boolean ready() {
                    return desk.isDone();
                }
            };
            SignInWindow next = new SignInWindow(messages, known.officeName(), signIn, tasks, this::signedIn,
                    code -> {
                        new PcSettings(dataDir).put(SettingsRepository.LANGUAGE, code);
                        signInWindow(Messages.forLanguage(code), window);
                    },
                    this::closeBeforeSignIn);
            if (desk.isDone() && !desk.isCompletedExceptionally()) {
                Desk d = desk.join();
                next.opened(d.services.office().name(), d.services.training());
            } else if (known.officeName() != null) {
                next.opened(known.officeName(), known.training());
            }
            if (replacing != null) {
                next.setBounds(replacing.getBounds());
                next.setExtendedState(replacing.getExtendedState());
            }
            window = next;
            next.setVisible(true);
            if (replacing != null) {
                replacing.dispose();
            }
            return next;
        }

        private Desk opened() {
            try {
                return desk.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw new UserFacingException(e.getCause(), "login.notOpen");
            }
        }

        /** On the event-dispatch thread, once the opening is over. */
        void opened(Desk d, Throwable failure) {
            opening = false;
            if (failure == null) {
                if (closing) {
                    tasks.close();
                    window.dispose();
                    d.shutDown(() -> exit.accept(0));
                } else if (!signedIn) {
                    // the office as read when the desk was made: no database read here on the event-dispatch thread
                    window.opened(d.services.office().name(), d.services.training());
                }
                return;
            }
            Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            Messages messages = window.messages();
            String text;
            if (cause instanceof UserFacingException u) {
                text = messages.of(u);
            } else {
                LOG.error("Opening the desk failed", cause);
                text = messages.get("cli.unexpected", cause.getClass().getSimpleName());
            }
            err.println(text);
            err.flush();
            tasks.close();
            if (!closing) {
                javax.swing.JOptionPane.showMessageDialog(window, text, messages.get("error.title"), javax.swing.JOptionPane.ERROR_MESSAGE);
            }
            window.dispose();
            exit.accept(1);
        }

        private void signedIn(Session who) {
            if (closing || signedIn) {
                return; // a sign-in that ended after the window was closed (the desk is closing), or a second one
            }
            signedIn = true;
            Desk d = desk.join();
            tasks.close();
            d.show(window.messages(), who, window);
        }

        /**
         * The window closed before anyone signed in: the desk closes once its database is open
         * (never half-opened). Until then the window is only hidden, so the event-dispatch
         * thread stays for {@link #opened}, which closes everything then.
         */
        private void closeBeforeSignIn() {
            if (closing || signedIn) {
                return;
            }
            closing = true;
            window.setVisible(false);
            if (!opening && desk.isDone() && !desk.isCompletedExceptionally()) {
                tasks.close();
                window.dispose();
                desk.join().shutDown(() -> exit.accept(0));
            }
        }
    }

    private static void closeQuietly(AppContext app) {
        try {
            app.close();
        } catch (RuntimeException e) {
            LOG.warn("Closing the database after a failed start: {}", e.getMessage());
        }
    }

    private static void onScreen(Runnable r) {
        try {
            SwingUtilities.invokeAndWait(r);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.lang.reflect.InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The window on screen now (it is replaced when the language changes). */
    public DeskFrame frame() {
        return frame.get();
    }

    /** Shows a new desk window; {@code replacing} (the sign-in window) gives it its place and goes. */
    private void show(Messages messages, Session loggedIn, java.awt.Frame replacing) {
        DeskFrame next = new DeskFrame(messages, services, tasks, code -> relaunch(code));
        next.onOpenDisplay(this::openDisplay, app.display(services.clock()));
        next.rememberLooksWith(app.lookPreferences());
        java.awt.Frame previous = frame.getAndSet(next);
        if (previous == null) {
            previous = replacing;
        }
        sync.setListener(next);
        if (loggedIn != null) {
            next.resume(loggedIn);
        }
        if (previous != null) {
            next.setBounds(previous.getBounds());
            next.setExtendedState(previous.getExtendedState());
            previous.dispose();
        }
        next.setVisible(true);
    }

    /**
     * Opens the waiting-room display from the desk (on the event-dispatch thread): full screen on
     * a second monitor if there is one, else a window beside the desk; once only.
     */
    void openDisplay() {
        if (display != null && display.isDisplayable()) {
            display.toFront();
            return;
        }
        OfficeSettings office = app.office();
        Clock clock = Clock.system(office.zone());
        java.util.Optional<java.awt.GraphicsDevice> second = id.loket.display.ui.DisplayWindow.otherScreen(frame.get());
        id.loket.display.service.DisplayService service = app.display(clock);
        display = id.loket.display.ui.DisplayWindow.open(office.name(), clock, () -> service, second.orElse(null), second.isPresent(),
                false, id.loket.display.voice.Announcer.JAVA_SOUND, () -> LOG.info("Waiting-room display closed"));
    }

    /** The waiting-room display opened from this desk, if any (tests). */
    public java.util.Optional<id.loket.display.ui.DisplayWindow> display() {
        return java.util.Optional.ofNullable(display);
    }

    private void relaunch(String language) {
        services.saveLanguage().accept(language);
        show(Messages.forLanguage(language), frame.get().staff(), null);
    }

    void shutDown(Runnable afterClose) {
        Thread t = new Thread(() -> {
            LOG.info("Desk closing");
            sync.close();
            tasks.close();
            app.close();
            afterClose.run();
        }, "shutdown");
        t.start();
    }
}
