package id.loket.counter.ui;

import com.formdev.flatlaf.FlatClientProperties;
import id.loket.appointment.model.Appointment;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.DocumentResult;
import id.loket.casefile.model.DocumentType;
import id.loket.checkin.ui.CallAction;
import id.loket.checkin.ui.CallDesk;
import id.loket.checkin.ui.CallNextAction;
import id.loket.checkin.ui.RecallAction;
import id.loket.checkin.ui.ScanBar;
import id.loket.checkin.ui.WalkInAction;
import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import id.loket.common.ui.Edt;
import id.loket.common.ui.FormDialog;
import id.loket.common.ui.Keys;
import id.loket.common.ui.PromptDialog;
import id.loket.common.ui.Reload;
import id.loket.common.ui.StepAction;
import id.loket.common.ui.Tasks;
import id.loket.document.service.DocumentService;
import id.loket.pickup.service.PickupService;
import id.loket.pickup.ui.HandOverDialog;
import id.loket.pickup.ui.MarkReadyAction;
import id.loket.printing.PrintChoice;
import id.loket.printing.ui.PrintPreviewDialog;
import id.loket.queue.model.DayCounts;
import id.loket.queue.model.QueueEntry;
import id.loket.queue.ui.QueuePanel;
import id.loket.queue.ui.QueueReads;
import id.loket.receipt.ui.IssueReceiptAction;
import id.loket.receipt.ui.PrintAgainAction;
import id.loket.staff.model.Role;
import id.loket.staff.model.Session;
import id.loket.verification.service.VerificationService;
import id.loket.verification.ui.ApproveAction;
import id.loket.verification.ui.CaseDesk;
import id.loket.verification.ui.CasePanel;
import id.loket.verification.ui.CaseView;
import id.loket.verification.ui.CaseView.Verb;
import id.loket.verification.ui.FinishAction;
import id.loket.verification.ui.FlagAction;
import id.loket.verification.ui.InterviewAction;
import id.loket.verification.ui.InterviewFlagAction;
import id.loket.verification.ui.RecordNtpnAction;
import id.loket.verification.ui.RejectAction;
import id.loket.verification.ui.ResumeAction;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Window;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.swing.Action;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JMenu;
import javax.swing.JMenuItem;
import javax.swing.JPanel;
import javax.swing.JSplitPane;
import javax.swing.SwingUtilities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The counter screen: scan at the top, today's queue on the left, the case at this counter on
 * the right. Wiring: the state, the meaning of a scan and which steps are possible live in the
 * Swing-free {@link CounterModel}; each verb is one Action class in the feature that owns it
 * (verification, check-in, receipt, pickup ui), named and keyed from {@link Shortcut}, enabled
 * from the model and calling back through {@link Desk}. Every database step runs on the
 * injected {@link Tasks} and comes back here on the event-dispatch thread. After each step the
 * cursor goes where the next input goes: the checklist while documents are checked, the button
 * Enter stands for, or back to the scan field once the case needs nothing more at this counter.
 */
public final class CounterScreen extends JPanel {

    private static final Logger LOG = LoggerFactory.getLogger(CounterScreen.class);
    private static final Set<CaseStatus> RECEIPTED = EnumSet.of(CaseStatus.RECEIPT_ISSUED, CaseStatus.READY_FOR_PICKUP, CaseStatus.HANDED_OVER);

    private final Messages messages;
    private final CounterServices services;
    private final Tasks tasks;
    private final QueuePanel queue;
    private final ScanBar scanBar;
    private final CasePanel casePanel;
    private final JButton counterBadge = new JButton();
    private final Map<Verb, Action> verbs = new EnumMap<>(Verb.class);
    private final Desk desk = new Desk();
    private final Action scan;
    private final Action callNext;
    private final Action recall;
    private final Action walkIn;
    private final Action resumeScanned;
    private final Action counterAction;
    private final Action markReady;
    private final Action help;
    private final Action logOut;

