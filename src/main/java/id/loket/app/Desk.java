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
import java.awt.GraphicsEnvironment;
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

    /**
     * Opens the desk window (login first) and starts syncing. {@code afterClose} runs once
     * everything is closed, on a background thread (the launcher exits the JVM there).
     */
    public static Desk open(AppContext app, CentralClient client, String office, Optional<DemoControls> demo,
            String language, Runnable afterClose) {
        if (GraphicsEnvironment.isHeadless()) {
            throw new UserFacingException("desk.noDisplay");
        }
        Desk desk = new Desk(app, client, office, demo, afterClose);
        String lang = language != null ? language : app.deskSettings().get(SettingsRepository.LANGUAGE).orElse("id");
        try {
            SwingUtilities.invokeAndWait(() -> {
                Theme.setup();
                desk.show(Messages.forLanguage(lang), null);
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        }
        desk.sync.start(PULL_EVERY, PUSH_EVERY, HEALTH_EVERY);
        return desk;
    }

    /** The window on screen now (it is replaced when the language changes). */
    public DeskFrame frame() {
        return frame.get();
    }

    private void show(Messages messages, Session loggedIn) {
        DeskFrame next = new DeskFrame(messages, services, tasks, code -> relaunch(code));
        next.onOpenDisplay(this::openDisplay, app.display(services.clock()));
        next.rememberLooksWith(app.lookPreferences());
        DeskFrame previous = frame.getAndSet(next);
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
        show(Messages.forLanguage(language), frame.get().staff());
    }

    private void shutDown(Runnable afterClose) {
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
