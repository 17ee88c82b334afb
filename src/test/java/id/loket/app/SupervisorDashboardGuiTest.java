package id.loket.app;

import id.loket.testing.Gui;
import static org.assertj.core.api.Assertions.assertThat;

import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.staff.model.Session;
import id.loket.testing.TestSessions;
import id.loket.casefile.model.EventType;
import id.loket.casefile.model.OutboxEvent;
import id.loket.casefile.repo.OutboxRepository;
import id.loket.central.CentralClient;
import id.loket.central.sim.CentralSimulator;
import id.loket.central.sim.CentralStore;
import id.loket.common.i18n.Messages;
import id.loket.settings.repo.SettingsRepository;
import id.loket.staff.model.Role;
import java.awt.Component;
import java.awt.Dialog;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JMenuItem;
import javax.swing.JTable;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.GenericTypeMatcher;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.timing.Pause;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor's dashboard on the real desk: a real H2 file, the simulator over HTTP, the
 * background sync. It follows the counters by itself, and closing the day records the
 * no-shows with their events for central. An officer cannot open it.
 */
class SupervisorDashboardGuiTest {

    private static final String OFFICE = "DPS";
    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    private static final int PER_DAY = 60;
    private static final String PASSWORD = TestSessions.PASSWORD;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path data;

    private final Messages messages = Messages.forLanguage("id");
    private final CountDownLatch closed = new CountDownLatch(1);
    private LocalDate today;
    private CentralSimulator sim;
    private AppContext app;
    private Robot robot;
    private FrameFixture window;

    @BeforeAll
    static void checkEdtUse() {
        FailOnThreadViolationRepaintManager.install();
    }

    @AfterAll
    static void stopCheckingEdtUse() {
        FailOnThreadViolationRepaintManager.uninstall();
    }

    private void openDesk() throws Exception {
        Clock clock = Clock.system(WITA);
        today = LocalDate.now(WITA);
        String token = "dashboard-test-token";
        sim = new CentralSimulator(new CentralStore(31, Set.of(OFFICE), PER_DAY, WITA, clock), token, clock).start(0);
        app = AppContext.open(data, clock, messages);
        TestSessions.account(app.caseWork(Clock.systemUTC()).db(), "supervisor", "Ketut Sudarsana", Role.SUPERVISOR);
        TestSessions.account(app.caseWork(Clock.systemUTC()).db(), "petugas1", "Ni Luh Putu Ayu Lestari", Role.COUNTER);
        app.pcSettings().put(SettingsRepository.COUNTER, "1");
        robot = BasicRobot.robotWithNewAwtHierarchy();
        Desk desk = Desk.open(app, new CentralClient(CentralClient.Config.of(sim.baseUrl(), token)), OFFICE,
                Optional.of(DemoCommand.controls(sim)), "id", closed::countDown);
        window = new FrameFixture(robot, desk.frame());
    }

    @AfterEach
    void closeDesk() throws InterruptedException {
        try {
            if (window != null) {
                window.close();
                assertThat(closed.await(60, TimeUnit.SECONDS)).as("desk finished closing").isTrue();
            } else if (app != null) {
                app.close();
            }
        } finally {
            if (window != null) {
                window.cleanUp();
            } else if (robot != null) {
                robot.cleanUp();
            }
            if (sim != null) {
                sim.close();
            }
        }
    }

    private void logIn(String username) {
        window.textBox("login.username").enterText(username);
        window.textBox("login.password").enterText(PASSWORD);
        Gui.submitSignIn(window.textBox("login.password"));
        JTable queue = robot.finder().findByName(window.target(), "queue.table", JTable.class, false);
        waitFor("the day's queue", Duration.ofSeconds(60), () -> GuiActionRunner.execute(queue::getRowCount), n -> n >= PER_DAY);
    }

