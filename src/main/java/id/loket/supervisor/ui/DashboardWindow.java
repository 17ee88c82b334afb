package id.loket.supervisor.ui;

import com.formdev.flatlaf.FlatClientProperties;
import id.loket.staff.model.Session;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import id.loket.common.ui.Dates;
import id.loket.common.ui.Keys;
import id.loket.common.ui.Reload;
import id.loket.common.live.ChangeFeed;
import id.loket.common.ui.Tasks;
import id.loket.document.PaperSize;
import id.loket.printing.PrintMemory;
import id.loket.printing.PrintingService;
import id.loket.printing.ui.PrintPreviewDialog;
import id.loket.queue.model.QueueEntry;
import id.loket.queue.service.QueueService;
import id.loket.supervisor.model.CounterRow;
import id.loket.supervisor.model.Dashboard;
import id.loket.supervisor.model.DayClosing;
import id.loket.supervisor.model.HourRow;
import id.loket.supervisor.service.CloseDayService;
import id.loket.supervisor.service.DashboardService;
import id.loket.sync.model.SyncStatus;
import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.Timer;
import javax.swing.UIManager;
import javax.swing.WindowConstants;
import javax.swing.table.DefaultTableModel;
import net.miginfocom.swing.MigLayout;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartPanel;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor's day at a glance, read again as soon as anything changes at any counter (the
 * database's change feed; a slow safety read every minute besides): counts by status,
 * arrivals and served by hour against the slot plan (a chart), current and longest waits,
 * every counter of the office (who is signed in there and since when, whom it serves by queue
 * number and since when, how many it served), the cases waiting for the
 * supervisor's approval (Enter opens one at the counter screen), open conflicts, central's
 * backlog; and closing the day. Only a supervisor opens it; the services refuse anyone else
 * too.
 */
public final class DashboardWindow extends JDialog {

    private static final Logger LOG = LoggerFactory.getLogger(DashboardWindow.class);
    /**
     * The safety read: the change feed tells every change, so this only covers what it could not
     * (a clock that moved on: the waits grow without any change).
     */
    static final int REFRESH_MS = 60_000;

    /** What the dashboard reads and does. */
    public record Services(DashboardService dashboard, CloseDayService closeDay, QueueService queue, String office, ZoneId zone,
            Supplier<LocalDate> today, Session supervisor, PrintingService printing, PrintMemory printMemory,
            Supplier<SyncStatus> central, ChangeFeed changes) {
    }

    /** What the dashboard asks the desk to do. */
    public interface Actions {
        /** Shows the case at the counter screen (the supervisor approves or rejects it there). */
        void openCase(String caseRef);

        /** The sync conflicts dialog. */
        void showConflicts();

        /** The daily summary of the date as PDF for a paper size, if the report catalogue has it. */
        Optional<Function<PaperSize, byte[]>> dailySummary(LocalDate date);

        /**
         * Releases the case a counter holds (its desk stopped): any counter may then go on with it.
         * Touches the database. None: this desk cannot (no button is shown).
         */
        default Optional<CaseRelease> release() {
            return Optional.empty();
        }

        /** The waiting-room display's running text, if this desk can reach it (none: no field is shown). */
        default Optional<RunningText> runningText() {
            return Optional.empty();
        }
    }

    /** Releases a case held at a counter, as the supervisor, with the reason given (may be empty). */
    public interface CaseRelease {
        void release(String caseRef, String reason);
    }

    /** The running text of the waiting-room display: read and set (as the supervisor); both touch the database. */
    public interface RunningText {
        String get();

        /** Sets it; answers the text as saved. */
        String set(String text);
    }

