package id.loket.app;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.central.CentralClient;
import id.loket.central.sim.CentralSimulator;
import id.loket.central.sim.CentralStore;
import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import id.loket.staff.model.Role;
import id.loket.testing.ChildJvm;
import id.loket.testing.Gui;
import id.loket.testing.TestSessions;
import java.awt.Frame;
import java.awt.event.KeyEvent;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.finder.JOptionPaneFinder;
import org.assertj.swing.finder.WindowFinder;
import org.assertj.swing.fixture.FrameFixture;
import org.assertj.swing.fixture.JOptionPaneFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Pause;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the desk starts (issue "fast at office scale": the sign-in window before the database):
 * the sign-in window is on screen while the database is still opening behind it, a sign-in
 * sent meanwhile waits and says so, and the desk replaces the window once someone is in; an
 * opening that fails is said in one line and in a message, then the desk ends with exit code 1;
 * a display that refuses the connection ends {@code demo} at once with one line. Real H2 file,
 * the simulator over loopback; needs a display (run under {@code xvfb-run -a}).
 */
class DeskStartGuiTest {

    private static final String OFFICE = "DPS";
    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    private static final String OFFICER = "petugas1";

    @TempDir
    Path data;

    private final Messages messages = Messages.forLanguage("id");
    private final CountDownLatch mayOpen = new CountDownLatch(1);
    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    private final AtomicReference<AppContext> opened = new AtomicReference<>();
    private CentralSimulator sim;
    private Robot robot;

    @BeforeEach
    void setUp() throws Exception {
        Clock clock = Clock.system(WITA);
        sim = new CentralSimulator(new CentralStore(2026, Set.of(OFFICE), 40, WITA, clock), "start-token", clock).start(0);
        robot = BasicRobot.robotWithNewAwtHierarchy();
    }

    @AfterEach
    void tearDown() {
        mayOpen.countDown();
        robot.cleanUp();
        sim.close();
        AppContext app = opened.get();
        if (app != null && !exitCode.isDone()) {
            app.close();
        }
    }

    /** The real opening of a desk (an H2 file with an account), held until the test lets it go on. */
    private Desk.Workplace openWhenAllowed() throws Exception {
        assertThat(mayOpen.await(60, TimeUnit.SECONDS)).as("the test let the opening go on").isTrue();
        Clock clock = Clock.system(WITA);
        AppContext app = AppContext.open(data, clock, messages);
        opened.set(app);
        TestSessions.account(app.caseWork(clock).db(), OFFICER, "Ni Luh Putu Ayu Lestari", Role.COUNTER);
        app.settings().put(id.loket.settings.repo.SettingsRepository.COUNTER, "1");
        return new Desk.Workplace(app, new CentralClient(CentralClient.Config.of(sim.baseUrl(), "start-token")), OFFICE,
                Optional.empty());
    }

    @Test
    void theSignInWindowIsUpBeforeTheDatabaseOpensAndASignInSentMeanwhileWaitsForIt() throws Exception {
        Desk.Starting starting = Desk.start(data, "id", Desk.Foreknown.NOTHING, this::openWhenAllowed, err, exitCode::complete);

        FrameFixture signIn = new FrameFixture(robot, starting.window());
        signIn.requireVisible();
        assertThat(signIn.target().getName()).isEqualTo("signIn");
        assertThat(starting.desk()).as("the database is still opening").isNotDone();
        signIn.textBox("login.username").requireEnabled().enterText(OFFICER);
        signIn.textBox("login.password").requireEnabled().enterText(TestSessions.PASSWORD).pressAndReleaseKeys(KeyEvent.VK_ENTER);
        Pause.pause(new Condition("the sign-in says it waits for the database") {
            @Override
            public boolean test() {
                return messages.get("login.opening").equals(GuiActionRunner.execute(() -> signIn.label("login.error").target().getText()));
            }
        }, 10_000);
        assertThat(starting.desk()).isNotDone();

        mayOpen.countDown();
        FrameFixture desk = WindowFinder.findFrame("desk").withTimeout(60_000).using(robot);
        desk.requireVisible();
        Pause.pause(new Condition("the officer is signed in at the desk") {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(() -> desk.label("desk.user").target().getText()).contains("Ni Luh Putu Ayu Lestari");
            }
        }, 30_000);
        assertThat(GuiActionRunner.execute(() -> starting.window().isDisplayable())).as("the sign-in window is gone").isFalse();
        assertThat(GuiActionRunner.execute(() -> desk.target().getTitle())).isEqualTo(messages.get("app.title", opened.get().office().name()));

