package id.loket.app;

import id.loket.testing.Gui;
import static id.loket.testing.Gui.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import id.loket.app.ui.DemoControls;
import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.appointment.model.ServiceType;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.DocumentCheck;
import id.loket.casefile.model.Requirement;
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
import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.FontMetrics;
import java.awt.GraphicsEnvironment;
import java.awt.Insets;
import java.awt.KeyboardFocusManager;
import java.awt.Rectangle;
import java.awt.Window;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import javax.swing.AbstractButton;
import javax.swing.CellRendererPane;
import javax.swing.Icon;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JMenuItem;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JViewport;
import javax.swing.ListCellRenderer;
import javax.swing.SwingUtilities;
import javax.swing.plaf.basic.BasicHTML;
import javax.swing.plaf.basic.BasicRadioButtonUI;
import javax.swing.table.JTableHeader;
import javax.swing.table.TableCellRenderer;
import javax.swing.table.TableColumn;
import javax.swing.text.View;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.GenericTypeMatcher;
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
 * Every screen of the desk read whole on a 1366×768 counter monitor, at 100 % and at 150 % text:
 * the real desk (H2 file, the simulator over HTTP, the background sync) is walked through the
 * counter with the day's queue, the check-in card, one case at each of its steps, the print
 * preview, F1, the walk-in form, and as supervisor the dashboard, the conflicts and the reports.
 * On each screen every showing label, button, table header and table cell (of the columns that
 * must be read whole, see {@link #MAY_BE_CUT}) is measured with its own font metrics against the
 * room it has, and every window against the screen. All cuts of the walk are listed at the end.
 * Needs a display of exactly 1366×768 ({@code xvfb-run -a -s "-screen 0 1366x768x24"}).
 * Screenshots of the open case (light and dark) are left in {@code target/layout/}.
 */
class LayoutFitGuiTest {

    private static final String OFFICE = "DPS";
    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    private static final int PER_DAY = 120;
    private static final long SEED = 2026;
    private static final String OFFICER = "petugas1";
    private static final String SUPERVISOR = "supervisor";
    private static final Dimension SCREEN = new Dimension(1366, 768);
    private static final Duration FIRST_PULL = Duration.ofSeconds(60);
    private static final Duration STEP = Duration.ofSeconds(20);
    /** How long a window that shows something cut is looked at again before the cut counts (it may still be laid out). */
    private static final Duration SETTLE = Duration.ofSeconds(3);

    /**
     * Table columns (table name → column header key) that may be narrower than their text, and why.
     * Only the queue's name: {@code QueuePanel.fitColumns} gives it what is left after the columns
     * of {@code QueuePanel.PRIORITY} that fit (the others are hidden, never cut), at least 14
     * characters, and its tooltip shows the whole name. Every other column must be read whole.
     */
    private static final Map<String, Set<String>> MAY_BE_CUT = Map.of("queue.table", Set.of("queue.column.name"));

    @TempDir
    Path data;

    private final Messages messages = Messages.forLanguage("id");
    private final CountDownLatch closed = new CountDownLatch(1);
    private LocalDate today;
    private CentralSimulator sim;
    private DemoControls demo;
    private AppContext app;
    private Robot robot;
    private FrameFixture window;
    /** Every cut found on the walk, in the order found (a cut seen on two screens is listed once per screen). */
    private final Set<String> cuts = new LinkedHashSet<>();
    private int percent;

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
            // the theme is the JVM's: the next test starts from the default look
            GuiActionRunner.execute(() -> Theme.apply(false, 100));
        }
    }

    @Test
    void everyScreenIsReadWholeAt1366x768WithTextAt100Percent() throws Exception {
        walk(100);
    }

    @Test
    void everyScreenIsReadWholeAt1366x768WithTextAt150Percent() throws Exception {
        walk(150);
    }

    private void walk(int textPercent) throws Exception {
        percent = textPercent;
        try {
            walkEveryScreen();
        } catch (Exception | AssertionError e) {
            shot("failed-" + percent);
            e.addSuppressed(new AssertionError("focus was on " + GuiActionRunner.execute(() -> {
                Component owner = KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
                return owner == null ? null : describe(owner) + " in " + SwingUtilities.getWindowAncestor(owner);
            })));
            throw e;
        }
    }

    private void walkEveryScreen() throws Exception {
        Rectangle screen = GraphicsEnvironment.getLocalGraphicsEnvironment().getMaximumWindowBounds();
        assertThat(screen.getSize()).as("the display this test measures against (xvfb-run -s \"-screen 0 1366x768x24\")")
                .isEqualTo(SCREEN);
        openDesk();
        logIn(OFFICER);
        waitFor("the desk fills the screen", STEP, () -> GuiActionRunner.execute(() -> window.target().getSize()), SCREEN::equals);
        waitForQueue();
        check("the counter with the day's queue");

        Appointment booking = longest(booked(a -> a.service() == ServiceType.RENEWAL && adult(a) && paid(a)));
        key(KeyEvent.VK_F2);
        waitUntilFocused("the scan field", "scan.field");
        robot.enterText(booking.bookingCode());
        key(KeyEvent.VK_ENTER);
        waitFor("the check-in card", STEP, () -> textOf("scan.checkedIn.number"), "A-001"::equals);
        check("the check-in card after a scan");

        // The case checked in, opened from the queue: Ctrl+F, its code, Enter, Enter.
        key(KeyEvent.VK_F, InputEvent.CTRL_DOWN_MASK);
        waitUntilFocused("the queue search", "queue.search");
        robot.enterText(booking.bookingCode());
        key(KeyEvent.VK_ENTER);
        waitUntilFocused("the queue", "queue.table");
        key(KeyEvent.VK_ENTER);
        waitForCase(CaseStatus.CHECKED_IN);
        check("a case checked in");
        List<Integer> primaryAt = new ArrayList<>();

        // F6 calls the next applicant (this one) with the focus inside the queue/case split: the split pane's own F6
        // (move focus) is released again after the look (text size) was applied at sign-in
        key(KeyEvent.VK_F6);
        waitForCase(CaseStatus.IN_VERIFICATION);
        waitUntilFocused("the checklist", "case.checklist");
        check("a case in verification, with its checklist");
        primaryAt.add(primaryButtonX());
        shot("case-" + percent + "-light");
        GuiActionRunner.execute(() -> Theme.apply(true, percent));
        robot.waitForIdle();
        check("a case in verification, dark");
        shot("case-" + percent + "-dark");
        GuiActionRunner.execute(() -> Theme.apply(false, percent));
        robot.waitForIdle();

        markEverythingNeeded(booking);
        key(KeyEvent.VK_ENTER, InputEvent.CTRL_DOWN_MASK);
        waitForCase(CaseStatus.VERIFIED);
        waitUntilFocused("the interview button", "case.interview");
        check("a case verified");
        primaryAt.add(primaryButtonX());
        key(KeyEvent.VK_I, InputEvent.CTRL_DOWN_MASK);
        waitForCase(CaseStatus.INTERVIEWED);
        waitUntilFocused("the approve button", "case.approve");
        primaryAt.add(primaryButtonX());
        key(KeyEvent.VK_A, InputEvent.CTRL_DOWN_MASK);
        waitForCase(CaseStatus.APPROVED);
        waitUntilFocused("the issue-receipt button", "case.issue_receipt");
        check("a case approved");
        primaryAt.add(primaryButtonX());
        shot("approved-" + percent);
        // (a pixel of layout rounding is no jump)
        if (primaryAt.stream().mapToInt(Integer::intValue).max().orElse(0) - primaryAt.stream().mapToInt(Integer::intValue).min().orElse(0) > 1) {
            cuts.add("[the case's steps] the button Enter stands for moves between steps: at x " + primaryAt);
        }

        key(KeyEvent.VK_ENTER);
        waitForPreview();
        check("the print preview");
        key(KeyEvent.VK_ESCAPE);
        waitUntilGone("printPreview");
        waitForCase(CaseStatus.RECEIPT_ISSUED);

        key(KeyEvent.VK_F1);
        waitUntilShowing("help.dialog");
        check("F1 help");
        key(KeyEvent.VK_ESCAPE);
        waitUntilGone("help.dialog");

        key(KeyEvent.VK_W, InputEvent.CTRL_DOWN_MASK);
        waitUntilShowing("walkin.name");
        check("the walk-in form");
        key(KeyEvent.VK_ESCAPE);
        waitUntilGone("walkin.name");

        Appointment conflicting = aConflict(booking);

        key(KeyEvent.VK_L, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK);
        waitUntilShowing("login.username");
        logIn(SUPERVISOR);

        key(KeyEvent.VK_K, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK);
        JTable conflicts = waitUntilShowing("conflicts.table");
        waitFor("the conflict of " + conflicting.bookingCode() + " listed", STEP,
                () -> GuiActionRunner.execute(conflicts::getRowCount), n -> n >= 1);
        waitFor("its two sides shown", STEP, () -> textOf("conflicts.held"), t -> !t.isBlank());
        check("the conflicts dialog");
        key(KeyEvent.VK_ESCAPE);
        waitUntilGone("conflicts");

        key(KeyEvent.VK_R, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK);
        JList<?> reports = waitUntilShowing("reports.list");
        waitFor("the reports listed", STEP, () -> GuiActionRunner.execute(() -> reports.getModel().getSize()), n -> n > 0);
        check("the reports dialog");
        key(KeyEvent.VK_ESCAPE);
        waitUntilGone("reports");

        // the dashboard last: a window of its own, closed it leaves the desk without focus under Xvfb (no window manager)
        key(KeyEvent.VK_D, InputEvent.CTRL_DOWN_MASK);
        waitFor("the dashboard's figures", STEP, () -> textOf("dashboard.tile.arrivals"), t -> t.matches("\\d+"));
        check("the supervisor's dashboard");
        key(KeyEvent.VK_ESCAPE);
        waitUntilGone("dashboard");


        assertThat(cuts).as("texts cut and windows larger than the screen at 1366×768, text %d %%", percent).isEmpty();
    }

    // ---- the desk ----

    private void openDesk() throws Exception {
        Clock clock = Clock.system(WITA);
        today = LocalDate.now(WITA);
        String token = "layout-test-office-token";
        sim = new CentralSimulator(new CentralStore(SEED, Set.of(OFFICE), PER_DAY, WITA, clock), token, clock).start(0);
        app = AppContext.open(data, clock, messages);
        TestSessions.account(app.caseWork(Clock.systemUTC()).db(), OFFICER, "Ni Luh Putu Ayu Lestari", Role.COUNTER);
        TestSessions.account(app.caseWork(Clock.systemUTC()).db(), SUPERVISOR, "Ketut Sudarsana", Role.SUPERVISOR);
        // each officer's text size as chosen in the View menu before: the desk applies it at sign-in
        for (Session s : List.of(TestSessions.staff(OFFICER, Role.COUNTER, "1"), TestSessions.staff(SUPERVISOR, Role.SUPERVISOR, "1"))) {
            TestSessions.register(app.caseWork(Clock.systemUTC()).db(), s);
            app.lookPreferences().save(s, new Look(false, percent));
        }
        app.pcSettings().put(SettingsRepository.COUNTER, "1");
        robot = BasicRobot.robotWithNewAwtHierarchy();
        demo = DemoCommand.controls(sim);
        Desk desk;
        try {
            desk = Desk.open(app, new CentralClient(CentralClient.Config.of(sim.baseUrl(), token)), OFFICE,
                    Optional.of(demo), "id", closed::countDown);
        } catch (RuntimeException e) {
            app.close();
            throw e;
        }
        window = new FrameFixture(robot, desk.frame());
    }

    private void logIn(String username) {
        window.textBox("login.username").deleteText().enterText(username);
        window.textBox("login.password").deleteText().enterText(TestSessions.PASSWORD);
        Gui.submitSignIn(window.textBox("login.password"));
        JComponent screen = robot.finder().findByName("counter.screen", JComponent.class, false);
        waitFor("the counter screen after login", STEP, () -> GuiActionRunner.execute(screen::isShowing), Boolean.TRUE::equals);
        waitFor(username + "'s text size applied", STEP, () -> GuiActionRunner.execute(Theme::textPercent), p -> p == percent);
        robot.waitForIdle();
    }

    private void waitForQueue() {
        JTable table = robot.finder().findByName("queue.table", JTable.class, false);
        waitFor("the day's queue", FIRST_PULL, () -> GuiActionRunner.execute(table::getRowCount), n -> n >= PER_DAY);
        robot.waitForIdle();
    }

    /**
     * A conflict with central to show: with central away, another counter checks a booking in,
     * central cancels it meanwhile; central back and synced now (F5), the check-in is refused.
     */
    private Appointment aConflict(Appointment notThis) {
        Appointment b = booked(a -> !a.id().equals(notThis.id()) && a.service() == ServiceType.RENEWAL && adult(a)).get(0);
        demo.takeCentralDown();
        Session counter2 = TestSessions.staff(OFFICER, Role.COUNTER, "2");
        TestSessions.register(app.caseWork(Clock.systemUTC()).db(), counter2);
        app.checkIn(app.clock()).checkIn(b.id(), counter2);
        sim.store().update(b.id(), a -> new Appointment(a.id(), a.version(), a.bookingCode(), a.office(), a.date(),
                a.slotStart(), a.slotEnd(), AppointmentStatus.CANCELLED, a.rescheduledTo(), a.service(), a.passportType(),
                a.validityYears(), a.sameDay(), a.applicant(), a.payment(), a.updatedAt()));
        demo.bringCentralBack();
        long[] lastAsked = {0};
        waitFor("the conflict found by the sync", FIRST_PULL, () -> {
            if (!app.conflicts().open(reader()).isEmpty()) {
                return true;
            }
            if (System.nanoTime() - lastAsked[0] > Duration.ofSeconds(5).toNanos()) {
                lastAsked[0] = System.nanoTime(); // F5, sync now: again only if a sync still under way missed it
                key(KeyEvent.VK_F5);
            }
            return false;
        }, Boolean.TRUE::equals);
        return b;
    }

    /** Marks each document that needs a look verified, in the checklist's order (it moves on by itself). */
    private void markEverythingNeeded(Appointment booking) {
        List<DocumentCheck> docs = app.cases().findByAppointment(reader(), booking.id()).orElseThrow().documents();
        boolean identityDone = false;
        for (DocumentCheck d : docs) {
            if (d.requirement() == Requirement.REQUIRED || (d.requirement() == Requirement.ONE_OF && !identityDone)) {
                identityDone |= d.requirement() == Requirement.ONE_OF;
                String name = messages.name(d.type());
                JTable t = robot.finder().findByName("case.checklist", JTable.class, false);
                waitFor("the checklist on " + name, STEP, () -> GuiActionRunner.execute(
                        () -> t.getSelectedRow() < 0 ? null : String.valueOf(t.getValueAt(t.getSelectedRow(), 0))), name::equals);
                key(KeyEvent.VK_V);
            }
        }
        waitFor("the checklist complete", STEP, () -> textOf("case.message"), messages.get("counter.checklist.complete")::equals);
    }

    // ---- measuring ----

    /** Measures every showing window now and adds what is cut to {@link #cuts}. */
    /**
     * Records what is cut or off the screen in the windows showing now. A window still being laid
     * out (a dialog sized again once its rows arrived, on a loaded machine) is looked at again
     * for a few seconds: only what stays cut is recorded.
     */
    private void check(String where) throws InterruptedException {
        long until = System.nanoTime() + SETTLE.toNanos();
        List<String> found = cutsNow();
        while (!found.isEmpty() && System.nanoTime() < until) {
            Thread.sleep(250);
            found = cutsNow();
        }
        for (String f : found) {
            cuts.add("[" + where + ", text " + percent + " %] " + f);
        }
    }

    private List<String> cutsNow() {
        robot.waitForIdle();
        return GuiActionRunner.execute(() -> {
            List<String> out = new ArrayList<>();
            for (Window w : Window.getWindows()) {
                if (!w.isShowing()) {
                    continue;
                }
                Rectangle b = w.getBounds();
                if (b.width > SCREEN.width || b.height > SCREEN.height || b.x < 0 || b.y < 0
                        || b.x + b.width > SCREEN.width || b.y + b.height > SCREEN.height) {
                    out.add("window " + describe(w) + " " + b.width + "×" + b.height + " at " + b.x + "," + b.y + " is not within the screen");
                }
                walkTree(w, out);
            }
            return out;
        });
    }

    private static void walkTree(Component c, List<String> out) {
        if (!c.isShowing() || c instanceof CellRendererPane) {
            return;
        }
        if (c instanceof JLabel l) {
            labelCut(l, l.getText(), l.isEnabled() ? l.getIcon() : l.getDisabledIcon(), l.getIconTextGap(), true)
                    .ifPresent(why -> out.add("label " + describe(l) + " «" + l.getText() + "» " + why));
        } else if (c instanceof AbstractButton b && !(c instanceof JMenuItem)) {
            labelCut(b, b.getText(), buttonIcon(b), b.getIconTextGap(), true)
                    .ifPresent(why -> out.add("button " + describe(b) + " «" + b.getText() + "» " + why));
        } else if (c instanceof JTable t) {
            tableCuts(t, out);
        } else if (c instanceof JList<?> list) {
            listCuts(list, out);
        } else if (c instanceof JScrollPane s && s.getViewport().getView() != null
                && "case.identity".equals(s.getViewport().getView().getName()) && s.getVerticalScrollBar().isShowing()) {
            out.add("the applicant's data (case.identity) scrolls: " + s.getViewport().getView().getPreferredSize().height
                    + " px high in " + s.getViewport().getHeight() + " px");
        }
        if (c instanceof Container k) {
            for (Component child : k.getComponents()) {
                walkTree(child, out);
            }
        }
    }

    private static Icon buttonIcon(AbstractButton b) {
        Icon icon = b.isEnabled() ? b.getIcon() : b.getDisabledIcon();
        if (icon == null && b.getUI() instanceof BasicRadioButtonUI r) {
            return r.getDefaultIcon(); // a check box's or radio button's box
        }
        return icon;
    }

    /**
     * Why {@code c} (a label, a button, or a renderer given its cell's bounds) does not show
     * {@code text} whole, or empty. A plain text is laid out as Swing paints it: cut when Swing
     * would end it with "…", or when the line is taller than the room, or when a container (not
     * a scrolling viewport) hides part of it. An HTML text wraps where it may: cut when its
     * longest word does not fit the width, or its lines not the height.
     */
    private static Optional<String> labelCut(JComponent c, String text, Icon icon, int gap, boolean inTree) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Insets in = c.getInsets();
        Rectangle viewR = new Rectangle(in.left, in.top, c.getWidth() - in.left - in.right, c.getHeight() - in.top - in.bottom);
        Object html = c.getClientProperty(BasicHTML.propertyKey);
        if (html instanceof View v) {
            int iconW = icon == null ? 0 : icon.getIconWidth() + gap;
            float minWidth = v.getMinimumSpan(View.X_AXIS);
            if (minWidth > viewR.width - iconW + 0.5f) {
                return Optional.of("needs " + Math.round(minWidth + iconW) + " px wide, has " + viewR.width);
            }
            v.setSize(Math.max(0, viewR.width - iconW), Math.max(0, viewR.height));
            float height = v.getPreferredSpan(View.Y_AXIS);
            if (height > viewR.height + 0.5f) {
                return Optional.of("needs " + Math.round(height) + " px high at its width " + (viewR.width - iconW) + ", has " + viewR.height);
            }
            return inTree ? hiddenByContainer(c, new Rectangle(viewR)) : Optional.empty();
        }
        FontMetrics fm = c.getFontMetrics(c.getFont());
        Rectangle iconR = new Rectangle();
        Rectangle textR = new Rectangle();
        int vAlign;
        int hAlign;
        int vPos;
        int hPos;
        if (c instanceof JLabel l) {
            vAlign = l.getVerticalAlignment();
            hAlign = l.getHorizontalAlignment();
            vPos = l.getVerticalTextPosition();
            hPos = l.getHorizontalTextPosition();
        } else {
            AbstractButton b = (AbstractButton) c;
            vAlign = b.getVerticalAlignment();
            hAlign = b.getHorizontalAlignment();
            vPos = b.getVerticalTextPosition();
            hPos = b.getHorizontalTextPosition();
        }
        String shown = SwingUtilities.layoutCompoundLabel(c, fm, text, icon, vAlign, hAlign, vPos, hPos, viewR, iconR, textR, gap);
        if (!shown.equals(text)) {
            return Optional.of("shown as «" + shown + "»: needs " + (fm.stringWidth(text) + in.left + in.right
                    + (icon == null ? 0 : icon.getIconWidth() + gap)) + " px wide, has " + c.getWidth());
        }
        // the glyphs (not the line's leading, not the border's padding) must fit the height
        if (fm.getAscent() + fm.getDescent() > c.getHeight()) {
            return Optional.of("needs " + (fm.getAscent() + fm.getDescent()) + " px high, has " + c.getHeight());
        }
        return inTree ? hiddenByContainer(c, textR.union(icon == null ? textR : iconR)) : Optional.empty();
    }

    /** Whether a container (up to the window or a scrolling viewport) hides part of {@code r} (in {@code c}'s coordinates). */
    private static Optional<String> hiddenByContainer(Component c, Rectangle r) {
        Rectangle rect = new Rectangle(r);
        Component at = c;
        while (at.getParent() != null && !(at instanceof Window)) {
            rect.translate(at.getX(), at.getY());
            Container parent = at.getParent();
            if (parent instanceof JViewport) {
                return Optional.empty();
            }
            Rectangle room = new Rectangle(0, 0, parent.getWidth(), parent.getHeight());
            if (!room.contains(rect)) {
                return Optional.of("is hidden in part by " + describe(parent) + " (" + rect.width + "×" + rect.height + " at "
                        + rect.x + "," + rect.y + " in " + room.width + "×" + room.height + ")");
            }
            at = parent;
        }
        return Optional.empty();
    }

    private static void tableCuts(JTable t, List<String> out) {
        JTableHeader header = t.getTableHeader();
        Set<String> mayBeCut = MAY_BE_CUT.getOrDefault(t.getName(), Set.of());
        for (int col = 0; col < t.getColumnCount(); col++) {
            TableColumn tc = t.getColumnModel().getColumn(col);
            if (header != null && header.isShowing()) {
                TableCellRenderer hr = tc.getHeaderRenderer() != null ? tc.getHeaderRenderer() : header.getDefaultRenderer();
                Component r = hr.getTableCellRendererComponent(t, tc.getHeaderValue(), false, false, -1, col);
                Rectangle cell = header.getHeaderRect(col);
                cellCut(r, cell).ifPresent(why -> out.add("table " + describe(t) + " header «" + tc.getHeaderValue() + "» " + why));
            }
            if (t.getName() == null || mayBeCut.contains(headerKey(t, tc))) {
                continue;
            }
            Rectangle whole = t.getCellRect(0, col, true);
            if (whole.x + whole.width > t.getWidth()) {
                // wider than the table (its columns' minimum widths exceed its room): cut off, with no scroll bar to reach it
                out.add("table " + describe(t) + " column «" + tc.getHeaderValue() + "» ends at " + (whole.x + whole.width)
                        + " px, beyond the table's " + t.getWidth() + " px");
                continue;
            }
            Set<String> seen = new java.util.HashSet<>();
            for (int row = 0; row < t.getRowCount(); row++) {
                Component r = t.prepareRenderer(t.getCellRenderer(row, col), row, col);
                Rectangle cell = t.getCellRect(row, col, false);
                Optional<String> why = cellCut(r, cell);
                String text = r instanceof JLabel l ? l.getText() : String.valueOf(t.getValueAt(row, col));
                if (why.isPresent() && seen.add(text)) {
                    out.add("table " + describe(t) + " column «" + tc.getHeaderValue() + "» cell «" + text + "» " + why.get());
                }
            }
        }
    }

    /** The message key of a column's header, where the test knows it; else the header's text. */
    private static String headerKey(JTable t, TableColumn tc) {
        if ("queue.table".equals(t.getName()) && Messages.forLanguage("id").get("queue.column.name").equals(String.valueOf(tc.getHeaderValue()))) {
            return "queue.column.name";
        }
        return String.valueOf(tc.getHeaderValue());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void listCuts(JList list, List<String> out) {
        ListCellRenderer renderer = list.getCellRenderer();
        int width = list.getParent() instanceof JViewport v ? Math.min(list.getWidth(), v.getWidth()) : list.getWidth();
        for (int i = 0; i < list.getModel().getSize(); i++) {
            Object value = list.getModel().getElementAt(i);
            Component r = renderer.getListCellRendererComponent(list, value, i, false, false);
            Rectangle cell = list.getCellBounds(i, i);
            if (cell == null) {
                continue;
            }
            cell.width = Math.min(cell.width, width);
            int index = i;
            cellCut(r, cell).ifPresent(why -> out.add("list " + describe(list) + " item " + index + " «"
                    + (r instanceof JLabel l ? l.getText() : value) + "» " + why));
        }
    }

    /** A renderer given the bounds of its cell, measured as a label. */
    private static Optional<String> cellCut(Component r, Rectangle cell) {
        if (!(r instanceof JLabel l)) {
            Dimension pref = r.getPreferredSize();
            return pref.width > cell.width ? Optional.of("needs " + pref.width + " px, has " + cell.width) : Optional.empty();
        }
        l.setBounds(0, 0, cell.width, cell.height);
        // an HTML renderer text needs its view sized again
        return labelCut(l, l.getText(), l.isEnabled() ? l.getIcon() : l.getDisabledIcon(), l.getIconTextGap(), false);
    }

    private static String describe(Component c) {
        String name = c.getName();
        if (name != null && !name.startsWith("frame") && !name.startsWith("dialog") && !name.startsWith("win")) {
            return name;
        }
        StringBuilder path = new StringBuilder(c.getClass().getSimpleName());
        for (Component p = c.getParent(); p != null; p = p.getParent()) {
            if (p.getName() != null && !(p instanceof Window)) {
                return path.append(" in ").append(p.getName()).toString();
            }
        }
        return path.toString();
    }

    /** The x of the button Enter stands for, on the screen. */
    private int primaryButtonX() {
        return GuiActionRunner.execute(() -> {
            Component owner = KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
            if (owner instanceof JButton b) {
                return b.getLocationOnScreen().x;
            }
            // in the checklist: the filled button
            return robot.finder().findAll(window.target(), new GenericTypeMatcher<>(JButton.class, true) {
                @Override
                protected boolean isMatching(JButton b) {
                    return b.getName() != null && b.getName().startsWith("case.") && b.getClientProperty("FlatLaf.style") != null;
                }
            }).stream().map(b -> b.getLocationOnScreen().x).min(Comparator.naturalOrder()).orElse(-1);
        });
    }

    /** Leaves a PNG of the screen in {@code target/layout/}. */
    private void shot(String name) throws Exception {
        robot.waitForIdle();
        BufferedImage image = new java.awt.Robot().createScreenCapture(new Rectangle(SCREEN));
        Path dir = Path.of("target", "layout");
        Files.createDirectories(dir);
        ImageIO.write(image, "png", dir.resolve(name + ".png").toFile());
    }

    // ---- reading the screen ----

    private Appointment longest(List<Appointment> found) {
        // the case with the most to show: the longest name among the married (their checklist is the longest)
        return found.stream().sorted(Comparator.comparing((Appointment a) -> !a.applicant().married())
                .thenComparing(a -> -a.applicant().fullName().length())).findFirst().orElseThrow();
    }

    private List<Appointment> booked(Predicate<Appointment> which) {
        List<Appointment> found = sim.store().latest(OFFICE, today).stream()
                .filter(a -> a.status() == AppointmentStatus.BOOKED).filter(which).toList();
        assertThat(found).as("bookings of the day that fit").isNotEmpty();
        return found;
    }

    private static boolean paid(Appointment a) {
        return a.payment() != null && a.payment().status() == id.loket.appointment.model.PaymentStatus.PAID;
    }

    private static boolean adult(Appointment a) {
        return a.applicant().guardians().isEmpty() && Period.between(a.applicant().birthDate(), a.date()).getYears() >= 17;
    }

    private void waitForCase(CaseStatus status) {
        waitFor("the case panel shows A-001 " + status, STEP,
                () -> textOf("case.number") + " " + textOf("case.status"), ("A-001 " + messages.name(status))::equals);
        robot.waitForIdle();
    }

    private void waitForPreview() {
        waitFor("the print preview with its page", Duration.ofSeconds(30), () -> {
            JLabel page = robot.finder().findByName("printPreview.page", JLabel.class, true);
            JButton print = robot.finder().findByName("printPreview.print", JButton.class, true);
            return GuiActionRunner.execute(() -> page.getIcon() != null && print.isEnabled());
        }, Boolean.TRUE::equals);
        robot.waitForIdle();
    }

    private <T extends Component> T waitUntilShowing(String name) {
        Object[] found = new Object[1];
        waitFor(name + " on screen", STEP, () -> {
            found[0] = GuiActionRunner.execute(() -> showingNamed(name));
            return found[0] != null;
        }, Boolean.TRUE::equals);
        robot.waitForIdle();
        @SuppressWarnings("unchecked")
        T c = (T) found[0];
        return c;
    }

    private void waitUntilGone(String name) {
        waitFor(name + " closed", STEP, () -> GuiActionRunner.execute(() -> showingNamed(name) == null), Boolean.TRUE::equals);
        robot.waitForIdle();
    }

    private static Component showingNamed(String name) {
        for (Window w : Window.getWindows()) {
            Component c = named(w, name);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private static Component named(Component c, String name) {
        if (!c.isShowing()) {
            return null;
        }
        if (name.equals(c.getName())) {
            return c;
        }
        if (c instanceof Container k) {
            for (Component child : k.getComponents()) {
                Component f = named(child, name);
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    private String textOf(String name) {
        return GuiActionRunner.execute(() -> {
            Component c = showingNamed(name);
            if (c == null) {
                c = robot.finder().findByName(name, Component.class, false);
            }
            if (c instanceof JLabel l) {
                return l.getText();
            }
            if (c instanceof javax.swing.text.JTextComponent t) {
                return t.getText();
            }
            if (c instanceof AbstractButton b) {
                return b.getText();
            }
            return String.valueOf(c);
        });
    }

    /** Presses a key; modifiers as {@code InputEvent.*_DOWN_MASK} (translated for AssertJ Swing's robot). */
    private void key(int keyCode, int... modifiers) {
        Gui.key(robot, keyCode, modifiers);
    }

    private void waitUntilFocused(String what, String name) {
        Gui.waitUntilFocused(what, name, STEP);
    }


    private Session reader() {
        return TestSessions.reader(app.caseWork(Clock.systemUTC()).db());
    }
}