    private final Messages m;
    private final Services s;
    private final Actions actions;
    private final Tasks tasks = new Tasks("dashboard");
    private final Timer timer;
    private final Map<String, JLabel> tiles = new LinkedHashMap<>();
    private final DefaultCategoryDataset hours = new DefaultCategoryDataset();
    private final DefaultTableModel counters;
    private final JTable countersTable;
    private final JTable statusTable;
    /** The case each row of the counters table holds (null: none), in the table's order. */
    private final List<CounterRow> counterRows = new java.util.ArrayList<>();
    private JButton release;
    private final DefaultTableModel statuses;
    private final DefaultTableModel approvals;
    private final JTable approvalsTable;
    private final List<String> approvalRefs = new ArrayList<>();
    private final JLabel updated = new JLabel(" ");
    private final JLabel status = new JLabel(" ");
    private final JButton closeDay;
    private final Reload<Read> reload;
    private ChangeFeed.Subscription subscription;

    private DashboardWindow(Window owner, Messages m, Services s, Actions actions) {
        super(owner, m.get("dashboard.title"), ModalityType.MODELESS);
        this.m = m;
        this.s = s;
        this.actions = actions;
        setName("dashboard");
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);

        List<JPanel> allTiles = new ArrayList<>();
        int widest = 0;
        for (String key : List.of("booked", "arrivals", "notYetArrived", "noShows", "served", "waitingNow", "meanWait", "longestWait", "approvals", "conflicts",
                "backlog", "central")) {
            JPanel t = tile(key);
            allTiles.add(t);
            widest = Math.max(widest, t.getPreferredSize().width);
        }
        // six tiles a row where their words fit the screen whole, else four, else three (large text on a small screen)
        int room = id.loket.common.ui.Screens.usableBounds(owner).width - 2 * 16;
        int perRow = 6 * widest + 5 * 8 <= room ? 6 : 4 * widest + 3 * 8 <= room ? 4 : 3;
        JPanel tilesRow = new JPanel(new MigLayout("insets 0, gap 8, fillx, wrap " + perRow, "[sg t, grow, fill]", "[]"));
        allTiles.forEach(tilesRow::add);

        JFreeChart chart = ChartFactory.createBarChart(m.get("dashboard.chart.title"), m.get("dashboard.chart.hour"),
                m.get("dashboard.chart.people"), hours, PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(UIManager.getColor("Panel.background"));
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(UIManager.getColor("Table.background"));
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, new Color(0xB0BEC5));
        bars.setSeriesPaint(1, new Color(0x1E88E5));
        bars.setSeriesPaint(2, new Color(0x43A047));
        ChartPanel chartPanel = new ChartPanel(chart, false, false, false, false, false);
        chartPanel.setName("dashboard.chart");
        chartPanel.setPreferredSize(new Dimension(520, 240));
        chartPanel.setMinimumDrawWidth(100);
        chartPanel.setMinimumDrawHeight(100);

        counters = model("dashboard.col.counter", "dashboard.col.signedIn", "dashboard.col.signedInSince", "dashboard.col.now",
                "dashboard.col.servingSince", "dashboard.col.officer", "dashboard.col.served");
        statuses = model("dashboard.col.status", "dashboard.col.count");
        approvals = model("dashboard.col.number", "dashboard.col.name", "dashboard.col.service");
        countersTable = table(counters, "dashboard.counters");
        countersTable.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        statusTable = table(statuses, "dashboard.statuses");
        approvalsTable = table(approvals, "dashboard.approvals");
        approvalsTable.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        Keys.bind(approvalsTable, JComponent.WHEN_FOCUSED, KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "open", this::openApproval);

        JButton refresh = button("dashboard.refresh", "F5", this::refresh);
        JButton conflicts = button("dashboard.conflicts", "Ctrl+Shift+K", actions::showConflicts);
        closeDay = button("dashboard.closeDay", "Ctrl+Shift+E", this::closeDay);
        JButton close = button("dashboard.close", "Esc", this::dispose);
        JRootPaneKeys.bind(this, refresh, conflicts, closeDay, close);

