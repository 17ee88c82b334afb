package id.loket.verification.ui;

import com.formdev.flatlaf.FlatClientProperties;
import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.Guardian;
import id.loket.appointment.model.PaymentStatus;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.DocumentCheck;
import id.loket.casefile.model.DocumentResult;
import id.loket.casefile.model.DocumentType;
import id.loket.common.i18n.Messages;
import id.loket.common.ui.Dates;
import id.loket.common.ui.Keys;
import id.loket.common.ui.WrappingText;
import id.loket.verification.ui.CaseView.Identity;
import id.loket.verification.ui.CaseView.Verb;
import java.awt.CardLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.event.FocusAdapter;
import java.awt.event.FocusEvent;
import java.awt.event.KeyEvent;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import javax.swing.Action;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.SwingConstants;
import javax.swing.UIManager;
import javax.swing.table.DefaultTableCellRenderer;
import net.miginfocom.swing.MigLayout;

/**
 * The case at this counter: its queue number and applicant, where it is in its lifecycle,
 * the checklist beside the booking's identity data (a NIK that disagrees with the birth data
 * stands out), a note per document, and the steps the officer may take now.
 * In the checklist: arrows move, V verified, M mismatch, X missing, N not applicable (M and N
 * ask for the note), Backspace clears, Enter finishes the check once nothing is left.
 */
public final class CasePanel extends JPanel {

    /** What the officer marked in the checklist; the screen records it through the service. */
    public interface Listener {
        void record(String caseRef, DocumentType type, DocumentResult result, String note);

        /** Enter in a complete checklist: take the step Enter stands for. */
        void primary();
    }

    private static final String EMPTY = "empty";
    private static final String CASE = "case";

    private final Messages messages;
    private final ZoneId zone;
    private final Listener listener;
    private final CardLayout cards = new CardLayout();
    private final Map<Verb, JButton> buttons = new EnumMap<>(Verb.class);
    /** The case's buttons; the one Enter stands for always first, so it keeps its place from step to step. */
    private JPanel actionRow;
    /** The checklist beside the applicant's data: the data's column widens with the text size, so its values wrap less. */
    private JPanel body;

    private final JLabel emptyTitle = new JLabel();
    private final WrappingText emptyHint = new WrappingText();
    private final JLabel number = new JLabel();
    private final JLabel name = new JLabel();
    /** Service, passport, validity, code, slot: wraps to a second line rather than being cut. */
    private final WrappingText details = new WrappingText();
    private final JLabel status = new JLabel();
    private final StepIndicator steps;
    private final WrappingText banner = new WrappingText();
    private String receiptCaseRef;
    private String receiptText;
    private String myCounter;
    private final JPanel bannerBox = new JPanel(new MigLayout("insets 8 12 8 12, fill", "[grow,fill]", "[]"));
    private final ChecklistTableModel checklistModel;
    private final JTable checklist;
    private final JLabel noteLabel = new JLabel();
    private final JTextField note = new JTextField();
    private final WrappingText keysHint = new WrappingText();
    private final WrappingText message = new WrappingText();
    private final JPanel identity = new ColumnPanel(new MigLayout("insets 0, wrap 2, hidemode 3, gap 8 2", "[][grow,fill]", ""));

    private CaseView view;
    private Appointment booking;
    /** A result waiting for its note (M and N): the row and the result. */
    private int pendingRow = -1;
    private DocumentResult pendingResult;

    public CasePanel(Messages messages, ZoneId zone, Map<Verb, Action> actions, Listener listener) {
        this.messages = messages;
        this.zone = zone;
        this.listener = listener;
        this.steps = new StepIndicator(messages);
        this.checklistModel = new ChecklistTableModel(messages);
        this.checklist = new JTable(checklistModel) {
            /** Fills the width when there is room; at a large text size scrolls sideways rather than cutting a column off. */
            @Override
            public boolean getScrollableTracksViewportWidth() {
                return getParent() == null || getColumnModel().getTotalColumnWidth() <= getParent().getWidth()
                        || minimumColumnsWidth() <= getParent().getWidth();
            }

            private int minimumColumnsWidth() {
                int w = 0;
                for (int i = 0; i < getColumnModel().getColumnCount(); i++) {
                    w += getColumnModel().getColumn(i).getMinWidth();
                }
                return w;
            }
        };
        setName("case.panel");
        setLayout(cards);
        add(emptyCard(), EMPTY);
        add(fitOrScroll(caseCard(actions)), CASE);
        cards.show(this, EMPTY);
    }

    private JPanel emptyCard() {
        JPanel p = new JPanel(new MigLayout("insets 24, wrap 1, align 50% 40%", "[center, grow]", "[]12[]"));
        emptyTitle.setName("case.empty");
        emptyTitle.putClientProperty(FlatClientProperties.STYLE_CLASS, "h2");
        emptyTitle.setText(messages.get("counter.case.empty"));
        emptyHint.putClientProperty(FlatClientProperties.STYLE, "foreground: $Label.disabledForeground");
        emptyHint.setText(messages.get("counter.case.emptyHint"));
        p.add(emptyTitle);
        p.add(emptyHint, "growx, wmin 0, width 0:0:n");
        return p;
    }