    private final CounterModel model;
    private Runnable onLogOut = () -> { };
    private final Reload<QueueReads.Read> queueReload;
    /** What the next queue read covers: the whole day, or just the cases the change feed named. */
    private final QueueReads queueReads = new QueueReads();
    /** After a failed read of the queue, the next one in this many ms. */
    static final int QUEUE_RETRY_MS = 5_000;
    /** The read after a failed one: each failure restarts it, so never more than one is waiting. */
    private final javax.swing.Timer queueRetry;
    /** The case just checked in at this counter: its line is brought into view once the queue has it. */
    private String revealNext;

    public CounterScreen(Messages messages, CounterServices services, Tasks tasks) {
        super(new BorderLayout());
        this.messages = messages;
        this.services = services;
        this.tasks = tasks;
        this.model = new CounterModel(services, tasks);
        this.queueReload = new Reload<>(tasks, this::readQueue, this::queueLoaded, this::queueFailed);
        this.queueRetry = new javax.swing.Timer(QUEUE_RETRY_MS, e -> {
            if (model.staff() != null) {
                queueReload.request();
            }
        });
        queueRetry.setRepeats(false);
        setName("counter.screen");

        VerificationService verification = services.verification();
        scan = StepAction.of(messages, Shortcut.SCAN, this::focusScan);
        callNext = new CallNextAction(messages, Shortcut.CALL_NEXT, desk, services.checkIn());
        recall = new RecallAction(messages, Shortcut.RECALL, desk, services.checkIn());
        walkIn = new WalkInAction(messages, Shortcut.WALK_IN, desk, services.checkIn());
        resumeScanned = StepAction.of(messages, "counter.action.resume", null, this::resumePending);
        counterAction = StepAction.of(messages, Shortcut.COUNTER, () -> askCounter(false));
        markReady = new MarkReadyAction(messages, Shortcut.MARK_READY, desk, services.paper().pickup(), services.office());
        help = StepAction.of(messages, Shortcut.HELP, this::showHelp);
        logOut = StepAction.of(messages, Shortcut.LOG_OUT, () -> onLogOut.run());
        RejectAction reject = new RejectAction(messages, Shortcut.REJECT, desk, verification);
        verbs.put(Verb.CALL, new CallAction(messages, Shortcut.CALL, desk, services.checkIn()));
        verbs.put(Verb.FINISH, new FinishAction(messages, Shortcut.FINISH, desk, verification, reject));
        verbs.put(Verb.RESUME, new ResumeAction(messages, Shortcut.RESUME, desk, verification));
        verbs.put(Verb.INTERVIEW, new InterviewAction(messages, Shortcut.INTERVIEW, desk, verification));
        verbs.put(Verb.INTERVIEW_FLAG, new InterviewFlagAction(messages, Shortcut.INTERVIEW_FLAG, desk, verification));
        verbs.put(Verb.APPROVE, new ApproveAction(messages, Shortcut.APPROVE, desk, verification));
        verbs.put(Verb.REJECT, reject);
        verbs.put(Verb.FLAG, new FlagAction(messages, Shortcut.FLAG, desk, verification));
        verbs.put(Verb.RECORD_NTPN, new RecordNtpnAction(messages, Shortcut.RECORD_NTPN, desk, verification));
        verbs.put(Verb.ISSUE_RECEIPT, new IssueReceiptAction(messages, Shortcut.ISSUE_RECEIPT, desk, services.paper().receipts(), services.cases()));
        verbs.put(Verb.PRINT_AGAIN, new PrintAgainAction(messages, Shortcut.PRINT_AGAIN, desk));

        queue = new QueuePanel(messages, () -> OffsetDateTime.now(services.clock()));
        queue.onOpen(this::openEntry);
        scanBar = new ScanBar(messages, scan, walkIn, callNext, new ScanBar.Listener() {
            @Override
            public void scanned(String text) {
                CounterScreen.this.scanned(text);
            }

            @Override
            public void chosen(Appointment booking) {
                model.choose(booking);
            }

            @Override
            public boolean undo() {
                return model.undoCheckIn();
            }

            @Override
            public void undoTimedOut() {
                model.settleCheckIn();
            }
        });
        casePanel = new CasePanel(messages, services.zone(), verbs, new CasePanel.Listener() {
            @Override
            public void record(String caseRef, DocumentType type, DocumentResult result, String note) {
                CounterScreen.this.record(caseRef, type, result, note);
            }

            @Override
            public void primary() {
                CounterScreen.this.primary();
            }
        });
        queue.setMinimumSize(new Dimension(320, 200));
        casePanel.setMinimumSize(new Dimension(560, 200));

        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, queue, casePanel) {
            @Override
            public void updateUI() {
                super.updateUI();
                // The split pane's own F6/F8 (move focus, grab the divider) would take the counter's call keys;
                // released again each time the look changes (dark mode, text size), which installs them anew.
                Keys.release(this, Keys.key(KeyEvent.VK_F6), Keys.key(KeyEvent.VK_F8), Shortcut.RECALL.stroke());
                if (getWidth() > 0) {
                    // a new text size shares the width anew: at a large one the open case needs it more than the queue
                    javax.swing.SwingUtilities.invokeLater(() -> setDividerLocation(queueShare()));
                }
            }
        };
        split.setName("counter.split");
        split.setResizeWeight(0.4);
        split.setContinuousLayout(true);
        split.setBorder(null);
        add(scanBar, BorderLayout.NORTH);
        add(split, BorderLayout.CENTER);
        // The queue takes 40% of the width the first time the screen is laid out; then it is the officer's to drag.
        split.addComponentListener(new java.awt.event.ComponentAdapter() {
            @Override
            public void componentResized(java.awt.event.ComponentEvent e) {
                if (split.getWidth() > 0) {
                    // at a large text size the open case needs the width more than the queue does
                    split.setDividerLocation(queueShare());
                    split.removeComponentListener(this);
                }
            }
        });