        JPanel content = new JPanel(new MigLayout("insets 16, fill, gap 12", "[grow 60, fill][grow 40, fill]", "[][grow, fill][grow 60, fill][]"));
        content.add(tilesRow, "span, growx, wrap");
        content.add(chartPanel, "grow");
        JPanel countersSection = new JPanel(new MigLayout("insets 0, fill, wrap 1", "[grow, fill]", "[grow, fill][]"));
        countersSection.add(new JScrollPane(countersTable), "grow");
        actions.release().ifPresent(r -> {
            release = button("dashboard.release", "Ctrl+Shift+L", () -> releaseSelected(r));
            release.setName("dashboard.release");
            release.setEnabled(false);
            countersTable.getSelectionModel().addListSelectionListener(e -> release.setEnabled(selectedHeldCase() != null));
            Keys.bind(getRootPane(), JComponent.WHEN_IN_FOCUSED_WINDOW, KeyStroke.getKeyStroke(KeyEvent.VK_L,
                    KeyEvent.CTRL_DOWN_MASK | KeyEvent.SHIFT_DOWN_MASK), "release", release::doClick);
            countersSection.add(release, "growx 0, align right");
        });
        content.add(section("dashboard.counters", countersSection), "grow, wrap");
        content.add(section("dashboard.approvals", new JScrollPane(approvalsTable)), "grow");
        content.add(section("dashboard.statuses", new JScrollPane(statusTable)), "grow, wrap");
        JPanel bottom = new JPanel(new MigLayout("insets 0, fillx", "[grow][][][][]", "[]"));
        updated.setName("dashboard.updated");
        status.setName("dashboard.status");
        JPanel words = new JPanel(new MigLayout("insets 0, wrap 1, gap 0", "[grow]", "[][]"));
        words.add(status, "wmin 0");
        words.add(updated, "wmin 0");
        // the words on a row of their own, read whole; the buttons below them on the right
        bottom.add(words, "span, growx, wmin 0, wrap");
        bottom.add(refresh, "skip 1");
        bottom.add(conflicts);
        bottom.add(closeDay);
        bottom.add(close);
        actions.runningText().ifPresent(text -> content.add(runningTextRow(text), "span, growx, wrap"));
        content.add(bottom, "span, growx");
        setContentPane(content);