    private JPanel caseCard(Map<Verb, Action> actions) {
        JPanel p = new JPanel(new MigLayout("insets 8 12 8 12, fill, hidemode 3", "[grow,fill]", "[][][][grow,fill][][][]"));
        number.setName("case.number");
        number.putClientProperty(FlatClientProperties.STYLE_CLASS, "h00");
        name.setName("case.name");
        name.putClientProperty(FlatClientProperties.STYLE_CLASS, "h2");
        details.setName("case.details");
        status.setName("case.status");
        status.putClientProperty(FlatClientProperties.STYLE_CLASS, "h3");
        status.setHorizontalAlignment(SwingConstants.RIGHT);
        // the name has the whole line (a long name read whole at 150 %); the status beside the details, which wrap
        JPanel header = new JPanel(new MigLayout("insets 0, gap 16 0", "[][grow,fill][]", "[][]"));
        header.add(number, "spany 2, aligny center, shrink 0");
        header.add(name, "span 2, growx, wmin 0, shrinkprio 200, wrap");
        header.add(details, "growx, wmin 0, shrinkprio 200, width 0:0:n, aligny top");
        header.add(status, "aligny top, shrink 0");
        p.add(header, "wmin 0, wrap");
        p.add(steps, "gaptop 4, growx, wrap");

        banner.setName("case.banner");
        bannerBox.add(banner, "growx, wmin 0");
        p.add(bannerBox, "growx, wmin 0, wrap");

        checklist.setName("case.checklist");
        checklist.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        checklist.setFillsViewportHeight(true);
        checklist.setRowHeight(Math.max(checklist.getRowHeight(), 26));
        checklist.setDefaultRenderer(Object.class, new ChecklistRenderer());
        checklist.getTableHeader().setReorderingAllowed(false);
        checklist.getColumnModel().getColumn(ChecklistTableModel.Column.DOCUMENT.ordinal()).setPreferredWidth(210);
        checklist.getColumnModel().getColumn(ChecklistTableModel.Column.REQUIREMENT.ordinal()).setPreferredWidth(90);
        checklist.getColumnModel().getColumn(ChecklistTableModel.Column.RESULT.ordinal()).setPreferredWidth(100);
        checklist.getColumnModel().getColumn(ChecklistTableModel.Column.NOTE.ordinal()).setPreferredWidth(140);
        checklist.setFocusTraversalKeys(java.awt.KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS,
                Set.of(Keys.key(KeyEvent.VK_TAB)));
        checklist.setFocusTraversalKeys(java.awt.KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS,
                Set.of(KeyStroke.getKeyStroke(KeyEvent.VK_TAB, java.awt.event.InputEvent.SHIFT_DOWN_MASK)));
        Keys.release(checklist, Keys.key(KeyEvent.VK_F2), Keys.ctrl(KeyEvent.VK_A), Keys.key(KeyEvent.VK_ENTER),
                Keys.ctrl(KeyEvent.VK_ENTER), Keys.ctrl(KeyEvent.VK_I), Keys.ctrl(KeyEvent.VK_R), Keys.ctrl(KeyEvent.VK_N),
                Keys.ctrl(KeyEvent.VK_T), Keys.key(KeyEvent.VK_F6), Keys.key(KeyEvent.VK_F7), Keys.key(KeyEvent.VK_ESCAPE));
        bindMark(KeyEvent.VK_V, DocumentResult.VERIFIED);
        bindMark(KeyEvent.VK_M, DocumentResult.MISMATCH);
        bindMark(KeyEvent.VK_X, DocumentResult.MISSING);
        bindMark(KeyEvent.VK_N, DocumentResult.NOT_APPLICABLE);
        Keys.bind(checklist, JComponent.WHEN_FOCUSED, Keys.key(KeyEvent.VK_BACK_SPACE), "clearResult", () -> mark(null));
        Keys.bind(checklist, JComponent.WHEN_FOCUSED, Keys.key(KeyEvent.VK_DELETE), "clearResult", () -> mark(null));
        Keys.bind(checklist, JComponent.WHEN_FOCUSED, Keys.key(KeyEvent.VK_ENTER), "enterInChecklist", this::enterInChecklist);
        checklist.getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting() && pendingRow < 0) {
                showNoteOfSelection();
            }
        });

        noteLabel.setLabelFor(note);
        noteLabel.setDisplayedMnemonic(messages.get("counter.note.mnemonic").charAt(0));
        note.setName("case.note");
        note.addActionListener(e -> saveNote());
        Keys.bind(note, JComponent.WHEN_FOCUSED, Keys.key(KeyEvent.VK_ESCAPE), "cancelNote", this::cancelNote);
        Keys.bind(note, JComponent.WHEN_FOCUSED, Keys.key(KeyEvent.VK_UP), "backToChecklist", this::cancelNote);
        note.addFocusListener(new FocusAdapter() {
            @Override
            public void focusLost(FocusEvent e) {
                if (pendingRow >= 0 && e.getOppositeComponent() != null && e.getOppositeComponent() != checklist) {
                    // Left the note without saving: the mark waits, the table shows it was not taken.
                    pendingRow = -1;
                    pendingResult = null;
                    noteLabel.setText(messages.get("counter.note.label"));
                }
            }
        });
        keysHint.setName("case.keysHint");
        keysHint.putClientProperty(FlatClientProperties.STYLE, "foreground: $Label.disabledForeground");
        keysHint.setText(messages.get("counter.checklist.keys"));

        body = new JPanel(new MigLayout("insets 0, fill, gap 12", identityColumns(), "[grow,fill][][]"));
        body.add(new JScrollPane(checklist), "grow, hmin 120");
        identity.setName("case.identity");
        identity.putClientProperty(FlatClientProperties.STYLE, "border: 0,12,0,0");
        JScrollPane identityScroll = new JScrollPane(identity, JScrollPane.VERTICAL_SCROLLBAR_AS_NEEDED,
                JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);
        identityScroll.setBorder(null);
        // never scrolled on its own: when the case is taller than its room, the whole case scrolls (fitOrScroll)
        body.add(identityScroll, "spany 3, grow, hmin pref, wrap");
        JPanel noteRow = new JPanel(new MigLayout("insets 0, gap 0 2, wrap 1", "[grow,fill]", "[][]"));
        noteRow.add(noteLabel, "wmin 0");
        noteRow.add(note, "growx, wmin 0");
        body.add(noteRow, "growx, wrap");
        body.add(keysHint, "growx, wmin 0");
        p.add(body, "grow, wrap");

        message.setName("case.message");
        // no empty line kept for a message: the checklist and the applicant's data have the room until one comes
        message.setVisible(false);
        message.getDocument().addDocumentListener(new javax.swing.event.DocumentListener() {
            private void update() {
                message.setVisible(message.getDocument().getLength() > 0);
            }

            @Override
            public void insertUpdate(javax.swing.event.DocumentEvent e) {
                update();
            }

            @Override
            public void removeUpdate(javax.swing.event.DocumentEvent e) {
                update();
            }

            @Override
            public void changedUpdate(javax.swing.event.DocumentEvent e) {
                update();
            }
        });
        p.add(message, "growx, wmin 0, wrap");

        actionRow = new JPanel(new MigLayout(ACTIONS_ONE_ROW, "", "[]")) {
            /** The step's buttons on one row where they fit whole, else two a row (a large text size), never squeezed. */
            @Override
            public void doLayout() {
                int needed = id.loket.common.ui.Rows.widthSideBySide(this, 12, java.util.Set.of());
                String wanted = getWidth() <= 0 || needed <= getWidth() ? ACTIONS_ONE_ROW : ACTIONS_TWO_A_ROW;
                MigLayout layout = (MigLayout) getLayout();
                if (!wanted.equals(layout.getLayoutConstraints())) {
                    layout.setLayoutConstraints(wanted);
                    id.loket.common.ui.Rows.relayoutLater(this);
                }
                super.doLayout();
            }
        };
        for (Verb v : Verb.values()) {
            JButton b = new JButton(actions.get(v));
            b.setName("case." + v.name().toLowerCase(java.util.Locale.ROOT));
            b.setHideActionText(true);
            KeyStroke k = (KeyStroke) actions.get(v).getValue(Action.ACCELERATOR_KEY);
            b.setText(twoLines((String) actions.get(v).getValue(Action.NAME), k == null ? "" : Keys.text(k)));
            Keys.enterClicks(b);
            buttons.put(v, b);
            actionRow.add(b);
        }
        p.add(actionRow, "growx");
        return p;
    }

    /** A button's text: the verb, and under it its key, small. */
    static String twoLines(String name, String key) {
        return "<html><center>" + escape(name) + "<br><small>" + escape(key) + "</small></center></html>";
    }

    /**
     * Binds the letter as typed (either case), not as pressed: M and N move the cursor to the
     * note, and a binding on the press would let the typed letter follow it into the note.
     */
    private void bindMark(int key, DocumentResult result) {
        char c = Character.toLowerCase((char) key);
        Keys.bind(checklist, JComponent.WHEN_FOCUSED, KeyStroke.getKeyStroke(c), "mark." + result.name(), () -> mark(result));
        Keys.bind(checklist, JComponent.WHEN_FOCUSED, KeyStroke.getKeyStroke(Character.toUpperCase(c)), "mark." + result.name(),
                () -> mark(result));
    }

    // ---- showing a case ----

    public void showEmpty(String hint) {
        view = null;
        booking = null;
        pendingRow = -1;
        emptyHint.setText(hint);
        cards.show(this, EMPTY);
    }

    /**
     * Shows the case (or the same case, newer): keeps the selected document and a note being
     * written when it is the same case.
     */
    public void showCase(CaseView next, Appointment bookingOfCase, String myCounter) {
        CaseFile c = next.caseFile();
        ((MigLayout) body.getLayout()).setColumnConstraints(identityColumns()); // the text size may have changed since
        boolean sameCase = view != null && view.caseFile().caseRef().equals(c.caseRef());
        int selected = checklist.getSelectedRow();
        this.view = next;
        this.booking = bookingOfCase;
        number.setText(c.queueNumber().toString());
        name.setText(c.applicant().fullName());
        name.setToolTipText(c.applicant().fullName());
        details.setText(detailsLine(c));
        details.setToolTipText(details.getText());
        status.setText(messages.name(c.status()));
        status.putClientProperty(FlatClientProperties.STYLE, "foreground: " + statusColor(c.status()));
        steps.show(next);
        this.myCounter = myCounter;
        showBanner(next, myCounter);
        checklistModel.setDocuments(c.documents());
        fitChecklistColumns();
        if (!sameCase) {
            pendingRow = -1;
            pendingResult = null;
            message.setText("");
            OptionalInt first = CaseView.nextToCheck(c.documents(), -1);
            select(first.orElse(0));
        } else if (selected >= 0 && selected < checklistModel.getRowCount()) {
            select(selected);
        }
        if (pendingRow < 0 && !note.isFocusOwner()) {
            showNoteOfSelection();
        }
        boolean checking = next.checking();
        note.setEnabled(checking);
        keysHint.setVisible(checking);
        showIdentity(next, bookingOfCase);
        Set<Verb> offered = next.offered();
        for (Map.Entry<Verb, JButton> e : buttons.entrySet()) {
            boolean shown = offered.contains(e.getKey()) || (e.getKey() == Verb.APPROVE && next.awaitingSupervisor());
            e.getValue().setVisible(shown);
        }
        cards.show(this, CASE);
        revalidate();
        repaint();
    }

    /**
     * The document, requirement and result columns as wide as their longest text at the current
     * text size (a document's name is read whole); the note takes what is left.
     */
    private void fitChecklistColumns() {
        java.awt.FontMetrics bold = checklist.getFontMetrics(checklist.getFont().deriveFont(java.awt.Font.BOLD));
        javax.swing.table.TableColumnModel cm = checklist.getColumnModel();
        int pad = 12 + checklist.getIntercellSpacing().width; // the cell's margins and a little air
        for (ChecklistTableModel.Column col : new ChecklistTableModel.Column[] {ChecklistTableModel.Column.DOCUMENT,
                ChecklistTableModel.Column.REQUIREMENT, ChecklistTableModel.Column.RESULT}) {
            javax.swing.table.TableColumn tc = cm.getColumn(col.ordinal());
            javax.swing.table.TableCellRenderer hr = tc.getHeaderRenderer() != null ? tc.getHeaderRenderer()
                    : checklist.getTableHeader().getDefaultRenderer();
            int w = hr.getTableCellRendererComponent(checklist, tc.getHeaderValue(), false, false, -1, col.ordinal()).getPreferredSize().width;
            for (int r = 0; r < checklistModel.getRowCount(); r++) {
                Object v = checklistModel.getValueAt(r, col.ordinal());
                w = Math.max(w, bold.stringWidth(v == null ? "" : v.toString()) + pad);
            }
            if (col == ChecklistTableModel.Column.RESULT) {
                for (DocumentResult r : DocumentResult.values()) {
                    w = Math.max(w, bold.stringWidth(messages.name(r)) + pad);
                }
            }
            tc.setMinWidth(w);
            tc.setPreferredWidth(w);
        }
        javax.swing.table.TableColumn noteColumn = cm.getColumn(ChecklistTableModel.Column.NOTE.ordinal());
        javax.swing.table.TableCellRenderer nr = noteColumn.getHeaderRenderer() != null ? noteColumn.getHeaderRenderer()
                : checklist.getTableHeader().getDefaultRenderer();
        noteColumn.setMinWidth(nr.getTableCellRendererComponent(checklist, noteColumn.getHeaderValue(), false, false, -1,
                ChecklistTableModel.Column.NOTE.ordinal()).getPreferredSize().width + checklist.getIntercellSpacing().width);
    }

    @Override
    public void updateUI() {
        super.updateUI();
        if (checklistModel != null) {
            javax.swing.SwingUtilities.invokeLater(this::fitChecklistColumns);
        }
    }

    private String detailsLine(CaseFile c) {
        StringBuilder b = new StringBuilder();
        b.append(messages.get("service." + c.service().name()));
        b.append("  ·  ").append(messages.name(c.passportType()));
        b.append("  ·  ").append(messages.get("counter.case.validity", c.validityYears()));
        b.append("  ·  ").append(c.walkIn() ? c.caseRef() : booking != null ? booking.bookingCode() : c.caseRef());
        if (c.slotStart() != null) {
            b.append("  ·  ").append(messages.get("counter.case.slot", c.slotStart()));
        }
        if (c.priority() != null) {
            b.append("  ·  ").append(messages.name(c.priority()));
        }
        return b.toString();
    }

    private static String statusColor(CaseStatus s) {
        return switch (s) {
            case APPROVED, RECEIPT_ISSUED, READY_FOR_PICKUP, HANDED_OVER -> "$Actions.Green";
            case REJECTED, NO_SHOW -> "$Actions.Red";
            case ON_HOLD, APPROVAL_PENDING -> "darken($Actions.Yellow,15%)";
            default -> "$Component.accentColor";
        };
    }

    /** Officers' usernames as the banners name them: the full name where the desk knows it. */
    private java.util.function.Function<String, String> officerName = java.util.function.Function.identity();

    /** How banners name officers (the signed-in officer by their full name, for one). */
    public void officerNames(java.util.function.Function<String, String> names) {
        this.officerName = names == null ? java.util.function.Function.identity() : names;
    }

    private void showBanner(CaseView v, String myCounter) {
        Optional<CaseView.Banner> shown = v.banner(messages, zone, myCounter,
                v.caseFile().caseRef().equals(receiptCaseRef) ? receiptText : null, officerName);
        String text = shown.map(CaseView.Banner::text).orElse(null);
        CaseView.Tone tone = shown.map(CaseView.Banner::tone).orElse(CaseView.Tone.INFO);
        bannerBox.setVisible(text != null);
        banner.setText(text == null ? "" : text);
        String color = switch (tone) {
            case WARNING -> "$Actions.Yellow";
            case SUCCESS -> "$Actions.Green";
            case DANGER -> "$Actions.Red";
            case INFO -> "$Component.accentColor";
        };
        bannerBox.putClientProperty(FlatClientProperties.STYLE, "background: mix(" + color + ",$Panel.background,16%)");
    }

    /**
     * What the receipt of the case on screen says (its number, when the passport can be
     * collected, who collected it): read from the store after the case is shown, so it comes a
     * moment later, and kept for as long as the same case is shown.
     */
    public void showReceipt(String caseRef, String text) {
        receiptCaseRef = caseRef;
        receiptText = text;
        if (view != null && view.caseFile().caseRef().equals(caseRef)) {
            showBanner(view, myCounter);
        }
    }

    private void showIdentity(CaseView v, Appointment a) {
        CaseFile c = v.caseFile();
        identity.removeAll();
        JLabel heading = new JLabel(messages.get("counter.identity.title"));
        heading.putClientProperty(FlatClientProperties.STYLE_CLASS, "h4");
        identity.add(heading, "span 2, gapbottom 2");
        Identity id = v.identity();
        row("counter.identity.nik", groupNik(c.applicant().nik()), "case.identity.nik", id.nikValid() ? null : "$Actions.Red");
        row("counter.identity.name", c.applicant().fullName(), "case.identity.name", null);
        String birth = (c.applicant().birthPlace() == null || c.applicant().birthPlace().isBlank() ? "" : c.applicant().birthPlace() + ", ")
                + Dates.longDate(c.applicant().birthDate(), messages.locale()).replaceFirst("^[^,]*, ", "");
        row("counter.identity.birth", birth, "case.identity.birth", id.nikValid() && !id.birthDateAgrees() ? "$Actions.Red" : null);
        // age, sex and marital status on one line (each short): the applicant's data fits beside the checklist
        String ageText = messages.get(v.minor() ? "counter.identity.ageMinor" : "counter.identity.ageYears", v.age());
        String married = messages.get(c.applicant().married() ? "counter.identity.married.yes" : "counter.identity.married.no");
        row("counter.identity.age", ageText + "  ·  " + messages.name(c.applicant().sex()) + "  ·  " + married, "case.identity.age",
                id.nikValid() && !id.sexAgrees() ? "$Actions.Red" : null);
        WrappingText check = new WrappingText();
        check.setName("case.identity.check");
        if (!id.nikValid()) {
            check.setText(messages.get("counter.identity.nikInvalid"));
            check.putClientProperty(FlatClientProperties.STYLE, "foreground: $Actions.Red");
        } else if (id.agrees()) {
            check.setText(messages.get("counter.identity.agrees"));
            check.putClientProperty(FlatClientProperties.STYLE, "foreground: $Actions.Green");
        } else {
            check.setText(messages.get("counter.identity.disagrees",
                    Dates.longDate(id.nikBirthDate(), messages.locale()).replaceFirst("^[^,]*, ", ""), messages.name(id.nikSex())));
            check.putClientProperty(FlatClientProperties.STYLE, "foreground: $Actions.Red");
        }
        identity.add(check, "span 2, growx, wmin 0, width 0:0:n, gaptop 2, gapbottom 2");
        if (a != null) {
            if (a.applicant().oldPassportNumber() != null) {
                row("counter.identity.oldPassport", a.applicant().oldPassportNumber(), "case.identity.oldPassport", null);
            }
            for (Guardian g : a.applicant().guardians()) {
                row(g.relation() == null ? "counter.identity.guardian" : "counter.identity.guardian." + g.relation().name(),
                        g.fullName() == null ? "-" : g.fullName(), "case.identity.guardian", null);
                if (g.nik() != null) {
                    WrappingText nik = new WrappingText();
                    nik.setText(groupNik(g.nik()));
                    nik.setName("case.identity.guardianNik");
                    identity.add(nik, "skip, growx, wmin 0, width 0:0:n");
                }
            }
        }
        String payment;
        String paymentColor = null;
        if (c.paymentNtpn() != null) {
            payment = messages.get(c.paymentNtpnConfirmed() ? "counter.payment.ntpnConfirmed" : "counter.payment.ntpnUnconfirmed", c.paymentNtpn());
        } else if (a != null) {
            payment = messages.get("payment." + a.payment().status().name());
            paymentColor = a.payment().status() == PaymentStatus.PAID ? null : "$Actions.Red";
        } else {
            payment = messages.get("counter.payment.none");
            paymentColor = "$Actions.Red";
        }
        if (c.paymentNtpn() == null && a != null && a.payment().ntpn() != null) {
            payment += "  ·  NTPN " + a.payment().ntpn(); // on the payment's line, wrapped in its column
        }
        row("counter.identity.payment", payment, "case.identity.payment", paymentColor);
        identity.revalidate();
        identity.repaint();
    }

    private void row(String labelKey, String value, String componentName, String color) {
        JLabel l = new JLabel(messages.get(labelKey));
        l.putClientProperty(FlatClientProperties.STYLE, "foreground: $Label.disabledForeground");
        // the value wraps in its column rather than being cut (a long name, a birth place, at 150 %)
        WrappingText v = new WrappingText();
        v.setText(value);
        v.setName(componentName);
        v.setToolTipText(value);
        if (color != null) {
            v.putClientProperty(FlatClientProperties.STYLE, "foreground: " + color + "; font: bold");
        }
        l.putClientProperty(FlatClientProperties.STYLE_CLASS, "small");
        // label and value on one line: the whole applicant fits beside the checklist without scrolling
        identity.add(l, "aligny top, gaptop 1");
        identity.add(v, "growx, wmin 0, width 0:0:n");
    }

    private static final String ACTIONS_ONE_ROW = "insets 4 0 0 0, gap 8, hidemode 3";
    private static final String ACTIONS_TWO_A_ROW = "insets 4 0 0 0, gap 8, hidemode 3, wrap 2";

    /** The body's columns: the checklist takes what the applicant's data leave, which is 230–300 px at 100 % text, more when larger. */
    private static String identityColumns() {
        int percent = Math.max(100, id.loket.common.ui.Theme.textPercent());
        return "[grow,fill][" + 230 * percent / 100 + ":" + 250 * percent / 100 + ":" + 300 * percent / 100 + ",fill]";
    }

    /**
     * The case card as it is when its room is at least its smallest height (the checklist then
     * takes what is left), else scrolled up and down as a whole: at a large text size on a small
     * screen nothing is cut, the steps' buttons are a scroll away, and their keys work as always.
     */
    private static JScrollPane fitOrScroll(JPanel card) {
        /** A column (as the applicant's data) that takes the viewport's height too, while the card's smallest fits in it. */
        final class Fit extends ColumnPanel {
            Fit() {
                super(new java.awt.BorderLayout());
                add(card);
            }

            @Override
            public java.awt.Dimension getPreferredSize() {
                java.awt.Container vp = getParent();
                if (vp instanceof javax.swing.JViewport) {
                    return new java.awt.Dimension(vp.getWidth(), Math.max(card.getMinimumSize().height, vp.getHeight()));
                }
                return card.getPreferredSize();
            }

            @Override
            public java.awt.Dimension getPreferredScrollableViewportSize() {
                return card.getPreferredSize();
            }

            @Override
            public boolean getScrollableTracksViewportHeight() {
                java.awt.Container vp = getParent();
                return vp instanceof javax.swing.JViewport && vp.getHeight() >= card.getMinimumSize().height;
            }
        }
        JScrollPane scroll = new JScrollPane(new Fit(), JScrollPane.VERTICAL_SCROLLBAR_AS_NEEDED, JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);
        scroll.setBorder(null);
        scroll.setName("case.scroll");
        return scroll;
    }

    /** A column that takes the width of its scroll pane and scrolls only up and down. */
    private static class ColumnPanel extends JPanel implements javax.swing.Scrollable {
        ColumnPanel(java.awt.LayoutManager layout) {
            super(layout);
        }

        @Override
        public java.awt.Dimension getPreferredScrollableViewportSize() {
            return getPreferredSize();
        }

        @Override
        public int getScrollableUnitIncrement(java.awt.Rectangle visible, int orientation, int direction) {
            return 16;
        }

        @Override
        public int getScrollableBlockIncrement(java.awt.Rectangle visible, int orientation, int direction) {
            return visible.height;
        }

        @Override
        public boolean getScrollableTracksViewportWidth() {
            return true;
        }

        @Override
        public boolean getScrollableTracksViewportHeight() {
            return false;
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;");
    }

    /** A NIK as people read it off the e-KTP: {@code 5171 0145 0890 0001}. */
    static String groupNik(String nik) {
        if (nik == null || nik.length() != 16) {
            return nik == null ? "" : nik;
        }
        return nik.substring(0, 4) + " " + nik.substring(4, 8) + " " + nik.substring(8, 12) + " " + nik.substring(12);
    }

    // ---- the checklist keys ----

    private void select(int row) {
        if (row >= 0 && row < checklistModel.getRowCount()) {
            checklist.getSelectionModel().setSelectionInterval(row, row);
            checklist.scrollRectToVisible(checklist.getCellRect(row, 0, true));
        }
    }

    private void mark(DocumentResult result) {
        if (view == null) {
            return;
        }
        if (!view.checking()) {
            hint(messages.get("counter.checklist.notNow", messages.name(view.caseFile().status())));
            return;
        }
        int row = checklist.getSelectedRow();
        if (row < 0) {
            return;
        }
        DocumentCheck d = checklistModel.row(row);
        if (result != null && result.needsNote()) {
            pendingRow = row;
            pendingResult = result;
            noteLabel.setText(messages.get("counter.note.required", messages.name(d.type()), messages.name(result)));
            note.setText(d.result() == result && d.note() != null ? d.note() : "");
            hint(messages.get("counter.note.hint"));
            note.requestFocusInWindow();
            return;
        }
        apply(row, result, null);
    }

    private void apply(int row, DocumentResult result, String text) {
        DocumentCheck d = checklistModel.row(row);
        checklistModel.mark(row, result, text);
        listener.record(view.caseFile().caseRef(), d.type(), result, text);
        List<DocumentCheck> docs = checklistModel.documents();
        OptionalInt next = CaseView.nextToCheck(docs, row);
        if (result == null) {
            select(row);
            message.setText("");
        } else if (next.isPresent()) {
            select(next.getAsInt());
            message.setText("");
        } else if (CaseView.complete(docs)) {
            select(row);
            hint(messages.get("counter.checklist.complete"));
        }
        showNoteOfSelection();
    }

    private void saveNote() {
        if (view == null || !view.checking()) {
            return;
        }
        String text = note.getText().strip();
        if (pendingRow >= 0) {
            if (text.isEmpty()) {
                error(messages.get("counter.note.missing", messages.name(pendingResult)));
                return;
            }
            int row = pendingRow;
            DocumentResult result = pendingResult;
            pendingRow = -1;
            pendingResult = null;
            noteLabel.setText(messages.get("counter.note.label"));
            checklist.requestFocusInWindow();
            apply(row, result, text);
            return;
        }
        int row = checklist.getSelectedRow();
        if (row < 0) {
            return;
        }
        DocumentCheck d = checklistModel.row(row);
        if (d.result() == null) {
            hint(messages.get("counter.note.chooseFirst"));
            return;
        }
        if (text.isEmpty() && d.result().needsNote()) {
            error(messages.get("counter.note.missing", messages.name(d.result())));
            return;
        }
        checklistModel.mark(row, d.result(), text.isEmpty() ? null : text);
        listener.record(view.caseFile().caseRef(), d.type(), d.result(), text.isEmpty() ? null : text);
        checklist.requestFocusInWindow();
    }

    private void cancelNote() {
        pendingRow = -1;
        pendingResult = null;
        noteLabel.setText(messages.get("counter.note.label"));
        message.setText("");
        showNoteOfSelection();
        checklist.requestFocusInWindow();
    }

    private void showNoteOfSelection() {
        int row = checklist.getSelectedRow();
        if (row < 0 || row >= checklistModel.getRowCount()) {
            note.setText("");
            noteLabel.setText(messages.get("counter.note.label"));
            return;
        }
        DocumentCheck d = checklistModel.row(row);
        noteLabel.setText(messages.get("counter.note.labelFor", messages.name(d.type())));
        note.setText(d.note() == null ? "" : d.note());
    }

    private void enterInChecklist() {
        if (view == null) {
            return;
        }
        List<DocumentCheck> docs = checklistModel.documents();
        if (view.checking() && !CaseView.complete(docs)) {
            OptionalInt next = CaseView.nextToCheck(docs, checklist.getSelectedRow());
            next.ifPresent(this::select);
            hint(messages.get("counter.checklist.left"));
            return;
        }
        listener.primary();
    }

    // ---- messages and focus ----

    public Optional<CaseView> view() {
        return Optional.ofNullable(view);
    }

    /** A refusal or a problem, in the officer's language. */
    public void error(String text) {
        message.setText(text);
        message.putClientProperty(FlatClientProperties.STYLE, "foreground: $Actions.Red");
    }

    /** A neutral hint about what to do next. */
    public void hint(String text) {
        message.setText(text);
        message.putClientProperty(FlatClientProperties.STYLE, "foreground: $Label.foreground");
    }

    public void clearMessage() {
        message.setText("");
    }

    public Optional<JButton> button(Verb v) {
        JButton b = buttons.get(v);
        return b != null && b.isVisible() ? Optional.of(b) : Optional.empty();
    }

    /** The look of the button Enter stands for: filled with the accent colour (FlatLaf properties only). */
    private static final String PRIMARY_STYLE = "background: $Component.accentColor; foreground: $List.selectionForeground;"
            + " focusedBackground: darken($Component.accentColor,6%); focusedForeground: $List.selectionForeground;"
            + " hoverBackground: darken($Component.accentColor,6%); pressedBackground: darken($Component.accentColor,12%);"
            + " font: bold";

    /** Marks the button Enter stands for; call after the actions' enabled states are set. */
    public void markPrimary() {
        Optional<Verb> primary = view == null ? Optional.empty() : view.primary();
        for (Map.Entry<Verb, JButton> e : buttons.entrySet()) {
            boolean isPrimary = primary.isPresent() && primary.get() == e.getKey() && e.getValue().isEnabled();
            e.getValue().putClientProperty(FlatClientProperties.STYLE, isPrimary ? PRIMARY_STYLE : null);
        }
        // the button Enter stands for always in the same place, the first of the row; the others in their order
        java.util.List<JButton> order = new java.util.ArrayList<>();
        primary.filter(p -> buttons.get(p).isEnabled()).map(buttons::get).ifPresent(order::add);
        for (Verb v : Verb.values()) {
            if (!order.contains(buttons.get(v))) {
                order.add(buttons.get(v));
            }
        }
        boolean same = actionRow.getComponentCount() == order.size();
        for (int i = 0; same && i < order.size(); i++) {
            same = actionRow.getComponent(i) == order.get(i);
        }
        if (!same) {
            boolean hadFocus = order.stream().anyMatch(JButton::isFocusOwner);
            JButton focused = order.stream().filter(JButton::isFocusOwner).findFirst().orElse(null);
            actionRow.removeAll();
            order.forEach(actionRow::add);
            actionRow.revalidate();
            actionRow.repaint();
            if (hadFocus && focused != null) {
                focused.requestFocusInWindow();
            }
        }
    }

    /** The booking of the case on screen is known (it comes with the queue). */
    public boolean showsBooking() {
        return booking != null;
    }

    /** The button Enter stands for now, if any. */
    public Optional<JButton> primaryButton() {
        return view == null ? Optional.empty() : view.primary().flatMap(this::button).filter(JButton::isEnabled);
    }

    /** Puts the cursor in the checklist on {@code type} (or the next document to look at). */
    public void focusChecklist(DocumentType type) {
        if (type != null) {
            for (int i = 0; i < checklistModel.getRowCount(); i++) {
                if (checklistModel.row(i).type() == type) {
                    select(i);
                }
            }
        } else {
            OptionalInt next = CaseView.nextToCheck(checklistModel.documents(), -1);
            next.ifPresent(this::select);
        }
        checklist.requestFocusInWindow();
    }

    /**
     * Puts the cursor where the next input goes: the checklist while documents are checked,
     * else the button Enter stands for. Answers false when the case needs nothing more here.
     */
    public boolean focusWork() {
        if (view == null) {
            return false;
        }
        if (view.checking() && view.primary().isPresent()) {
            focusChecklist(null);
            return true;
        }
        Optional<JButton> b = primaryButton();
        b.ifPresent(JButton::requestFocusInWindow);
        return b.isPresent();
    }

    /** The checklist cells: result in its colour, documents that need no look dimmed. */
    private final class ChecklistRenderer extends DefaultTableCellRenderer {
        @Override
        public Component getTableCellRendererComponent(JTable t, Object value, boolean selected, boolean focus, int row, int column) {
            Component c = super.getTableCellRendererComponent(t, value, selected, focus, row, column);
            DocumentCheck d = checklistModel.row(row);
            List<DocumentCheck> docs = checklistModel.documents();
            if (column == ChecklistTableModel.Column.DOCUMENT.ordinal()) {
                c.setFont(CaseView.needsCheck(docs, row) ? t.getFont().deriveFont(java.awt.Font.BOLD) : t.getFont());
            } else {
                c.setFont(t.getFont());
            }
            if (selected) {
                return c;
            }
            Color fg = t.getForeground();
            if (column == ChecklistTableModel.Column.RESULT.ordinal() && d.result() != null) {
                fg = color(switch (d.result()) {
                    case VERIFIED -> "Actions.Green";
                    case MISMATCH -> "Actions.Red";
                    case MISSING -> "Actions.Red";
                    case NOT_APPLICABLE -> "Label.disabledForeground";
                }, fg);
            } else if (d.result() == null && !CaseView.needsCheck(docs, row)) {
                fg = color("Label.disabledForeground", fg);
            }
            c.setForeground(fg);
            return c;
        }

        private Color color(String key, Color fallback) {
            Color c = UIManager.getColor(key);
            return c == null ? fallback : c;
        }
    }
}
