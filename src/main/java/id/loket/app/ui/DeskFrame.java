package id.loket.app.ui;

import com.formdev.flatlaf.FlatClientProperties;
import com.formdev.flatlaf.extras.FlatSVGIcon;
import com.formdev.flatlaf.extras.FlatSVGUtils;
import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import id.loket.common.ui.Dates;
import id.loket.common.ui.Reload;
import id.loket.common.ui.Tasks;
import id.loket.common.live.ChangeFeed;
import id.loket.common.live.Changes;
import id.loket.counter.ui.CounterScreen;
import id.loket.counter.ui.CounterServices;
import id.loket.staff.model.Session;
import id.loket.staff.ui.LockPanel;
import id.loket.staff.ui.LoginPanel;
import id.loket.staff.model.Role;
import id.loket.casefile.model.OutboxSummary;
import id.loket.sync.model.PullReport;
import id.loket.sync.model.PushReport;
import id.loket.sync.model.SyncStatus;
import id.loket.sync.service.SyncScheduler;
import id.loket.sync.ui.SyncStatusBar;
import java.awt.BorderLayout;
import java.util.Optional;
import java.awt.CardLayout;
import java.awt.Dimension;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.time.LocalDate;
import java.util.function.Consumer;
import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.ButtonGroup;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JMenu;
import javax.swing.JMenuBar;
import javax.swing.JMenuItem;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JRadioButtonMenuItem;
import javax.swing.KeyStroke;
import javax.swing.SwingConstants;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import net.miginfocom.swing.MigLayout;

/**
 * The desk window: the login first, then the counter screen (scan, today's queue, the case at
 * this counter), with the link to central always at the bottom. Listens to the background
 * sync, and follows the office through the database's change feed: a case or booking changed at
 * any counter reloads the queue, an outbox or conflict change the status bar's backlog, within a
 * second and without a key pressed (reloads coalesced, off the event-dispatch thread). A slow
 * safety reload every {@link #SAFETY_RELOAD_MS} ms covers anything the feed could not tell.
 */
public final class DeskFrame extends JFrame implements SyncScheduler.Listener {

    /** The safety reload of the queue and the backlog: the change feed tells every change, this only backs it up. */
    static final int SAFETY_RELOAD_MS = 60_000;

    private final Messages messages;
    private final DeskServices services;
    private final Tasks tasks;
    private final Consumer<String> relaunchInLanguage;
    private final LocalDate today;
    private final CardLayout cards = new CardLayout();
    private final JPanel content = new JPanel(cards);
    private final SyncStatusBar statusBar;
    private final CounterScreen counter;
    private final JLabel user = new JLabel();
    private final Action syncNow;
    private final Action conflicts;
    private final Action dashboard;
    private final Action reports;
    /** Opens the waiting-room display (given by the desk once it can: {@link #onOpenDisplay}). */
    private final Action waitingRoom;
    private Runnable openDisplay = () -> { };
    /** The display's running text, for the supervisor's dashboard (given by the desk: {@link #onOpenDisplay}). */
    private id.loket.display.service.DisplayService displayService;
    private id.loket.supervisor.ui.DashboardWindow dashboardWindow;
    /** Covers the desk after {@code services.idleLock()} without input; see {@link #watchIdle()}. */
    private final LockPanel lock;
    private volatile long lastInput = System.nanoTime();
    private final java.awt.event.AWTEventListener inputSeen = e -> lastInput = System.nanoTime();
    private final java.awt.KeyEventDispatcher keysWhileLocked;
    private javax.swing.Timer idleTimer;
    private volatile Session staff;
    /** Where each officer's look (theme, text size) is remembered; null: not remembered (see {@link #rememberLooksWith}). */
    private id.loket.staff.service.LookPreferences looks;
    private javax.swing.JCheckBoxMenuItem darkItem;
    private final java.util.Map<Integer, JRadioButtonMenuItem> textSizeItems = new java.util.LinkedHashMap<>();
    private final Reload<OutboxSummary> backlogReload;
    private final ChangeFeed.Subscription subscription;
    private final ChangeFeed.Subscription linkSubscription;
    /** The red band across the top while the office's database server does not answer. */
    private final JLabel serverLost = new JLabel("", SwingConstants.CENTER);
    private final javax.swing.Timer safetyReload;
    private SyncStatus.Connectivity lastConnectivity = SyncStatus.Connectivity.UNKNOWN;
    /**
     * Events were seen waiting (after a push, or told by the change feed) since a push last found
     * the backlog empty: a push that finds it empty now has drained it.
     */
    private boolean backlogWasWaiting;
    /** Central was away, or the backlog grew old, since the backlog was last empty: its draining is news. */
    private boolean drainIsNews;