        reload = new Reload<>(tasks, () -> {
            LocalDate date = s.today().get();
            return new Read(s.dashboard().today(date, s.supervisor()), s.queue().day(s.supervisor(), s.office(), date));
        }, r -> show(r.dashboard(), r.day()), this::problem);
        timer = new Timer(REFRESH_MS, e -> refresh());
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                timer.stop();
                if (subscription != null) {
                    subscription.close();
                }
                tasks.stop();
            }
        });
    }

    /** Opens the dashboard beside the desk; it reads its figures at once and every few seconds. */
    public static DashboardWindow open(Window owner, Messages m, Services s, Actions actions) {
        DashboardWindow w = new DashboardWindow(owner, m, s, actions);
        w.pack();
        // As large as it wants, never larger than the screen it opens on (the buttons stay in sight).
        java.awt.Rectangle screen = w.getGraphicsConfiguration().getBounds();
        java.awt.Insets edges = java.awt.Toolkit.getDefaultToolkit().getScreenInsets(w.getGraphicsConfiguration());
        int maxW = screen.width - edges.left - edges.right - 40;
        int maxH = screen.height - edges.top - edges.bottom - 40;
        w.setSize(Math.min(Math.max(w.getWidth(), 1000), maxW), Math.min(Math.max(w.getHeight(), 640), maxH));
        w.setLocationRelativeTo(owner);
        w.setVisible(true);
        w.approvalsTable.requestFocusInWindow();
        w.refresh();
        w.timer.start();
        if (s.changes() != null) {
            // every watched table concerns the dashboard: cases, bookings, sign-ins, the outbox, conflicts
            w.subscription = s.changes().subscribe(c -> w.refresh());
        }
        return w;
    }

    // ---- reading ----

    /**
     * Reads the figures again (off the event-dispatch thread; any thread may ask): asked while a
     * read runs, it reads once more after it, however often it was asked.
     */
    public void refresh() {
        reload.request();
    }

    private record Read(Dashboard dashboard, List<QueueEntry> day) {
    }

    private void show(Dashboard d, List<QueueEntry> day) {
        set("booked", Integer.toString(d.booked()));
        set("arrivals", Integer.toString(d.arrivals()));
        set("notYetArrived", Integer.toString(d.counts().notYetArrived()));
        set("noShows", Integer.toString(d.counts().noShows()));
        set("served", Integer.toString(d.served()));
        set("waitingNow", minutes(d.longestWaitingNow()));
        set("meanWait", minutes(d.meanWaitToday()));
        set("longestWait", minutes(d.longestWaitToday()));
        set("approvals", Integer.toString(d.pendingApprovals()));
        set("conflicts", Integer.toString(d.openConflicts()));
        set("backlog", Integer.toString(d.backlog().waiting()));
        SyncStatus link = s.central().get();
        set("central", m.get("dashboard.central." + link.connectivity().name()));
        tiles.get("central").setToolTipText(link.lastFailure().orElse(null));

        String slotted = m.get("dashboard.chart.slotted");
        String arrived = m.get("dashboard.chart.arrived");
        String served = m.get("dashboard.chart.served");
        hours.clear();
        for (HourRow h : d.byHour()) {
            String hour = String.format("%02d", h.hour());
            hours.addValue(h.slotted(), slotted, hour);
            hours.addValue(h.arrived(), arrived, hour);
            hours.addValue(h.served(), served, hour);
        }

        String selectedCounter = countersTable.getSelectedRow() < 0 || countersTable.getSelectedRow() >= counterRows.size() ? null
                : counterRows.get(countersTable.getSelectedRow()).counter();
        counters.setRowCount(0);
        counterRows.clear();
        counterRows.addAll(d.counters());
        for (CounterRow c : d.counters()) {
            counters.addRow(new Object[] {c.counter(), c.signedIn() == null ? "" : c.signedIn(), time(c.signedInSince()),
                c.currentQueueNumber() == null ? "" : c.currentQueueNumber(), time(c.servingSince()), c.officer() == null ? "" : c.officer(),
                c.served()});
        }
        for (int i = 0; i < counterRows.size(); i++) {
            if (counterRows.get(i).counter().equals(selectedCounter)) {
                countersTable.setRowSelectionInterval(i, i); // the selection survives the refresh
            }
        }
        if (release != null) {
            release.setEnabled(selectedHeldCase() != null);
        }
        statuses.setRowCount(0);
        d.byStatus().forEach((st, n) -> statuses.addRow(new Object[] {m.name(st), n}));

        String selected = approvalsTable.getSelectedRow() < 0 ? null : approvalRefs.get(approvalsTable.getSelectedRow());
        approvals.setRowCount(0);
        approvalRefs.clear();
        for (QueueEntry e : day) {
            CaseFile c = e.caseFile();
            if (c != null && c.status() == CaseStatus.APPROVAL_PENDING) {
                approvals.addRow(new Object[] {c.queueNumber().toString(), c.applicant().fullName(), m.get("service." + c.service().name())});
                approvalRefs.add(c.caseRef());
            }
        }
        int keep = selected == null ? 0 : Math.max(0, approvalRefs.indexOf(selected));
        if (!approvalRefs.isEmpty()) {
            approvalsTable.setRowSelectionInterval(keep, keep);
        }
        updated.setText(m.get(s.changes() == null ? "dashboard.updated" : "dashboard.updatedLive", Dates.time(d.at(), s.zone())));
        fitTables();
    }

    /** Every table's columns as wide as what they show now, at the text size now: read whole, scrolled sideways if need be. */
    private void fitTables() {
        for (JTable t : List.of(countersTable, statusTable, approvalsTable)) {
            id.loket.common.ui.Tables.fitToContent(t);
        }
    }

    private String time(java.time.OffsetDateTime t) {
        return t == null ? "" : Dates.time(t, s.zone());
    }

    private String minutes(Duration d) {
        return m.get("dashboard.minutes", Math.max(0, d.toMinutes()));
    }

    // ---- doing ----

    /** The counter row selected, if it holds a case. */
    private CounterRow selectedHeldCase() {
        int row = countersTable.getSelectedRow();
        if (row < 0 || row >= counterRows.size()) {
            return null;
        }
        CounterRow c = counterRows.get(row);
        return c.currentCaseRef() == null ? null : c;
    }

    /**
     * Releases the case the selected counter holds, after saying what it does and asking why
     * (optional): for a desk that stopped with an applicant in hand. The case keeps its step and
     * any counter may go on with it.
     */
    private void releaseSelected(CaseRelease r) {
        CounterRow c = selectedHeldCase();
        if (c == null) {
            return;
        }
        String who = c.signedIn() != null ? c.signedIn() : c.officer() != null ? c.officer() : "-";
        Optional<String> reason = id.loket.common.ui.PromptDialog.ask(this, "dashboard.releaseDialog", m.get("dashboard.release.title"),
                m.get("dashboard.release.intro", c.currentQueueNumber(), c.counter(), who), m.get("dashboard.release.reason"), "", 30,
                text -> text.length() > 500 ? m.get("release.reasonTooLong", 500) : null, m.get("dashboard.release.ok"),
                m.get("counter.dialog.cancel"));
        if (reason.isEmpty()) {
            return;
        }
        tasks.run(() -> {
            r.release(c.currentCaseRef(), reason.get());
            return c;
        }, done -> {
            status.setText(m.get("dashboard.released", done.currentQueueNumber(), done.counter()));
            status.putClientProperty(FlatClientProperties.STYLE, "foreground: $Label.foreground");
            refresh();
        }, this::problem);
    }

    private void openApproval() {
        int row = approvalsTable.getSelectedRow();
        if (row < 0 || row >= approvalRefs.size()) {
            return;
        }
        actions.openCase(approvalRefs.get(row));
    }

    /**
     * Closing the day: what closing would do (no-shows to record, cases still open), asked
     * once; then the no-shows are recorded, with their events for central, and the daily
     * summary's print preview opens.
     */
    private void closeDay() {
        LocalDate date = s.today().get();
        closeDay.setEnabled(false);
        info(m.get("dashboard.closing.reading"));
        tasks.run(() -> s.closeDay().preview(date, s.supervisor()), preview -> {
            closeDay.setEnabled(true);
            info(" ");
            javax.swing.JTextField reason = new javax.swing.JTextField(40);
            reason.setName("dashboard.closing.reason");
            JPanel question = closingQuestion(date, preview, reason);
            Object[] options = {m.get("dashboard.closing.ok"), m.get("dashboard.closing.cancel")};
            int answer = JOptionPane.showOptionDialog(this, question, m.get("dashboard.closeDay"), JOptionPane.OK_CANCEL_OPTION,
                    JOptionPane.QUESTION_MESSAGE, null, options, options[1]);
            if (answer == 0) {
                doClose(date, preview.early() ? reason.getText() : null);
            }
        }, e -> {
            closeDay.setEnabled(true);
            problem(e);
        });
    }

    /**
     * What closing does, before it is done: how many bookings become no-shows, the open cases
     * and the open sync conflicts by queue number and name; before the last slot ends, a warning
     * and the reason asked for (the service refuses an early closing without one).
     */
    private JPanel closingQuestion(LocalDate date, DayClosing preview, javax.swing.JTextField reason) {
        JPanel p = new JPanel(new MigLayout("insets 0, wrap 1, gap 4", "[grow, fill]"));
        p.setName("dashboard.closingQuestion");
        JLabel head = new JLabel(html(m.get(preview.alreadyClosed() ? "dashboard.closing.again" : "dashboard.closing.confirm",
                Dates.longDate(date, m.locale()), preview.noShows(), preview.open().size())));
        head.setName("dashboard.closing.question");
        p.add(head);
        if (preview.early()) {
            JLabel early = new JLabel(html(m.get("dashboard.closing.early", preview.lastSlotEnd().toString(), preview.noShows())));
            early.setName("dashboard.closing.earlyWarning");
            id.loket.common.ui.Theme.style(early, "error");
            p.add(early, "gaptop 8");
            p.add(new JLabel(m.get("dashboard.closing.reason")), "gaptop 4");
            p.add(reason);
        }
        List<String> lines = new ArrayList<>();
        preview.open().stream().limit(10)
                .forEach(c -> lines.add(c.queueNumber() + "  " + c.name() + " — " + m.name(c.status())));
        if (preview.open().size() > 10) {
            lines.add(m.get("dashboard.closing.more", preview.open().size() - 10));
        }
        if (!lines.isEmpty()) {
            p.add(boldLabel(m.get("dashboard.closing.openCases", preview.open().size())), "gaptop 8");
            p.add(listLabel("dashboard.closing.openCaseList", lines));
        }
        List<String> conflictLines = new ArrayList<>();
        preview.conflicts().stream().limit(10).forEach(c -> conflictLines.add(
                (c.queueNumber() == null ? "" : c.queueNumber() + "  ") + (c.name() == null ? "" : c.name() + " — ")
                        + m.get("enum.ConflictKind." + c.kind())));
        if (preview.conflicts().size() > 10) {
            conflictLines.add(m.get("dashboard.closing.more", preview.conflicts().size() - 10));
        }
        if (!conflictLines.isEmpty()) {
            p.add(boldLabel(m.get("dashboard.closing.openConflicts", preview.conflicts().size())), "gaptop 8");
            p.add(listLabel("dashboard.closing.conflictList", conflictLines));
        }
        return p;
    }

    private static JLabel boldLabel(String text) {
        JLabel l = new JLabel(text);
        id.loket.common.ui.Theme.style(l, "bold");
        return l;
    }

    private static JLabel listLabel(String name, List<String> lines) {
        JLabel l = new JLabel("<html>" + lines.stream().map(DashboardWindow::escape).collect(Collectors.joining("<br>")) + "</html>");
        l.setName(name);
        return l;
    }

    /** A message as HTML at a readable width, its line breaks kept. */
    private static String html(String text) {
        return "<html><div style='width:420px'>" + escape(text).replace("\n", "<br>") + "</div></html>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private void doClose(LocalDate date, String reason) {
        closeDay.setEnabled(false);
        info(m.get("dashboard.closing.working"));
        tasks.run(() -> s.closeDay().close(date, s.supervisor(), reason), (DayClosing done) -> {
            closeDay.setEnabled(true);
            info(m.get("dashboard.closing.done", done.noShows(), done.open().size()));
            refresh();
            actions.dailySummary(date).ifPresent(pdf -> PrintPreviewDialog.show(this, m, pdf,
                    m.get("dashboard.closing.job", s.office(), date.toString()), s.printing(), s.printMemory()));
        }, e -> {
            closeDay.setEnabled(true);
            problem(e);
        });
    }

    // ---- pieces ----

    private JPanel tile(String key) {
        JPanel p = new JPanel(new MigLayout("insets 4 10 4 10, wrap 1, gap 0", "[grow]", "[][]"));
        p.putClientProperty(FlatClientProperties.STYLE, "background: mix($Component.accentColor,$Panel.background,8%); arc: 12");
        JLabel value = new JLabel("–");
        value.setName("dashboard.tile." + key);
        value.putClientProperty(FlatClientProperties.STYLE_CLASS, "h2");
        JLabel label = new JLabel(m.get("dashboard.tile." + key));
        label.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");
        p.add(value);
        p.add(label);
        tiles.put(key, value);
        return p;
    }

    private void set(String key, String value) {
        tiles.get(key).setText(value);
    }

    private DefaultTableModel model(String... keys) {
        Object[] names = new Object[keys.length];
        for (int i = 0; i < keys.length; i++) {
            names[i] = m.get(keys[i]);
        }
        return new DefaultTableModel(names, 0) {
            @Override
            public boolean isCellEditable(int row, int column) {
                return false;
            }
        };
    }

    private JTable table(DefaultTableModel model, String name) {
        JTable t = new JTable(model);
        // a wider or narrower window decides anew whether the columns fit or the table scrolls sideways
        id.loket.common.ui.Tables.keepFittedOnResize(t);
        t.setName(name);
        t.setFillsViewportHeight(true);
        t.getTableHeader().setReorderingAllowed(false);
        return t;
    }

    private JPanel section(String key, JComponent body) {
        JPanel p = new JPanel(new BorderLayout(0, 4));
        JLabel title = new JLabel(m.get(key));
        title.putClientProperty(FlatClientProperties.STYLE_CLASS, "h4");
        p.add(title, BorderLayout.NORTH);
        p.add(body, BorderLayout.CENTER);
        return p;
    }

    private JButton button(String key, String keyText, Runnable run) {
        JButton b = new JButton(m.get(key) + " (" + keyText + ")");
        b.setName(key);
        b.addActionListener(e -> run.run());
        Keys.enterClicks(b);
        return b;
    }

    /** "Teks berjalan di layar ruang tunggu: [ … ] [Simpan teks]": read once when the window opens, saved by the button or Enter. */
    private JPanel runningTextRow(RunningText text) {
        JPanel row = new JPanel(new MigLayout("insets 0, fillx", "[][grow, fill][]", "[]"));
        javax.swing.JTextField field = new javax.swing.JTextField();
        field.setName("dashboard.runningText");
        javax.swing.JLabel label = new javax.swing.JLabel(m.get("display.text.label"));
        label.setLabelFor(field);
        JButton save = new JButton(m.get("display.text.save"));
        save.setName("dashboard.runningText.save");
        Runnable store = () -> {
            save.setEnabled(false);
            String wanted = field.getText();
            tasks.run(() -> text.set(wanted), saved -> {
                save.setEnabled(true);
                field.setText(saved);
                info(m.get("display.text.saved"));
            }, e -> {
                save.setEnabled(true);
                problem(e);
            });
        };
        save.addActionListener(e -> store.run());
        field.addActionListener(e -> store.run());
        tasks.run(text::get, field::setText, this::problem);
        row.add(label);
        row.add(field, "wmin 200");
        row.add(save);
        return row;
    }

    private void info(String text) {
        status.setText(text);
        status.putClientProperty(FlatClientProperties.STYLE, null);
    }

    private void problem(Exception e) {
        String text;
        if (e instanceof UserFacingException u) {
            text = m.of(u);
        } else {
            LOG.error("Dashboard failed", e);
            text = m.get("error.unexpected");
        }
        status.setText(text);
        status.putClientProperty(FlatClientProperties.STYLE, "foreground: $Actions.Red");
    }

    /** The window-wide keys: F5, Ctrl+Shift+K, Ctrl+Shift+E, Esc. */
    private static final class JRootPaneKeys {
        static void bind(DashboardWindow w, JButton refresh, JButton conflicts, JButton closeDay, JButton close) {
            JComponent root = w.getRootPane();
            Keys.bind(root, JComponent.WHEN_IN_FOCUSED_WINDOW, KeyStroke.getKeyStroke(KeyEvent.VK_F5, 0), "refresh", refresh::doClick);
            Keys.bind(root, JComponent.WHEN_IN_FOCUSED_WINDOW, KeyStroke.getKeyStroke(KeyEvent.VK_K,
                    KeyEvent.CTRL_DOWN_MASK | KeyEvent.SHIFT_DOWN_MASK), "conflicts", conflicts::doClick);
            Keys.bind(root, JComponent.WHEN_IN_FOCUSED_WINDOW, KeyStroke.getKeyStroke(KeyEvent.VK_E,
                    KeyEvent.CTRL_DOWN_MASK | KeyEvent.SHIFT_DOWN_MASK), "closeDay", closeDay::doClick);
            Keys.bind(root, JComponent.WHEN_IN_FOCUSED_WINDOW, KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "close", close::doClick);
        }
    }
}