        desk.close();
        assertThat(exitCode.get(60, TimeUnit.SECONDS)).as("a desk closed by its officer ends with 0").isZero();
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void anOpeningThatFailsIsSaidInOneLineAndInAMessageAndEndsTheDeskWithOne() throws Exception {
        mayOpen.countDown();
        Desk.Starting starting = Desk.start(data, "id", Desk.Foreknown.NOTHING, () -> {
            throw new UserFacingException("staff.none", data);
        }, err, exitCode::complete);

        JOptionPaneFixture message = JOptionPaneFinder.findOptionPane().withTimeout(30_000).using(robot);
        String expected = messages.get("staff.none", data);
        message.requireErrorMessage().requireMessage(expected);
        assertThat(exitCode).as("the desk waits for the officer to read it").isNotDone();
        assertThat(errBytes.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(expected);

        Gui.clickUntil(message.okButton(), "OK on the message", exitCode::isDone, java.time.Duration.ofSeconds(10));
        assertThat(exitCode.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        assertThat(GuiActionRunner.execute(() -> starting.window().isDisplayable())).isFalse();
    }

    @Test
    void closingTheSignInWindowWhileTheDatabaseOpensClosesTheDatabaseOnceItIsOpen() throws Exception {
        Desk.Starting starting = Desk.start(data, "id", Desk.Foreknown.NOTHING, this::openWhenAllowed, err, exitCode::complete);
        FrameFixture signIn = new FrameFixture(robot, starting.window());
        signIn.close();
        assertThat(exitCode).as("nothing ends before the opening is over").isNotDone();

        mayOpen.countDown();
        assertThat(exitCode.get(60, TimeUnit.SECONDS)).isZero();
        assertNoDeskAndTheFolderFree();
    }

    @Test
    void aSignInSentBeforeTheWindowWasClosedOpensNoDeskAndTheDatabaseIsClosed() throws Exception {
        Desk.Starting starting = Desk.start(data, "id", Desk.Foreknown.NOTHING, this::openWhenAllowed, err, exitCode::complete);
        FrameFixture signIn = new FrameFixture(robot, starting.window());
        signIn.textBox("login.username").enterText(OFFICER);
        signIn.textBox("login.password").enterText(TestSessions.PASSWORD).pressAndReleaseKeys(KeyEvent.VK_ENTER);
        signIn.textBox("login.password").pressAndReleaseKeys(KeyEvent.VK_ENTER);
        signIn.close();

        mayOpen.countDown();
        assertThat(exitCode.get(60, TimeUnit.SECONDS)).isZero();
        Pause.pause(1_000);
        assertNoDeskAndTheFolderFree();
    }

    /** No desk window came up, and the folder is free again: its database was closed, not left open. */
    private void assertNoDeskAndTheFolderFree() {
        assertThat(GuiActionRunner.execute(() -> List.of(Frame.getFrames()).stream().anyMatch(f -> f.isShowing() && "desk".equals(f.getName()))))
                .as("no desk window came up").isFalse();
        try (AppContext again = AppContext.open(data, Clock.system(WITA), messages)) {
            assertThat(again.auth().hasAccounts()).isTrue();
        }
    }

    @Test
    void theSignInWindowInTheDemoNamesTheOfficeAndShowsTheTrainingBandAtOnce() throws Exception {
        Desk.Starting starting = Desk.start(data, "id", new Desk.Foreknown("Kantor Imigrasi Uji", true), this::openWhenAllowed, err,
                exitCode::complete);
        FrameFixture signIn = new FrameFixture(robot, starting.window());

        assertThat(GuiActionRunner.execute(() -> signIn.label("login.office").target().getText())).isEqualTo("Kantor Imigrasi Uji");
        signIn.label("desk.training").requireVisible();
        assertThat(starting.desk()).isNotDone();
        signIn.close();
        mayOpen.countDown();
        assertThat(exitCode.get(60, TimeUnit.SECONDS)).isZero();
    }

    /** {@code loket demo} where the display refuses the connection: one line, exit code 1, within seconds, nothing left running. */
    @Test
    void aDisplayThatRefusesEndsTheDemoWithOneLine() throws Exception {
        String display = unusedDisplay();
        Process child = ChildJvm.start(data.resolve("child"), List.of(), Map.of("DISPLAY", display),
                "--data", data.resolve("demo").toString(), "--lang", "en", "demo");
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("demo ended by itself").isTrue();
        String errText = Files.readString(data.resolve("child").resolve("err.txt"), StandardCharsets.UTF_8);
        assertThat(child.exitValue()).as(errText).isEqualTo(1);
        assertThat(errText.lines().toList()).containsExactly(Messages.forLanguage("en").get("desk.displayRefused", display));
        assertThat(data.resolve("demo").resolve("loket.mv.db")).as("nothing was opened").doesNotExist();
    }

    /** A display number no X server listens on here. */
    private static String unusedDisplay() {
        for (int n = 190; n < 400; n++) {
            if (!Files.exists(Path.of("/tmp/.X11-unix/X" + n)) && !Files.exists(Path.of("/tmp/.X" + n + "-lock"))) {
                return ":" + n;
            }
        }
        throw new IllegalStateException("no unused display number");
    }
}