    public DeskFrame(Messages messages, DeskServices services, Tasks tasks, Consumer<String> relaunchInLanguage) {
        super(messages.get("app.title", services.office().name()));
        this.messages = messages;
        this.services = services;
        this.tasks = tasks;
        this.relaunchInLanguage = relaunchInLanguage;
        this.today = services.today().get();
        setName("desk");
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                close();
            }
        });

        setIconImages(FlatSVGUtils.createWindowIconImages("/icons/loket.svg"));
        syncNow = action("action.syncNow", KeyEvent.VK_S, KeyStroke.getKeyStroke(KeyEvent.VK_F5, 0), e -> services.sync().syncNow());
        syncNow.putValue(Action.SMALL_ICON, new FlatSVGIcon("icons/sync.svg"));
        conflicts = action("action.conflicts", KeyEvent.VK_N, id.loket.counter.ui.Shortcut.CONFLICTS.stroke(), e -> showConflicts());
        conflicts.setEnabled(false);
        dashboard = action("action.dashboard", KeyEvent.VK_D, id.loket.counter.ui.Shortcut.DASHBOARD.stroke(), e -> showDashboard());
        dashboard.setEnabled(false);
        reports = action("action.reports", KeyEvent.VK_R, id.loket.counter.ui.Shortcut.REPORTS.stroke(), e -> showReports());
        reports.setEnabled(false);
        waitingRoom = action("display.menu", KeyEvent.VK_L, null, e -> openDisplay.run());
        waitingRoom.setEnabled(false);
        statusBar = new SyncStatusBar(messages, services.office().code(), services.office().name(), today,
                services.office().zone(), syncNow);
        statusBar.show(services.sync().status());
        counter = new CounterScreen(messages, new CounterServices(services.checkIn(), services.verification(), services.cases(),
                services.queue(), services.office().code(), services.office().zone(), services.clock(), services.today(),
                services.counter(), number -> {
                    services.saveCounter().accept(number);
                    Session who = staff;
                    if (who != null) {
                        services.auth().standAt(who, number); // the dashboard shows the desk at its new counter
                    }
                }, services.paper()), tasks);
        counter.onLogOut(this::logOut);

        content.add(loginPanel(), "login");
        content.add(deskPanel(), "desk");
        JPanel bands = new JPanel();
        bands.setLayout(new javax.swing.BoxLayout(bands, javax.swing.BoxLayout.Y_AXIS));
        if (services.training()) {
            JLabel training = trainingBand(messages);
            training.setAlignmentX(0.5f);
            training.setMaximumSize(new Dimension(Integer.MAX_VALUE, Integer.MAX_VALUE));
            bands.add(training);
        }
        serverLost.setAlignmentX(0.5f);
        serverLost.setMaximumSize(new Dimension(Integer.MAX_VALUE, Integer.MAX_VALUE));
        bands.add(serverLost);
        getContentPane().add(bands, BorderLayout.NORTH);
        lock = new LockPanel(messages, services.auth(), tasks, this::unlocked);
        setGlassPane(lock);
        lock.setVisible(false);
        keysWhileLocked = e -> lock.locked() && !SwingUtilities.isDescendingFrom(e.getComponent(), lock)
                && SwingUtilities.getWindowAncestor(e.getComponent()) == this;
        watchIdle();
        backlogReload = new Reload<>(tasks, () -> services.backlog().get(), this::showBacklogFigures,
                e -> org.slf4j.LoggerFactory.getLogger(DeskFrame.class).warn("Reading the outbox failed: {}", e.getMessage()));
        safetyReload = new javax.swing.Timer(SAFETY_RELOAD_MS, e -> {
            counter.reload();
            backlogReload.request();
        });
        safetyReload.start();
        subscription = services.changes().subscribe(this::changed);
        serverLost.setName("desk.serverLost");
        serverLost.setOpaque(true);
        id.loket.common.ui.Theme.style(serverLost, "bannerDanger");
        serverLost.setVisible(false);
        linkSubscription = services.serverLink().subscribe(lost -> SwingUtilities.invokeLater(() -> showServerLink(lost)));
        services.serverLink().lostSince().ifPresent(since -> showServerLink(Optional.of(since)));
        getContentPane().add(content, BorderLayout.CENTER);
        getContentPane().add(statusBar, BorderLayout.SOUTH);
        setJMenuBar(menuBar());
        setMinimumSize(new Dimension(800, 520));
        // The desk fills the screen it opens on (a 1366×768 counter monitor and up), at any text size.
        id.loket.common.ui.Screens.fill(this);
    }

    /**
     * Locks the desk after {@code services.idleLock()} without a key or a click while someone is
     * signed in: the lock covers the window (the screen underneath stays as it was) and keys go
     * only to it.
     */
    private void watchIdle() {
        if (services.idleLock().isZero()) {
            return;
        }
        java.awt.Toolkit.getDefaultToolkit().addAWTEventListener(inputSeen,
                java.awt.AWTEvent.KEY_EVENT_MASK | java.awt.AWTEvent.MOUSE_EVENT_MASK | java.awt.AWTEvent.MOUSE_WHEEL_EVENT_MASK);
        java.awt.KeyboardFocusManager.getCurrentKeyboardFocusManager().addKeyEventDispatcher(keysWhileLocked);
        long limit = services.idleLock().toNanos();
        idleTimer = new javax.swing.Timer(500, e -> {
            if (staff != null && !lock.locked() && System.nanoTime() - lastInput >= limit) {
                lockNow();
            }
        });
        idleTimer.start();
    }

    /** Covers the desk now (also the menu's "Kunci layar", Ctrl+L). */
    public void lockNow() {
        if (staff == null || lock.locked()) {
            return;
        }
        lock.lock(staff.atCounter(services.counter().get().orElse(null)));
    }

    /** The same officer is back, or a supervisor took the desk over: work goes on where it was. */
    private void unlocked(Session next) {
        lastInput = System.nanoTime();
        boolean takeover = !next.username().equals(staff.username());
        staff = next;
        if (takeover) {
            conflicts.setEnabled(next.role() == Role.SUPERVISOR);
            dashboard.setEnabled(next.role() == Role.SUPERVISOR);
            reports.setEnabled(next.role() == Role.SUPERVISOR);
            user.setText(messages.get("desk.user", next.fullName(), messages.get("role." + next.role().name())));
        }
        counter.continueAs(next);
        standAt(next);
        if (takeover) {
            applyLookOf(next);
        }
    }

    /** Records in the session's row which counter this desk stands at (the supervisor's dashboard shows it). */
    private void standAt(Session who) {
        String number = services.counter().get().orElse(null);
        tasks.run(() -> {
            services.auth().standAt(who, number);
            return null;
        }, done -> { }, e -> org.slf4j.LoggerFactory.getLogger(DeskFrame.class).warn("Recording the counter failed: {}", e.getMessage()));
    }

    /**
     * What the change feed told (on its thread): the queue reads again for cases, bookings and
     * calls, the status bar's backlog for the outbox and conflicts. A change that names its cases
     * (a step at any counter) costs the queue a read of those cases' lines; bookings (a pull) or
     * cases it cannot name cost a read of the day. Coalesced either way.
     */
    private void changed(Changes c) {
        if (c.touches(Changes.CASE_FILE, Changes.APPOINTMENT, Changes.QUEUE_CALL)) {
            // a step at a counter names its case: only that line is read again; bookings (a pull) or the unknown read the day
            c.onlyCases().ifPresentOrElse(counter::reloadCases, counter::reload);
        }
        if (c.touches(Changes.OUTBOX_EVENT, Changes.SYNC_CONFLICT)) {
            backlogReload.request();
        }
    }

    /**
     * The office's database server stopped answering, or answers again: a red band across the top
     * while it is away (every step refused in the meantime said so itself), a notice and a reload
     * when it is back.
     */
    private void showServerLink(Optional<java.time.Instant> lost) {
        if (lost.isPresent()) {
            serverLost.setText(messages.get("desk.serverLost", Dates.time(lost.get().atOffset(java.time.ZoneOffset.UTC), services.office().zone())));
            serverLost.setVisible(true);
        } else if (serverLost.isVisible()) {
            serverLost.setVisible(false);
            statusBar.notice(messages.get("desk.serverBack", Dates.time(java.time.OffsetDateTime.now(services.clock()), services.office().zone())));
            counter.reload();
            backlogReload.request();
        }
    }

    @Override
    public void dispose() {
        subscription.close();
        linkSubscription.close();
        safetyReload.stop();
        if (idleTimer != null) {
            idleTimer.stop();
            java.awt.Toolkit.getDefaultToolkit().removeAWTEventListener(inputSeen);
            java.awt.KeyboardFocusManager.getCurrentKeyboardFocusManager().removeKeyEventDispatcher(keysWhileLocked);
        }
        super.dispose();
    }

    /** Whether the lock covers the desk now. */
    public boolean isLocked() {
        return lock.locked();
    }

    /** The band across the top of every window of a training folder (the desk and its sign-in window). */
    static JLabel trainingBand(Messages messages) {
        JLabel band = new JLabel(messages.get("desk.training"), SwingConstants.CENTER);
        band.setName("desk.training");
        band.setOpaque(true);
        id.loket.common.ui.Theme.style(band, "bannerTraining");
        return band;
    }

    /** Opens straight on the queue for someone already logged in (after a change of language). */
    public void resume(Session who) {
        loggedIn(who);
    }

    private LoginPanel loginPanel() {
        return new LoginPanel(messages, services.office().name(), (name, password) -> services.auth().login(name, password, null), tasks,
                this::loggedIn, relaunchInLanguage);
    }

    private JPanel deskPanel() {
        JPanel desk = new JPanel(new BorderLayout());
        JPanel header = new JPanel(new MigLayout("insets 8 12 0 12, fillx", "[][grow][][]", "[]"));
        JLabel title = new JLabel(messages.get("queue.title"));
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h2");
        JLabel date = new JLabel(Dates.longDate(today, messages.locale()));
        date.putClientProperty(FlatClientProperties.STYLE_CLASS, "h3");
        user.setName("desk.user");
        header.add(title);
        header.add(date, "gapleft 16");
        header.add(counter.counterBadge(), "right");
        header.add(user, "gapleft 16");
        desk.add(header, BorderLayout.NORTH);
        desk.add(counter, BorderLayout.CENTER);
        return desk;
    }

    private JMenuBar menuBar() {
        JMenuBar bar = new JMenuBar();
        JMenu file = menu("menu.file", KeyEvent.VK_B);
        file.add(new JMenuItem(syncNow));
        JMenuItem dashboardItem = new JMenuItem(dashboard);
        dashboardItem.setName("menu.dashboard");
        file.add(dashboardItem);
        JMenuItem reportsItem = new JMenuItem(reports);
        reportsItem.setName("menu.reports");
        file.add(reportsItem);
        JMenuItem conflictsItem = new JMenuItem(conflicts);
        conflictsItem.setName("menu.conflicts");
        file.add(conflictsItem);
        file.addSeparator();
        JMenuItem lockItem = new JMenuItem(action("action.lock", KeyEvent.VK_U, id.loket.counter.ui.Shortcut.LOCK.stroke(),
                e -> lockNow()));
        lockItem.setName("menu.lock");
        file.add(lockItem);
        file.add(new JMenuItem(counter.logOutAction()));
        file.add(new JMenuItem(action("action.exit", KeyEvent.VK_K, KeyStroke.getKeyStroke(KeyEvent.VK_Q, KeyEvent.CTRL_DOWN_MASK), e -> close())));
        bar.add(file);
        bar.add(counter.menu());

        JMenu view = menu("menu.view", KeyEvent.VK_T);
        JMenu language = menu("menu.language", KeyEvent.VK_H);
        ButtonGroup group = new ButtonGroup();
        for (String code : new String[] {"id", "en"}) {
            JRadioButtonMenuItem item = new JRadioButtonMenuItem(messages.get("language." + code));
            item.setName("menu.language." + code);
            item.setSelected(code.equals(messages.language()));
            item.addActionListener(e -> {
                if (!code.equals(messages.language())) {
                    relaunchInLanguage.accept(code);
                }
            });
            group.add(item);
            language.add(item);
        }
        view.add(language);
        view.addSeparator();
        darkItem = new javax.swing.JCheckBoxMenuItem(messages.get("look.dark"), id.loket.common.ui.Theme.dark());
        darkItem.setName("menu.view.dark");
        darkItem.setMnemonic(messages.get("look.dark.mnemonic").charAt(0));
        darkItem.addActionListener(e -> changeLook(currentLook().withDark(darkItem.isSelected())));
        view.add(darkItem);
        JMenu textSize = menu("look.textSize", Character.toUpperCase(messages.get("look.textSize.mnemonic").charAt(0)));
        textSize.setName("menu.view.textSize");
        ButtonGroup sizes = new ButtonGroup();
        for (int percent : id.loket.staff.model.Look.TEXT_SIZES) {
            JRadioButtonMenuItem item = new JRadioButtonMenuItem(messages.get("look.textSize.percent", percent));
            item.setName("menu.view.text." + percent);
            item.setSelected(percent == id.loket.common.ui.Theme.textPercent());
            item.addActionListener(e -> changeLook(currentLook().withTextPercent(percent)));
            sizes.add(item);
            textSize.add(item);
            textSizeItems.put(percent, item);
        }
        view.add(textSize);
        view.addSeparator();
        JMenuItem waitingRoomItem = new JMenuItem(waitingRoom);
        waitingRoomItem.setName("menu.display");
        view.add(waitingRoomItem);
        bar.add(view);

        services.demo().ifPresent(demo -> bar.add(demoMenu(demo)));
        bar.add(counter.helpMenu());
        return bar;
    }

    private JMenu demoMenu(DemoControls demo) {
        JMenu menu = menu("menu.demo", KeyEvent.VK_D);
        menu.setName("menu.demo");
        JMenuItem down = new JMenuItem(messages.get("demo.centralDown"));
        down.setName("demo.centralDown");
        JMenuItem up = new JMenuItem(messages.get("demo.centralUp"));
        up.setName("demo.centralUp");
        Runnable refresh = () -> {
            boolean isUp = demo.centralUp();
            down.setEnabled(isUp);
            up.setEnabled(!isUp);
        };
        down.addActionListener(e -> tasks.run(() -> {
            demo.takeCentralDown();
            services.sync().checkNow();
            return null;
        }, r -> refresh.run(), this::showError));
        up.addActionListener(e -> tasks.run(() -> {
            demo.bringCentralBack();
            services.sync().syncNow();
            return null;
        }, r -> refresh.run(), this::showError));
        refresh.run();
        menu.add(down);
        menu.add(up);
        menu.addSeparator();
        javax.swing.JCheckBoxMenuItem flaky = new javax.swing.JCheckBoxMenuItem(messages.get("demo.flaky"), demo.flaky());
        flaky.setName("demo.flaky");
        flaky.addActionListener(e -> {
            boolean on = flaky.isSelected();
            tasks.run(() -> {
                demo.setFlaky(on);
                return null;
            }, r -> { }, this::showError);
        });
        JMenuItem cancel = new JMenuItem(messages.get("demo.cancelBooking"));
        cancel.setName("demo.cancelBooking");
        cancel.addActionListener(e -> tasks.run(demo::cancelOneOfTodaysBookings, code -> {
            statusBar.notice(code.map(c -> messages.get("demo.cancelled", c)).orElse(messages.get("demo.nothingToCancel")));
            services.sync().syncNow();
        }, this::showError));
        JMenuItem pay = new JMenuItem(messages.get("demo.latePayment"));
        pay.setName("demo.latePayment");
        pay.addActionListener(e -> tasks.run(demo::latePaymentArrives, code -> {
            statusBar.notice(code.map(c -> messages.get("demo.paid", c)).orElse(messages.get("demo.nothingUnpaid")));
            services.sync().syncNow();
        }, this::showError));
        menu.add(flaky);
        menu.add(cancel);
        menu.add(pay);
        menu.addSeparator();
        JMenuItem display = new JMenuItem(waitingRoom);
        display.setName("demo.display");
        menu.add(display);
        return menu;
    }

    private JMenu menu(String key, int mnemonic) {
        JMenu m = new JMenu(messages.get(key));
        m.setMnemonic(mnemonic);
        return m;
    }

    private Action action(String key, int mnemonic, KeyStroke accelerator, Consumer<ActionEvent> perform) {
        Action a = new AbstractAction(messages.get(key)) {
            @Override
            public void actionPerformed(ActionEvent e) {
                perform.accept(e);
            }
        };
        a.putValue(Action.MNEMONIC_KEY, mnemonic);
        a.putValue(Action.ACCELERATOR_KEY, accelerator);
        a.putValue(Action.SHORT_DESCRIPTION, messages.get(key + ".tip"));
        return a;
    }

    /** The supervisor's dashboard, beside the desk (one at a time; the services refuse anyone else too). */
    private void showDashboard() {
        if (staff == null || staff.role() != Role.SUPERVISOR) {
            return;
        }
        if (dashboardWindow != null && dashboardWindow.isDisplayable()) {
            dashboardWindow.toFront();
            dashboardWindow.refresh();
            return;
        }
        Session actor = staff.atCounter(services.counter().get().orElse(null));
        id.loket.supervisor.ui.DashboardWindow.Services s = new id.loket.supervisor.ui.DashboardWindow.Services(services.dashboard(),
                services.closeDay(), services.queue(), services.office().code(), services.office().zone(), services.today(), actor,
                services.paper().printing(), services.paper().printMemory(), services.sync()::status, services.changes());
        dashboardWindow = id.loket.supervisor.ui.DashboardWindow.open(this, messages, s, new id.loket.supervisor.ui.DashboardWindow.Actions() {
            @Override
            public void openCase(String caseRef) {
                toFront();
                counter.show(caseRef);
            }

            @Override
            public void showConflicts() {
                DeskFrame.this.showConflicts();
            }

            @Override
            public java.util.Optional<java.util.function.Function<id.loket.document.PaperSize, byte[]>> dailySummary(LocalDate date) {
                return services.dailySummary().of(date, actor, messages);
            }

            @Override
            public java.util.Optional<id.loket.supervisor.ui.DashboardWindow.CaseRelease> release() {
                return java.util.Optional.of((caseRef, reason) -> services.release().release(caseRef, actor, reason));
            }

            @Override
            public java.util.Optional<id.loket.supervisor.ui.DashboardWindow.RunningText> runningText() {
                id.loket.display.service.DisplayService display = displayService;
                if (display == null) {
                    return java.util.Optional.empty();
                }
                return java.util.Optional.of(new id.loket.supervisor.ui.DashboardWindow.RunningText() {
                    @Override
                    public String get() {
                        return display.runningText();
                    }

                    @Override
                    public String set(String text) {
                        return display.setRunningText(actor, text);
                    }
                });
            }
        });
    }

    /** The report catalogue: preview and print a report of a date, or save it as CSV (supervisors only). */
    private void showReports() {
        if (staff == null || staff.role() != Role.SUPERVISOR) {
            return;
        }
        Session by = staff.atCounter(services.counter().get().orElse(null));
        tasks.run(() -> services.reports().catalog(by.role()), catalog -> {
            id.loket.supervisor.ui.ReportsDialog.show(this, messages, catalog, services.today().get(),
                    new id.loket.supervisor.ui.ReportsDialog.Render((r, d) -> services.reports().render(r, d, by, messages, true),
                            (r, d) -> services.reports().render(r, d, by, messages, false)),
                    services.paper().printing(), services.paper().printMemory());
            counter.focusScan();
        }, this::showError);
    }

    /** The supervisor's list of sync conflicts, to settle them (the service refuses anyone else too). */
    private void showConflicts() {
        if (staff == null || staff.role() != Role.SUPERVISOR) {
            return;
        }
        Session actor = staff.atCounter(services.counter().get().orElse(null));
        id.loket.sync.ui.ConflictsDialog.show(this, messages, services.conflicts(), actor, services.office().zone());
        services.sync().pushSoon();
        counter.focusScan();
    }

    /** Remembers each officer's look (theme, text size) there: applied at sign-in, saved when changed in the View menu. */
    public void rememberLooksWith(id.loket.staff.service.LookPreferences preferences) {
        this.looks = preferences;
    }

    private id.loket.staff.model.Look currentLook() {
        return new id.loket.staff.model.Look(id.loket.common.ui.Theme.dark(), id.loket.common.ui.Theme.textPercent());
    }

    /** Applies {@code look} now, and remembers it for the officer signed in. */
    private void changeLook(id.loket.staff.model.Look look) {
        showLook(look);
        Session who = staff;
        if (looks != null && who != null) {
            id.loket.staff.service.LookPreferences store = looks;
            tasks.run(() -> {
                store.save(who, look);
                return null;
            }, done -> { }, this::showError);
        }
    }

    private void showLook(id.loket.staff.model.Look look) {
        id.loket.common.ui.Theme.apply(look.dark(), look.textPercent());
        if (darkItem != null) {
            darkItem.setSelected(look.dark());
        }
        JRadioButtonMenuItem size = textSizeItems.get(look.textPercent());
        if (size != null) {
            size.setSelected(true);
        }
    }

    /** The look {@code who} chose last, read off the event-dispatch thread, then applied. */
    private void applyLookOf(Session who) {
        if (looks == null) {
            return;
        }
        id.loket.staff.service.LookPreferences store = looks;
        tasks.run(() -> store.of(who), look -> {
            if (staff == who) {
                showLook(look);
            }
        }, e -> org.slf4j.LoggerFactory.getLogger(DeskFrame.class).warn("Reading the officer's look failed: {}", e.getMessage()));
    }

    private void loggedIn(Session who) {
        this.staff = who;
        applyLookOf(who);
        standAt(who);
        conflicts.setEnabled(who.role() == Role.SUPERVISOR);
        dashboard.setEnabled(who.role() == Role.SUPERVISOR);
        reports.setEnabled(who.role() == Role.SUPERVISOR);
        user.setText(messages.get("desk.user", who.fullName(), messages.get("role." + who.role().name())));
        cards.show(content, "desk");
        counter.start(who);
    }

    /** Back to the login, for the next officer (a supervisor coming to approve, a change of shift). */
    private void logOut() {
        Session leaving = staff;
        staff = null;
        tasks.run(() -> {
            services.auth().logout(leaving);
            return null;
        }, done -> { }, this::showError);
        conflicts.setEnabled(false);
        dashboard.setEnabled(false);
        reports.setEnabled(false);
        if (dashboardWindow != null) {
            dashboardWindow.dispose();
            dashboardWindow = null;
        }
        statusBar.clearWarning();
        counter.stop();
        user.setText("");
        LoginPanel login = loginPanel();
        for (java.awt.Component c : content.getComponents()) {
            if (c instanceof LoginPanel) {
                content.remove(c);
            }
        }
        content.add(login, "login");
        cards.show(content, "login");
    }

    public Session staff() {
        return staff;
    }

    private void showError(Exception e) {
        String text = e instanceof UserFacingException u ? messages.of(u) : messages.get("error.unexpected");
        JOptionPane.showMessageDialog(this, text, messages.get("error.title"), JOptionPane.ERROR_MESSAGE);
    }

    private void close() {
        if (dashboardWindow != null) {
            dashboardWindow.dispose();
            dashboardWindow = null;
        }
        setVisible(false);
        dispose();
        services.onClose().run();
    }

    // ---- news from the sync thread: handed to the event-dispatch thread ----

    @Override
    public void statusChanged(SyncStatus status) {
        SwingUtilities.invokeLater(() -> {
            statusBar.show(status);
            if (status.connectivity() == SyncStatus.Connectivity.OFFLINE) {
                drainIsNews = true;
            }
            if (lastConnectivity == SyncStatus.Connectivity.OFFLINE && status.reachable()) {
                statusBar.notice(messages.get("status.notice.back", Dates.time(status.since(), services.office().zone())));
            }
            lastConnectivity = status.connectivity();
        });
    }

    @Override
    public void pushFinished(PushReport report, OutboxSummary backlog) {
        SwingUtilities.invokeLater(() -> showBacklog(report, backlog));
    }

    /**
     * The backlog in the status bar; news when it has drained after an outage; a warning for a
     * supervisor while the oldest event is older than the setting; word of new conflicts.
     */
    private void showBacklog(PushReport report, OutboxSummary backlog) {
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(services.clock());
        showBacklogFigures(backlog);
        if (report.conflicts() + report.invalid() > 0) {
            // the open count, the one the conflicts list and the dashboard show, not this push's new ones
            statusBar.notice(messages.get("status.notice.conflicts", Math.max(backlog.openConflicts(), 1)));
        } else if (backlog.waiting() == 0 && backlogWasWaiting && drainIsNews) {
            statusBar.notice(messages.get("status.notice.drained", Dates.time(now, services.office().zone())));
            drainIsNews = false;
        }
        if (backlog.waiting() == 0) {
            backlogWasWaiting = false;
        }
    }

    /**
     * The backlog's figures in the status bar, and the supervisor's warning while the oldest event
     * is older than the setting (after each push, and whenever the feed tells of an outbox change).
     * Answers whether it is that old.
     */
    private boolean showBacklogFigures(OutboxSummary backlog) {
        java.time.OffsetDateTime now = java.time.OffsetDateTime.now(services.clock());
        statusBar.showBacklog(backlog, now, services.backlogWarnAfter());
        boolean tooOld = SyncStatusBar.tooOld(backlog, now, services.backlogWarnAfter());
        backlogWasWaiting |= backlog.waiting() > 0;
        drainIsNews |= tooOld || (backlog.waiting() > 0 && backlog.oldestWaiting()
                .map(t -> java.time.Duration.between(t, now).toMinutes() >= 1).orElse(false));
        Session who = staff;
        if (tooOld && who != null && who.role() == Role.SUPERVISOR) {
            java.time.Duration age = java.time.Duration.between(backlog.oldestWaiting().orElse(now), now);
            statusBar.warn(messages.get("status.warning.backlog", statusBar.age(age), statusBar.age(services.backlogWarnAfter())));
        } else {
            statusBar.clearWarning();
        }
        return tooOld;
    }

    @Override
    public void pullStarted() {
        SwingUtilities.invokeLater(() -> {
            statusBar.syncStarted();
            syncNow.setEnabled(false);
        });
    }

    @Override
    public void pullProgress(int dayIndex, int days, int received) {
        SwingUtilities.invokeLater(() -> statusBar.syncProgress(dayIndex, days));
    }

    @Override
    public void pullFinished(PullReport report) {
        SwingUtilities.invokeLater(() -> {
            statusBar.syncFinished();
            syncNow.setEnabled(true);
            // no reload here: what the pull wrote reaches the queue through the change feed
            if (report.conflicts() > 0) {
                // no count here: the status bar's backlog shows the open conflicts, from the one query
                statusBar.notice(messages.get("status.notice.newConflicts"));
            }
        });
    }

    /**
     * What "Layar ruang tunggu" (View menu, and the Demo menu) does: open the waiting-room
     * display; and the service whose running text the supervisor's dashboard sets.
     */
    public void onOpenDisplay(Runnable open, id.loket.display.service.DisplayService display) {
        openDisplay = open;
        displayService = display;
        waitingRoom.setEnabled(open != null);
    }
}