        counterBadge.setName("desk.counter");
        counterBadge.setAction(counterAction);
        counterBadge.setHideActionText(true);
        counterBadge.putClientProperty(FlatClientProperties.BUTTON_TYPE, FlatClientProperties.BUTTON_TYPE_TOOLBAR_BUTTON);
        counterBadge.putClientProperty(FlatClientProperties.STYLE_CLASS, "h3");
        Keys.bind(this, JComponent.WHEN_IN_FOCUSED_WINDOW, Shortcut.SCAN_ALT.stroke(), "scanAlt", scan);
        model.addListener(new ScanShown());
        showCounter();
        updateActions();
    }

    // ---- what the desk window needs ----

    /** The header's "Counter 3": shows this desk's counter number, and changes it (Ctrl+K). */
    public JComponent counterBadge() {
        return counterBadge;
    }

    /** The Case menu: every step with its key. */
    public JMenu menu() {
        JMenu m = new JMenu(messages.get("counter.menu"));
        m.setName("menu.case");
        m.setMnemonic(KeyEvent.getExtendedKeyCodeForChar(messages.get("counter.menu.mnemonic").charAt(0)));
        for (Action a : List.of(scan, callNext, verbs.get(Verb.CALL), recall, walkIn)) {
            m.add(new JMenuItem(a));
        }
        m.addSeparator();
        for (Verb v : List.of(Verb.FINISH, Verb.INTERVIEW, Verb.INTERVIEW_FLAG, Verb.APPROVE, Verb.REJECT, Verb.FLAG, Verb.RECORD_NTPN, Verb.RESUME)) {
            m.add(new JMenuItem(verbs.get(v)));
        }
        m.addSeparator();
        m.add(new JMenuItem(verbs.get(Verb.ISSUE_RECEIPT)));
        m.add(new JMenuItem(verbs.get(Verb.PRINT_AGAIN)));
        m.add(new JMenuItem(markReady));
        m.addSeparator();
        m.add(new JMenuItem(counterAction));
        return m;
    }

    /** The Help menu: the keys (F1). */
    public JMenu helpMenu() {
        JMenu m = new JMenu(messages.get("counter.helpMenu"));
        m.setMnemonic(KeyEvent.getExtendedKeyCodeForChar(messages.get("counter.helpMenu.mnemonic").charAt(0)));
        m.add(new JMenuItem(help));
        return m;
    }

    /** Logging out (the desk window shows the login again). */
    public Action logOutAction() {
        return logOut;
    }

    public void onLogOut(Runnable r) {
        this.onLogOut = r;
    }

    /** The desk goes on under another session (unlocked, or taken over by a supervisor): nothing on screen changes. */
    public void continueAs(Session who) {
        Edt.check();
        model.continueAs(who);
    }

    /** After login: the queue loads, the case left open at this counter comes back, the cursor waits in the scan field. */
    public void start(Session who) {
        Edt.check();
        casePanel.showEmpty(messages.get("counter.case.emptyHint"));
        scanBar.caseOpen(false);
        scanBar.showIdle();
        Optional<String> saved = services.counter().get();
        model.start(who, saved.orElse("1"));
        String me = who.username();
        String myName = who.fullName() == null || who.fullName().isBlank() ? me : who.fullName();
        casePanel.officerNames(u -> u.equals(me) ? myName : u);
        showCounter();
        updateActions();
        reload();
        scanBar.focusScan();
        if (saved.isEmpty() && who.role() != Role.ADMIN) {
            SwingUtilities.invokeLater(() -> askCounter(true));
        }
    }

    /** Logged out: nothing of the last officer's work stays on screen. */
    public void stop() {
        Edt.check();
        model.stop();
        casePanel.showEmpty(messages.get("counter.case.emptyHint"));
        scanBar.caseOpen(false);
        scanBar.showIdle();
        queue.setEntries(List.of(), DayCounts.NONE);
        updateActions();
    }

    /**
     * Reloads the queue (and the case on screen if it changed): after each step here, and whenever
     * the change feed tells of bookings changed. Coalesced: one read in flight and one pending at
     * most, whoever asks and however often. Any thread may ask.
     */
    public void reload() {
        queueReads.day();
        queueReload.request();
    }

    /**
     * Reads just the lines of these cases again (the change feed told of them alone, at this
     * counter or another): their lines change in place. Coalesced with {@link #reload}; a case
     * without a line yet (a new walk-in) or gone (a check-in undone) makes it read the day.
     */
    public void reloadCases(Set<String> caseRefs) {
        queueReads.cases(caseRefs);
        queueReload.request();
    }

    /** The queue's reload, for tests that count reads (event-dispatch thread). */
    public Reload<QueueReads.Read> queueReload() {
        return queueReload;
    }

    /** The queue's reads of the day and of cases, for tests that count them. */
    public QueueReads queueReads() {
        return queueReads;
    }

    private QueueReads.Read readQueue() {
        Session who = model.staff();
        if (who == null) {
            queueReads.day();
            return null;
        }
        return queueReads.read(services.queue(), who.atCounter(model.counter()), services.office(), today());
    }

    /** Shows a case at this counter (the supervisor's dashboard opens the one awaiting approval). */
    public void show(String caseRef) {
        if (model.staff() == null) {
            return;
        }
        tasks.run(() -> services.cases().find(actor(), caseRef).orElseThrow(() -> new UserFacingException("case.unknown", caseRef)),
                c -> openCase(c, true), err -> casePanel.error(text(err)));
    }

    public void focusScan() {
        if (model.staff() != null) {
            scanBar.focusScan();
        }
    }

    // ---- scan, check-in, walk-in ----

    private void scanned(String text) {
        model.scan(text);
    }

    /** What the model found or did with a scan, shown in the scan bar (event-dispatch thread). */
    private final class ScanShown implements CounterModel.Listener {
        @Override
        public void changed() {
            updateActions();
        }

        @Override
        public void lookingUp() {
            scanBar.showBusy();
        }

        @Override
        public void checkedIn(CounterModel.CheckedIn done) {
            CaseFile c = done.caseFile();
            scanBar.showCheckedIn(c, done.booking(), messages.get("counter.card.note"),
                    java.time.Duration.between(services.clock().instant(), done.until()));
            scanBar.focusScan();
            revealNext = c.caseRef();
            reloadCases(Set.of(c.caseRef()));
        }

        @Override
        public void undone(String bookingCode, String queueNumber) {
            scanBar.showInfo(messages.get("counter.scan.undone", queueNumber, bookingCode));
            casePanel.showEmpty(messages.get("counter.case.emptyHint"));
            scanBar.caseOpen(false);
            scanBar.focusScan();
            reload();
        }

        @Override
        public void held(CaseFile c) {
            CaseView v = new CaseView(c, model.staff().role(), today());
            scanBar.showResume(c, v.missing().stream().map(messages::name).collect(Collectors.joining(", ")), resumeScanned);
        }

        @Override
        public void matches(List<Appointment> bookings) {
            Map<String, QueueEntry> byBooking = queue.entries().stream().filter(e -> e.appointment() != null)
                    .collect(Collectors.toMap(e -> e.appointment().id(), e -> e, (a, b) -> a));
            scanBar.showMatches(bookings.stream().map(a -> {
                QueueEntry e = byBooking.get(a.id());
                return new ScanBar.Match(a, e == null ? null : e.queueNumber(), e == null ? null : e.caseStatus());
            }).toList());
        }

        @Override
        public void pickup(PickupService.PickupCase p) {
            scanBar.showIdle();
            openCase(p.caseFile(), false);
            handOver(p);
        }

        @Override
        public void refused(Exception e) {
            scanBar.showRefusal(text(e));
        }
    }

    private void resumePending() {
        CaseFile held = model.pendingResume();
        if (held == null || model.busy()) {
            return;
        }
        model.takePendingResume();
        act(a -> services.verification().resume(held.caseRef(), a), c -> {
            scanBar.showTicket(c, messages.get("counter.scan.resumed", c.applicant().fullName(), model.counter()));
            casePanel.focusWork();
        }, e -> scanBar.showRefusal(text(e)));
    }

    private void called(CaseFile c) {
        openCase(c, true);
        scanBar.showTicket(c, messages.get("counter.scan.called", c.applicant().fullName(), model.counter()));
    }

    // ---- the case ----

    private void openEntry(QueueEntry e) {
        if (model.staff() == null) {
            return;
        }
        if (!e.hasCase()) {
            scanned(e.code());
            return;
        }
        tasks.run(() -> services.cases().find(actor(), e.key()).orElseThrow(() -> new UserFacingException("case.unknown", e.key())),
                c -> openCase(c, true), err -> casePanel.error(text(err)));
    }

    private void openCase(CaseFile c, boolean focus) {
        if (model.staff() == null) {
            return;
        }
        model.setCurrent(c);
        CaseView view = new CaseView(c, model.staff().role(), today());
        casePanel.showCase(view, bookingOf(c), model.counter());
        scanBar.caseOpen(true);
        if (RECEIPTED.contains(c.status())) {
            tasks.run(() -> services.paper().receipts().slip(actor(), c.caseRef()),
                    slip -> casePanel.showReceipt(c.caseRef(), CounterModel.receiptBanner(c, slip, messages, services.zone())),
                    this::backgroundFailed);
        }
        if (focus) {
            queue.reveal(c.caseRef()); // the officer turns to this case: its line in view, a filter hiding it cleared
        } else {
            queue.select(c.caseRef(), false); // shown again after a step or a refresh: the officer's search stays
        }
        updateActions();
        if (focus && !casePanel.focusWork()) {
            scanBar.focusScan();
        }
    }

    private Appointment bookingOf(CaseFile c) {
        if (c.appointmentId() == null) {
            return null;
        }
        return queue.entries().stream().map(QueueEntry::appointment)
                .filter(a -> a != null && a.id().equals(c.appointmentId())).findFirst().orElse(null);
    }

    /** After a step: on to the next input of this case, or back to the scan field when it is done here. */
    private void afterStep(CaseFile c) {
        if (new CaseView(c, model.staff().role(), today()).doneForNow()) {
            scanBar.focusScan();
        } else if (!casePanel.focusWork()) {
            scanBar.focusScan();
        }
    }

    private void record(String caseRef, DocumentType type, DocumentResult result, String note) {
        if (model.staff() == null) {
            return;
        }
        model.recordStarted();
        Session actor = actor();
        tasks.run(() -> services.verification().recordDocument(caseRef, actor, type, result, note), c -> {
            model.recordEnded();
            if (model.inFlight() == 0 && model.current() != null && model.current().caseRef().equals(c.caseRef())) {
                openCase(c, false);
            }
        }, e -> {
            model.recordEnded();
            casePanel.error(text(e));
            refreshCurrent();
        });
    }

    private void primary() {
        casePanel.view().flatMap(CaseView::primary).map(verbs::get).filter(Action::isEnabled)
                .ifPresent(a -> a.actionPerformed(new ActionEvent(this, ActionEvent.ACTION_PERFORMED, "primary")));
    }

    // ---- paper: receipts, slips, the pickup counter ----

    private CaseFile reread(CaseFile c) {
        return services.cases().find(actor(), c.caseRef()).orElseThrow(() -> new UserFacingException("case.unknown", c.caseRef()));
    }

    /**
     * The print preview of one document of the case: laid out for the paper chosen there,
     * printed or saved from there. The case is already stored; closing the preview without
     * printing loses nothing (Ctrl+Shift+P prints it again).
     */
    private void print(CaseFile c, CaseView.Paper paper, boolean copy) {
        DocumentService.Kind kind = switch (paper) {
            case RECEIPT -> DocumentService.Kind.RECEIPT;
            case PICKUP_SLIP -> DocumentService.Kind.PICKUP_SLIP;
            case REJECTION_SLIP -> DocumentService.Kind.REJECTION_SLIP;
            case HOLD_SLIP -> DocumentService.Kind.HOLD_SLIP;
        };
        String job = messages.get("counter.print.job." + paper.name(), c.queueNumber().toString(), c.caseRef());
        PaperServices p = services.paper();
        Session actor = actor();
        // (a copy of a receipt never given yet is the original still: DocumentService prints it without SALINAN)
        Optional<PrintChoice> printed = PrintPreviewDialog.show(window(), messages,
                size -> p.documents().render(actor, kind, c.caseRef(), copy, size, messages), job, p.printing(), p.printMemory(),
                d -> p.documents().delivered(actor, kind, c.caseRef(), copy, d.paper(), d.saved(), d.where()));
        printed.ifPresent(choice -> scanBar.showInfo(messages.get("counter.print.sent", messages.get("counter.print.paper." + paper.name()),
                choice.printer().orElse(messages.get("counter.print.defaultPrinter")))));
        afterStep(c);
    }

    /** A scanned receipt whose passport is ready: who collects it, the passport number, then the pickup slip. */
    private void handOver(PickupService.PickupCase pickup) {
        String receipt = pickup.receipt().receiptNumber();
        HandOverDialog.ask(window(), messages, pickup, services.zone()).ifPresentOrElse(a -> {
            act(actor -> {
                services.paper().pickup().handOver(receipt, actor, a.collectedBy(), a.representativeName(), a.representativeNik(),
                        a.passportNumber());
                return reread(pickup.caseFile());
            }, done -> print(done, CaseView.Paper.PICKUP_SLIP, false), e -> scanBar.focusScan());
        }, scanBar::focusScan);
    }

    /**
     * Takes a step on the task thread. While it runs the steps are disabled (no double
     * submit); then the case is shown as the store has it and its queue line is read again. A refusal is
     * shown in the case panel in the officer's words, and the case is read again.
     */
    private void act(Function<Session, CaseFile> work, Consumer<CaseFile> done, Consumer<Exception> refused) {
        Session actor = actor(); // read here, on the event-dispatch thread, not by the task
        model.setBusy(true);
        casePanel.clearMessage();
        tasks.run(() -> work.apply(actor), c -> {
            model.setBusy(false);
            scanBar.settle();
            openCase(c, false);
            done.accept(c);
            reloadCases(Set.of(c.caseRef()));
        }, e -> {
            model.setBusy(false);
            casePanel.error(text(e));
            refused.accept(e);
            refreshCurrent();
        });
    }

    /** Work on the task thread with the steps disabled meanwhile; a refusal is shown in the scan bar. */
    private <T> void whileBusy(Function<Session, T> work, Consumer<T> done) {
        Session actor = actor();
        model.setBusy(true);
        tasks.run(() -> work.apply(actor), r -> {
            model.setBusy(false);
            done.accept(r);
        }, e -> {
            model.setBusy(false);
            scanBar.showRefusal(text(e));
        });
    }

    /** This screen as the step actions call back to it (event-dispatch thread). */
    private final class Desk implements CaseDesk, CallDesk, MarkReadyAction.Desk {
        @Override
        public boolean signedIn() {
            return model.staff() != null;
        }

        @Override
        public CaseFile current() {
            return model.current();
        }

        @Override
        public Optional<CaseView> view() {
            CaseFile c = model.current();
            Session who = model.staff();
            return c == null || who == null ? Optional.empty() : Optional.of(new CaseView(c, who.role(), today()));
        }

        @Override
        public boolean busy() {
            return model.busy();
        }

        @Override
        public Session actor() {
            return model.actor();
        }

        @Override
        public String counter() {
            return model.counter();
        }

        @Override
        public LocalDate today() {
            return CounterScreen.this.today();
        }

        @Override
        public Window window() {
            return CounterScreen.this.window();
        }

        @Override
        public void act(Function<Session, CaseFile> work, Consumer<CaseFile> done, Consumer<Exception> refused) {
            CounterScreen.this.act(work, done, refused);
        }

        @Override
        public <T> void whileBusy(Function<Session, T> work, Consumer<T> done) {
            CounterScreen.this.whileBusy(work, done);
        }

        @Override
        public void afterStep(CaseFile c) {
            CounterScreen.this.afterStep(c);
        }

        @Override
        public boolean focusWork() {
            return casePanel.focusWork();
        }

        @Override
        public void focusChecklist() {
            casePanel.focusChecklist(null);
        }

        @Override
        public void print(CaseFile c, CaseView.Paper paper, boolean copy) {
            CounterScreen.this.print(c, paper, copy);
        }

        @Override
        public boolean callNextLeavesCaseOpen() {
            return model.callNextLeavesCaseOpen();
        }

        @Override
        public void called(CaseFile c) {
            CounterScreen.this.called(c);
        }

        @Override
        public void focusScan() {
            scanBar.focusScan();
        }

        @Override
        public void info(String text) {
            scanBar.showInfo(text);
        }

        @Override
        public void ticket(CaseFile c, String text) {
            scanBar.showTicket(c, text);
        }

        @Override
        public void reload() {
            CounterScreen.this.reload();
        }
    }

    private void refreshCurrent() {
        CaseFile c = model.current();
        if (c == null) {
            return;
        }
        tasks.run(() -> services.cases().find(actor(), c.caseRef()), found -> found.ifPresent(f -> {
            if (model.inFlight() == 0 && model.current() != null && model.current().caseRef().equals(f.caseRef())) {
                openCase(f, false);
            }
        }), this::backgroundFailed);
    }

    private void queueLoaded(QueueReads.Read read) {
        if (read == null || model.staff() == null) {
            return;
        }
        if (!queueReads.show(queue, read)) {
            queueReload.request(); // a case without a line yet: the day is read
            return;
        }
        List<QueueEntry> entries = read.day().entries();
        if (revealNext != null && queue.reveal(revealNext)) {
            revealNext = null;
        }
        if (model.current() != null) {
            entries.stream().filter(e -> e.hasCase() && e.key().equals(model.current().caseRef())).findFirst().ifPresent(e -> {
                if (model.inFlight() == 0 && !model.busy() && (e.caseFile().rowVersion() != model.current().rowVersion() || casePanelLacksBooking(e))) {
                    openCase(e.caseFile(), false);
                }
            });
        } else if (!read.partial() && model.takeRestore()) {
            entries.stream().map(QueueEntry::caseFile)
                    .filter(model::mineInProgress)
                    .max(Comparator.comparing(c -> c.calledAt() == null ? OffsetDateTime.MIN : c.calledAt()))
                    .ifPresent(c -> {
                        openCase(c, scanBar.scanHasFocus());
                        casePanel.hint(messages.get("counter.case.restored", c.queueNumber().toString()));
                    });
        }
    }

    private boolean casePanelLacksBooking(QueueEntry e) {
        return e.appointment() != null && !casePanel.showsBooking();
    }

    private void backgroundFailed(Exception e) {
        casePanel.error(text(e));
    }

    /**
     * The queue could not be read (the office's server away, a slow disk): what was asked is not
     * lost, the day is read again in {@value #QUEUE_RETRY_MS} ms (and at the next change).
     */
    private void queueFailed(Exception e) {
        queueReads.day();
        backgroundFailed(e);
        queueRetry.restart();
    }

    // ---- the counter number ----

    private void askCounter(boolean firstTime) {
        if (model.staff() == null) {
            return;
        }
        Optional<String> answer = PromptDialog.ask(window(), "counter.dialog", messages.get("counter.number.title"),
                messages.get(firstTime ? "counter.number.introFirst" : "counter.number.intro"), messages.get("counter.number.label"),
                model.counter(), 6, text -> CounterModel.validCounterNumber(text) ? null : messages.get("counter.number.invalid"),
                messages.get("counter.number.ok"), messages.get("counter.dialog.cancel"));
        answer.ifPresent(value -> {
            model.setCounter(value);
            showCounter();
            queue.setMyCounter(model.counter());
            tasks.run(() -> {
                services.saveCounter().accept(value);
                return null;
            }, r -> { }, this::backgroundFailed);
        });
        if (model.current() != null) {
            openCase(model.current(), false);
        }
        if (!casePanel.focusWork()) {
            scanBar.focusScan();
        }
    }

    private void showCounter() {
        counterBadge.setText(messages.get("counter.badge", model.counter()));
        queue.setMyCounter(model.counter());
    }

    // ---- helpers ----

    private void showHelp() {
        java.awt.Component before = java.awt.KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
        new HelpDialog(window(), messages).setVisible(true);
        FormDialog.giveFocusBack(window(), before);
    }

    /** Every step enabled as the model says (event-dispatch thread). */
    private void updateActions() {
        Edt.check();
        boolean in = model.signedIn();
        scan.setEnabled(model.canScan());
        callNext.setEnabled(model.canCallNext());
        recall.setEnabled(model.canRecall());
        walkIn.setEnabled(model.canWalkIn());
        resumeScanned.setEnabled(model.canResumeScanned());
        counterAction.setEnabled(in);
        markReady.setEnabled(model.canMarkReady());
        logOut.setEnabled(in);
        Set<Verb> offered = model.offered();
        for (Map.Entry<Verb, Action> e : verbs.entrySet()) {
            e.getValue().setEnabled(offered.contains(e.getKey()));
        }
        casePanel.markPrimary();
    }

    /** The signed-in session at this desk's counter (the services re-check who it is). */
    private Session actor() {
        return model.actor();
    }

    private LocalDate today() {
        return services.today().get();
    }

    private Window window() {
        return SwingUtilities.getWindowAncestor(this);
    }

    /** A refusal in the officer's words; anything else is logged and named only as unexpected. */
    private String text(Exception e) {
        if (e instanceof UserFacingException u) {
            return messages.of(u);
        }
        LOG.error("Unexpected failure at the counter", e);
        return messages.get("error.unexpected");
    }

    /** The queue's share of the width: 40 %, a third at a large text size (the open case needs the room more). */
    private static double queueShare() {
        return id.loket.common.ui.Theme.textPercent() >= 150 ? 0.34 : 0.4;
    }
}