    @Test
    void theDashboardFollowsTheCountersAndClosingTheDayRecordsTheNoShows() throws Exception {
        openDesk();
        logIn("supervisor");
        ctrl(KeyEvent.VK_D);
        waitFor("the dashboard's first figures", WAIT, () -> tile("arrivals"), "0"::equals);
        List<Appointment> booked = sim.store().latest(OFFICE, today).stream().filter(a -> a.status() == AppointmentStatus.BOOKED).toList();
        assertThat(tile("booked")).isEqualTo(Integer.toString(booked.size()));

        // A counter checks an applicant in: the dashboard shows it by itself.
        Session counter2 = TestSessions.staff("petugas1", Role.COUNTER, "2");
        TestSessions.register(app.caseWork(Clock.systemUTC()).db(), counter2);
        app.checkIn(Clock.system(WITA)).checkIn(booked.get(0).id(), counter2);
        waitFor("the arrival on the dashboard", WAIT, () -> tile("arrivals"), "1"::equals);

        // Closing the day: Ctrl+Shift+E, what it will do, "Tutup hari".
        robot.pressAndReleaseKey(KeyEvent.VK_E, Gui.oldMask(InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK));
        JButton ok = waitForButton(messages.get("dashboard.closing.ok"));
        String question = GuiActionRunner.execute(() -> robot.finder().findByName("dashboard.closing.question", JLabel.class, true).getText());
        assertThat(question).contains((booked.size() - 1) + " janji temu yang tidak datang");
        String openCases = GuiActionRunner.execute(() -> robot.finder().findByName("dashboard.closing.openCaseList", JLabel.class, true).getText());
        assertThat(openCases).as("the open case listed by queue number and name").contains(app.cases().findByAppointment(
                TestSessions.reader(app.caseWork(Clock.systemUTC()).db()), booked.get(0).id()).orElseThrow().applicant().fullName());
        // the desk runs on the wall clock: before the last slot ends, the closing asks for a reason (the service refuses without)
        boolean early = GuiActionRunner.execute(() -> !robot.finder().findAll(c -> "dashboard.closing.reason".equals(c.getName())
                && c.isShowing()).isEmpty());
        if (early) {
            javax.swing.JTextField reason = robot.finder().findByName("dashboard.closing.reason", javax.swing.JTextField.class, true);
            GuiActionRunner.execute(() -> reason.setText("uji penutupan lebih awal"));
        }
        clickUntil(ok, "the closing question answered", () -> !GuiActionRunner.execute(ok::isShowing));

        waitFor("the closing done", WAIT, () -> label("dashboard.status"), t -> t.startsWith("Hari ditutup: " + (booked.size() - 1)));
        // The daily summary's preview opens, its page rendered from the report catalogue.
        waitFor("the daily summary's preview", WAIT, () -> {
            JLabel page = robot.finder().findByName("printPreview.page", JLabel.class, true);
            return GuiActionRunner.execute(() -> page.getIcon() != null);
        }, Boolean.TRUE::equals);
        closePreview();
        long noShows = new OutboxRepository(app.caseWork(Clock.system(WITA)).db().dsl()).all().stream()
                .filter(e -> e.type() == EventType.NO_SHOW).map(OutboxEvent::caseRef).distinct().count();
        assertThat(noShows).as("one NO_SHOW event per booking nobody came for").isEqualTo(booked.size() - 1);
        waitFor("the dashboard after closing", WAIT, () -> tile("booked"), t -> !t.equals("–"));
    }

    @Test
    void theSupervisorReleasesTheCaseOfACounterWhoseDeskStopped() throws Exception {
        openDesk();
        logIn("supervisor");
        ctrl(KeyEvent.VK_D);
        waitFor("the dashboard's first figures", WAIT, () -> tile("arrivals"), "0"::equals);

        // counter 2 checks someone in and calls them, then its desk stops with the applicant in hand
        Session counter2 = TestSessions.staff("petugas1", Role.COUNTER, "2");
        TestSessions.register(app.caseWork(Clock.systemUTC()).db(), counter2);
        Appointment booking = sim.store().latest(OFFICE, today).stream().filter(a -> a.status() == AppointmentStatus.BOOKED).findFirst().orElseThrow();
        app.checkIn(Clock.system(WITA)).checkIn(booking.id(), counter2);
        id.loket.casefile.model.CaseFile held = app.checkIn(Clock.system(WITA)).callNext(counter2).orElseThrow();
        JTable counters = robot.finder().findByName("dashboard.counters", JTable.class, true);
        waitFor("counter 2 serving on the dashboard", WAIT, () -> GuiActionRunner.execute(() -> rowOf(counters, "2")), r -> r >= 0);
        JButton release = robot.finder().findByName("dashboard.release", JButton.class, true);
        assertThat(GuiActionRunner.execute(release::isEnabled)).as("nothing selected, nothing to release").isFalse();
        GuiActionRunner.execute(() -> counters.setRowSelectionInterval(rowOf(counters, "2"), rowOf(counters, "2")));
        waitFor("the release offered", WAIT, () -> GuiActionRunner.execute(release::isEnabled), Boolean.TRUE::equals);

        robot.pressAndReleaseKey(KeyEvent.VK_L, Gui.oldMask(InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK));
        JButton ok = waitForButton(messages.get("dashboard.release.ok"));
        javax.swing.JTextField reason = robot.finder().find(new GenericTypeMatcher<javax.swing.JTextField>(javax.swing.JTextField.class, true) {
            @Override
            protected boolean isMatching(javax.swing.JTextField f) {
                java.awt.Window w = javax.swing.SwingUtilities.getWindowAncestor(f);
                return w != null && "dashboard.releaseDialog".equals(w.getName());
            }
        });
        GuiActionRunner.execute(() -> reason.setText("komputer loket 2 mati"));
        clickUntil(ok, "the release dialog closed", () -> !GuiActionRunner.execute(ok::isShowing));

        waitFor("the release said", WAIT, () -> label("dashboard.status"), t -> t.contains(held.queueNumber().toString()) && t.contains("loket 2"));
        id.loket.casefile.model.CaseFile after = app.cases().find(TestSessions.reader(app.caseWork(Clock.systemUTC()).db()), held.caseRef()).orElseThrow();
        assertThat(after.counter()).as("no counter holds it").isNull();
        assertThat(after.status()).as("the case keeps its step").isEqualTo(held.status());
        assertThat(app.cases().history(TestSessions.reader(app.caseWork(Clock.systemUTC()).db()), held.caseRef()))
                .anySatisfy(h -> assertThat(h.action().name()).isEqualTo("RELEASE"));
        waitFor("counter 2 no longer serving", WAIT, () -> GuiActionRunner.execute(() -> rowOf(counters, "2")), r -> r < 0
                || GuiActionRunner.execute(() -> String.valueOf(counters.getValueAt(rowOf(counters, "2"), 3))).isEmpty());
    }

