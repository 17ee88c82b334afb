package id.loket.app;

import id.loket.testing.Gui;
import static org.assertj.core.api.Assertions.assertThat;

import id.loket.central.CentralClient;
import id.loket.central.sim.CentralSimulator;
import id.loket.central.sim.CentralStore;
import id.loket.common.i18n.Messages;
import id.loket.common.ui.Theme;
import id.loket.settings.repo.SettingsRepository;
import id.loket.staff.model.Look;
import id.loket.staff.model.Role;
import id.loket.staff.model.Session;
import id.loket.testing.TestSessions;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.swing.JComponent;
import javax.swing.JMenuItem;
import javax.swing.SwingUtilities;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An officer's look of the desk, chosen in the View menu (Tampilan: dark, text size), is theirs:
 * the real desk on an H2 file keeps it with their account, applies it again at their next
 * sign-in, and never to another officer signing in at the same desk.
 */
class LookRememberedGuiTest {

    private static final String OFFICE = "DPS";
    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    private static final String OFFICER = "petugas1";
    private static final String SUPERVISOR = "supervisor";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path data;

    private final Messages messages = Messages.forLanguage("id");
    private final CountDownLatch closed = new CountDownLatch(1);
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
            GuiActionRunner.execute(() -> Theme.apply(false, 100));
        }
    }

    @Test
    void theLookChosenInTheViewMenuComesBackAtTheOfficersNextSignInAndNotForAnother() throws Exception {
        Clock clock = Clock.system(WITA);
        String token = "look-test-token";
        sim = new CentralSimulator(new CentralStore(7, Set.of(OFFICE), 20, WITA, clock), token, clock).start(0);
        app = AppContext.open(data, clock, messages);
        TestSessions.account(app.caseWork(Clock.systemUTC()).db(), OFFICER, "Ni Luh Putu Ayu Lestari", Role.COUNTER);
        TestSessions.account(app.caseWork(Clock.systemUTC()).db(), SUPERVISOR, "Ketut Sudarsana", Role.SUPERVISOR);
        app.pcSettings().put(SettingsRepository.COUNTER, "1");
        // what the officer chose some day before: 125 % text, light
        Session officer = TestSessions.staff(OFFICER, Role.COUNTER, "1");
        TestSessions.register(app.caseWork(Clock.systemUTC()).db(), officer);
        app.lookPreferences().save(officer, new Look(false, 125));
        robot = BasicRobot.robotWithNewAwtHierarchy();
        Desk desk = Desk.open(app, new CentralClient(CentralClient.Config.of(sim.baseUrl(), token)), OFFICE,
                Optional.empty(), "id", closed::countDown);
        window = new FrameFixture(robot, desk.frame());

        logIn(OFFICER);
        // applied at sign-in (read off the event-dispatch thread: seen applied before anything is chosen)
        waitForLook("the officer's look of last time", new Look(false, 125));
        assertThat(selected("menu.view.text.125")).as("the View menu shows 125 %").isTrue();
        choose("menu.view.text.150");
        waitForLook("150 % chosen", new Look(false, 150));
        choose("menu.view.dark");
        waitForLook("dark chosen", new Look(true, 150));
        waitFor("the look kept with the officer's account", () -> app.lookPreferences().of(officer), new Look(true, 150)::equals);

        logOut();
        logIn(SUPERVISOR);
        waitForLook("the supervisor's own (default) look", Look.DEFAULT);
        assertThat(selected("menu.view.text.100")).as("the View menu shows 100 %").isTrue();
        assertThat(selected("menu.view.dark")).as("the View menu shows light").isFalse();
        Session supervisor = TestSessions.staff(SUPERVISOR, Role.SUPERVISOR, "1");
        TestSessions.register(app.caseWork(Clock.systemUTC()).db(), supervisor);
        assertThat(app.lookPreferences().of(supervisor)).as("nothing written for the supervisor").isEqualTo(Look.DEFAULT);

        logOut();
        logIn(OFFICER);
        waitForLook("the officer's look back at the next sign-in", new Look(true, 150));
        assertThat(selected("menu.view.text.150")).as("the View menu shows 150 %").isTrue();
        assertThat(selected("menu.view.dark")).as("the View menu shows dark").isTrue();
    }

    private void logIn(String username) {
        window.textBox("login.username").deleteText().enterText(username);
        window.textBox("login.password").deleteText().enterText(TestSessions.PASSWORD);
        Gui.submitSignIn(window.textBox("login.password"));
        JComponent screen = robot.finder().findByName("counter.screen", JComponent.class, false);
        waitFor("the counter screen after login", () -> GuiActionRunner.execute(screen::isShowing), Boolean.TRUE::equals);
    }

    @SuppressWarnings("deprecation")
    private void logOut() {
        robot.pressAndReleaseKey(KeyEvent.VK_L, InputEvent.CTRL_MASK | InputEvent.SHIFT_MASK);
        JComponent field = robot.finder().findByName("login.username", JComponent.class, false);
        waitFor("the login after logging out", () -> GuiActionRunner.execute(field::isShowing), Boolean.TRUE::equals);
    }

    /** Chooses a View menu item as the officer does (menu opened, item clicked). */
    private void choose(String name) {
        JMenuItem item = robot.finder().findByName(name, JMenuItem.class, false);
        boolean before = selected(name);
        window.menuItem(name).click();
        try {
            Gui.waitFor(name + " chosen", Duration.ofSeconds(10), () -> selected(name), s -> s != before);
        } catch (org.assertj.swing.exception.WaitTimedOutError lost) {
            // a click a loaded Xvfb lost: the item is chosen through Swing, only while nothing happened
            if (selected(name) == before) {
                SwingUtilities.invokeLater(item::doClick);
            }
        }
        robot.pressAndReleaseKey(KeyEvent.VK_ESCAPE); // menus closed, whatever the click left open
    }

    private boolean selected(String name) {
        JMenuItem item = robot.finder().findByName(name, JMenuItem.class, false);
        return GuiActionRunner.execute(item::isSelected);
    }

    private void waitForLook(String what, Look look) {
        waitFor(what, () -> GuiActionRunner.execute(() -> new Look(Theme.dark(), Theme.textPercent())), look::equals);
    }

    private static <T> void waitFor(String what, Supplier<T> current, Predicate<T> ok) {
        Gui.waitFor(what, WAIT, current, ok);
    }

}