    /** The row of {@code counter} in the dashboard's counters table, -1 if it has none. Call on the event-dispatch thread. */
    private static int rowOf(JTable counters, String counter) {
        for (int r = 0; r < counters.getRowCount(); r++) {
            if (counter.equals(String.valueOf(counters.getValueAt(r, 0))) && !String.valueOf(counters.getValueAt(r, 3)).isEmpty()) {
                return r;
            }
        }
        return -1;
    }

    @Test
    void theReportCatalogueListsTheShippedReportsAndPreviewsOneForADate() throws Exception {
        openDesk();
        logIn("supervisor");
        robot.pressAndReleaseKey(KeyEvent.VK_R, Gui.oldMask(InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK));
        JList<?> list = waitForShowing("reports.list", JList.class);
        assertThat(GuiActionRunner.execute(() -> list.getModel().getSize())).isEqualTo(app.reportCatalog().size()).isGreaterThanOrEqualTo(6);

        // A date that is no date: said in words, nothing rendered.
        javax.swing.JTextField date = robot.finder().findByName("reports.date", javax.swing.JTextField.class, true);
        GuiActionRunner.execute(() -> date.setText("28/11"));
        JButton preview = robot.finder().findByName("reports.preview", JButton.class, true);
        // A click Xvfb lost under load is given again, only while the screen shows nothing happened.
        for (int tries = 0; tries < 3 && !label("reports.status").contains("28/11"); tries++) {
            if (tries < 2) {
                robot.click(preview);
            } else {
                // clicks keep getting lost: give the dialog focus and use its documented key instead
                robot.focusAndWaitForFocusGain(date);
                robot.pressAndReleaseKey(KeyEvent.VK_ENTER);
            }
            try {
                waitFor("the refusal", Duration.ofSeconds(10), () -> label("reports.status"), t -> t.contains("28/11"));
            } catch (org.assertj.swing.exception.WaitTimedOutError lost) {
                // the status is still empty: the click did not arrive
            }
        }
        waitFor("the refusal", WAIT, () -> label("reports.status"), t -> t.contains("28/11"));

        GuiActionRunner.execute(() -> date.setText(today.toString()));
        clickUntil(robot.finder().findByName("reports.preview", JButton.class, true), "the report's preview opened", () -> {
            robot.finder().findByName("printPreview.page", JLabel.class, true);
            return true;
        });
        waitFor("the report's preview", WAIT, () -> {
            JLabel page = robot.finder().findByName("printPreview.page", JLabel.class, true);
            return GuiActionRunner.execute(() -> page.getIcon() != null);
        }, Boolean.TRUE::equals);
        closePreview();
        JButton close = robot.finder().findByName("reports.close", JButton.class, true);
        clickUntil(close, "the catalogue closed", () -> !GuiActionRunner.execute(list::isShowing));
    }

    private <T extends Component> T waitForShowing(String name, Class<T> type) {
        Object[] found = new Object[1];
        waitFor(name + " on screen", WAIT, () -> {
            try {
                found[0] = robot.finder().findByName(name, type, true);
                return true;
            } catch (org.assertj.swing.exception.ComponentLookupException e) {
                return false;
            }
        }, Boolean.TRUE::equals);
        return type.cast(found[0]);
    }

    @Test
    void aCounterOfficerIsNotOfferedTheDashboard() throws Exception {
        openDesk();
        logIn("petugas1");
        JMenuItem item = robot.finder().findByName("menu.dashboard", JMenuItem.class, false);
        assertThat(GuiActionRunner.execute(item::isEnabled)).isFalse();
        JMenuItem reportsItem = robot.finder().findByName("menu.reports", JMenuItem.class, false);
        assertThat(GuiActionRunner.execute(reportsItem::isEnabled)).isFalse();
        ctrl(KeyEvent.VK_D);
        robot.waitForIdle();
        Pause.pause(500);
        assertThat(robot.finder().findAll(new GenericTypeMatcher<Dialog>(Dialog.class, true) {
            @Override
            protected boolean isMatching(Dialog d) {
                return "dashboard".equals(d.getName());
            }
        })).isEmpty();
    }

    // ---- helpers ----

    /** Closes the print preview by its Close button. */
    private void closePreview() {
        JButton closePreview = robot.finder().findByName("printPreview.close", JButton.class, true);
        clickUntil(closePreview, "the preview closed", () -> !GuiActionRunner.execute(closePreview::isShowing));
    }

    /**
     * Clicks {@code button} with the robot and waits for {@code done}. Under a loaded Xvfb a click
     * on a modal dialog sometimes never arrives (seen with a stack dump: the event-dispatch thread
     * idle in the dialog's loop, waiting for an event); then, and only while {@code done} is still
     * false, the button is pressed through Swing itself, so the test goes on to what it is about.
     */
    private void clickUntil(JButton button, String what, Supplier<Boolean> done) {
        robot.click(button);
        try {
            Gui.waitFor(what, Duration.ofSeconds(10), done, Boolean.TRUE::equals);
            return;
        } catch (org.assertj.swing.exception.WaitTimedOutError lost) {
            // the click did not arrive
        }
        boolean already;
        try {
            already = done.get();
        } catch (RuntimeException notYet) {
            already = false;
        }
        if (!already) {
            javax.swing.SwingUtilities.invokeLater(button::doClick);
        }
        waitFor(what, WAIT, done, Boolean.TRUE::equals);
    }

    /** Where the event-dispatch thread is now: what a window that does not answer clicks is waiting for. */
    private static String eventThreadStack() {
        StringBuilder b = new StringBuilder();
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (t.getName().startsWith("AWT-EventQueue")) {
                b.append(t.getName()).append(' ').append(t.getState()).append('\n');
                for (StackTraceElement e : stack) {
                    b.append("    at ").append(e).append('\n');
                }
            }
        });
        return b.toString();
    }

    private String tile(String key) {
        return label("dashboard.tile." + key);
    }

    private String label(String name) {
        JLabel l = robot.finder().findByName(name, JLabel.class, true);
        return GuiActionRunner.execute(l::getText);
    }

    private JButton waitForButton(String text) {
        JButton[] found = new JButton[1];
        waitFor("the button " + text, WAIT, () -> {
            java.util.Collection<Component> all = robot.finder().findAll(new GenericTypeMatcher<Component>(Component.class, true) {
                @Override
                protected boolean isMatching(Component c) {
                    return c instanceof JButton b && text.equals(b.getText());
                }
            });
            found[0] = all.isEmpty() ? null : (JButton) all.iterator().next();
            return found[0] != null;
        }, Boolean.TRUE::equals);
        return found[0];
    }

    private void ctrl(int key) {
        robot.pressAndReleaseKey(key, Gui.oldMask(InputEvent.CTRL_DOWN_MASK));
        robot.waitForIdle();
    }

    /** AssertJ Swing's robot reads the older *_MASK modifier values. */
    private static <T> void waitFor(String what, Duration timeout, Supplier<T> current, Predicate<T> ok) {
        try {
            Gui.waitFor(what, timeout, current, ok);
        } catch (org.assertj.swing.exception.WaitTimedOutError late) {
            late.addSuppressed(new AssertionError("the event-dispatch thread was at:\n" + eventThreadStack()));
            throw late;
        }
    }

}
