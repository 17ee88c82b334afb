package id.loket.checkin.ui;

import com.formdev.flatlaf.FlatClientProperties;
import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.PaymentStatus;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.QueueNumber;
import id.loket.common.i18n.Messages;
import id.loket.common.ui.Dates;
import id.loket.common.ui.Edt;
import id.loket.common.ui.Keys;
import id.loket.common.ui.Theme;
import java.awt.CardLayout;
import java.awt.Component;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.util.List;
import javax.swing.Action;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import net.miginfocom.swing.MigLayout;

/**
 * The top of the counter screen: the scan field (a keyboard-wedge scanner types the booking
 * code and Enter; a NIK or a name works the same), walk-in and call-next, and below them what
 * the last scan found: a booking to check in, a held case to resume, the bookings matching a
 * NIK or name, a refusal, or the queue number just given — big, to read out.
 */
public final class ScanBar extends JPanel {

    /** What the officer did here; the screen does the work. */
    public interface Listener {
        void scanned(String text);

        void chosen(Appointment booking);

        /** Esc in the scan field: undo the check-in just made, if it still can be; answers whether it tried. */
        default boolean undo() {
            return false;
        }

        /** The time to undo the check-in on the card ran out. */
        default void undoTimedOut() {
        }
    }

    /** A booking found by NIK or name, with its queue number and state if it was checked in. */
    public record Match(Appointment booking, QueueNumber number, CaseStatus status) {
    }

    private static final String IDLE = "idle";
    private static final String MESSAGE = "message";
    private static final String MATCHES = "matches";
    private static final String FOUND = "found";
    private static final String TICKET = "ticket";
    private static final String CHECKED_IN = "checkedIn";

    private final Messages messages;
    private final Listener listener;
    private final JTextField field = new JTextField();
    private final CardLayout cards = new CardLayout();
    /**
     * The result area: as high as its tallest card, so that it does not jump between cards —
     * except while a case is open at the counter and the bar only has a line to say, when it
     * gives the case the room (a 768 px screen at 150 % text has none to spare).
     */
    private final JPanel result = new JPanel(cards) {
        @Override
        public java.awt.Dimension getPreferredSize() {
            java.awt.Dimension all = super.getPreferredSize();
            if (caseOpen && IDLE.equals(shownCard)) {
                return new java.awt.Dimension(all.width, idle.getParent().getPreferredSize().height);
            }
            return all;
        }
    };
    /** A case is open at the counter: its header shows the queue number, so the bar keeps to one line. */
    private boolean caseOpen;
    /** The card the result area shows now (one of the card names). */
    private String shownCard = IDLE;
    private final JLabel idle = new JLabel();
    private final JLabel message = new JLabel();
    private final JList<Match> matches = new JList<>();
    private final JLabel foundTitle = new JLabel();
    private final JLabel foundDetails = new JLabel();
    private final JLabel foundNote = new JLabel();
    private final JButton foundButton = new JButton();
    private final JLabel ticketNumber = new JLabel();
    private final JLabel ticketText = new JLabel();
    private final JLabel cardNumber = new JLabel();
    private final JLabel cardPhoto = new JLabel();
    private final JLabel cardName = new JLabel();
    private final JLabel cardNik = new JLabel();
    private final JLabel cardBirth = new JLabel();
    private final JLabel cardService = new JLabel();
    private final JLabel cardPayment = new JLabel();
    private final JLabel cardNote = new JLabel();
    private final JLabel cardUndo = new JLabel();
    private final javax.swing.Timer undoTimer = new javax.swing.Timer(250, null);
    private java.time.Instant undoUntil;

    public ScanBar(Messages messages, Action scan, Action walkIn, Action callNext, Listener listener) {
        super(new MigLayout("insets 10 12 4 12, fillx, hidemode 3", "[][grow,fill][][]", "[][]"));
        this.messages = messages;
        this.listener = listener;
        setName("scan.bar");

        JLabel label = new JLabel(messages.get("counter.scan.label"));
        label.putClientProperty(FlatClientProperties.STYLE_CLASS, "h3");
        label.setLabelFor(field);
        field.setName("scan.field");
        field.putClientProperty(FlatClientProperties.STYLE_CLASS, "large");
        field.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT,
                messages.get("counter.scan.placeholder", Keys.text((KeyStroke) scan.getValue(Action.ACCELERATOR_KEY))));
        field.putClientProperty(FlatClientProperties.TEXT_FIELD_SHOW_CLEAR_BUTTON, true);
        field.addActionListener(e -> listener.scanned(field.getText()));
        Keys.bind(field, JComponent.WHEN_FOCUSED, Keys.key(KeyEvent.VK_ESCAPE), "clearScan", () -> {
            if (undoTimer.isRunning() && listener.undo()) {
                stopUndo();
                return;
            }
            field.setText("");
            showIdle();
        });
        Keys.bind(field, JComponent.WHEN_FOCUSED, Keys.key(KeyEvent.VK_DOWN), "toResult", this::focusResult);

        JButton walkInButton = button(walkIn, "scan.walkIn");
        JButton callNextButton = button(callNext, "scan.callNext");
        callNextButton.putClientProperty(FlatClientProperties.STYLE_CLASS, "large");
        walkInButton.putClientProperty(FlatClientProperties.STYLE_CLASS, "large");

        add(label);
        add(field, "h 36!");
        add(walkInButton, "h 36!");
        add(callNextButton, "h 36!, wrap");
        add(result, "span 4, growx, h pref!"); // as high as its tallest card (the check-in card) at the text size now

        idle.setName("scan.idle");
        JPanel idleCard = new JPanel(new MigLayout("insets 0 4 0 4, fill", "[grow]", "[center]"));
        idleCard.add(idle, "growx, wmin 0");
        result.add(idleCard, IDLE);

        message.setName("scan.message");
        message.putClientProperty(FlatClientProperties.STYLE, "foreground: $Actions.Red; border: 6,10,6,10;"
                + " background: mix($Actions.Red,$Panel.background,10%)");
        message.setOpaque(true);
        JPanel messageCard = new JPanel(new MigLayout("insets 0, fill", "[grow,fill]", "[center]"));
        messageCard.add(message, "growx, wmin 0");
        result.add(messageCard, MESSAGE);

        matches.setName("scan.matches");
        matches.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        matches.setCellRenderer(new MatchRenderer());
        matches.setVisibleRowCount(3);
        Keys.bind(matches, JComponent.WHEN_FOCUSED, Keys.key(KeyEvent.VK_ENTER), "choose", this::chooseMatch);
        Keys.bind(matches, JComponent.WHEN_FOCUSED, Keys.key(KeyEvent.VK_ESCAPE), "backToScan", this::focusScan);
        matches.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    chooseMatch();
                }
            }
        });
        JPanel matchesCard = new JPanel(new MigLayout("insets 0, fill", "[grow,fill]", "[grow,fill]"));
        matchesCard.add(new JScrollPane(matches), "grow");
        result.add(matchesCard, MATCHES);

        foundTitle.setName("scan.found.title");
        foundTitle.putClientProperty(FlatClientProperties.STYLE_CLASS, "h3");
        foundDetails.setName("scan.found.details");
        foundNote.setName("scan.found.note");
        foundButton.setName("scan.found.ok");
        foundButton.putClientProperty(FlatClientProperties.STYLE_CLASS, "large");
        Keys.enterClicks(foundButton);
        Keys.bind(foundButton, JComponent.WHEN_FOCUSED, Keys.key(KeyEvent.VK_ESCAPE), "backToScan", () -> {
            showIdle();
            focusScan();
        });
        JPanel foundCard = new JPanel(new MigLayout("insets 4 10 4 10, fill", "[grow,fill][]", "[][]"));
        foundCard.putClientProperty(FlatClientProperties.STYLE, "background: mix($Component.accentColor,$Panel.background,8%)");
        foundCard.add(foundTitle, "wmin 0");
        foundCard.add(foundButton, "spany 2, aligny center, wrap");
        foundCard.add(foundDetails, "wmin 0, split 2");
        foundCard.add(foundNote, "wmin 0");
        result.add(foundCard, FOUND);

        ticketNumber.setName("scan.ticket");
        Theme.style(ticketNumber, "queueTicket");
        ticketNumber.setOpaque(true);
        ticketText.setName("scan.ticket.text");
        JPanel ticketCard = new JPanel(new MigLayout("insets 0 4 0 4, fill", "[][grow,fill]", "[center]"));
        ticketCard.add(ticketNumber);
        ticketCard.add(ticketText, "gapleft 16, wmin 0");
        result.add(ticketCard, TICKET);
        result.add(identificationCard(), CHECKED_IN);
        undoTimer.addActionListener(e -> tickUndo());
        showIdle();
    }

    /**
     * The card of a booking just checked in, for the one identity check at the counter: the queue
     * number to read out (big, high contrast), then photo, full name, NIK, birth date and age,
     * service and payment, in that order, aligned in a grid; and, while it can be, Esc to undo.
     */
    private JPanel identificationCard() {
        JPanel card = new JPanel(new MigLayout("insets 2 4 2 4, fill, gap 14 1, hidemode 3",
                "[]16[80!][right][grow,fill]", "[][][][][]"));
        cardNumber.setName("scan.checkedIn.number");
        Theme.style(cardNumber, "queueTicket");
        cardNumber.setOpaque(true);
        cardPhoto.setName("scan.checkedIn.photo");
        cardPhoto.setText(messages.get("counter.card.photo"));
        cardPhoto.setHorizontalAlignment(javax.swing.SwingConstants.CENTER);
        Theme.style(cardPhoto, "photoPlaceholder");
        cardName.setName("scan.checkedIn.name");
        Theme.style(cardName, "idName");
        cardNik.setName("scan.checkedIn.nik");
        cardBirth.setName("scan.checkedIn.birth");
        cardService.setName("scan.checkedIn.service");
        cardPayment.setName("scan.checkedIn.payment");
        cardNote.setName("scan.checkedIn.note");
        Theme.style(cardNote, "hint");
        cardUndo.setName("scan.checkedIn.undo");
        Theme.style(cardUndo, "undoHint");
        card.add(cardNumber, "spany 4, aligny top, growy 0");
        card.add(cardPhoto, "spany 5, w 80!, h 100!, aligny top");
        JLabel[] values = {cardName, cardNik, cardBirth, cardService, cardPayment};
        String[] keys = {"counter.card.name", "counter.card.nik", "counter.card.birth", "counter.card.service", "counter.card.payment"};
        for (int i = 0; i < values.length; i++) {
            JLabel key = Theme.style(new JLabel(messages.get(keys[i])), "idKey");
            key.setLabelFor(values[i]);
            if (values[i] != cardName) {
                Theme.style(values[i], "idValue");
            }
            boolean payment = values[i] == cardPayment;
            // the payment's line is below the queue number's four: its key and value are placed in their columns
            // explicitly, or the key would slide into the number's free column
            card.add(key, payment ? "cell 2 4" : "");
            card.add(values[i], payment ? "cell 3 4, wmin 0" : "wmin 0, wrap");
        }
        card.add(cardUndo, "cell 0 4, aligny bottom");
        // the hint on the payment's line, not a line of its own: the result area stays low on a 768 px screen
        card.add(cardNote, "cell 3 4, gapleft 24, wmin 0, hidemode 3");
        return card;
    }

    private static JButton button(Action a, String name) {
        JButton b = new JButton(a);
        b.setName(name);
        KeyStroke k = (KeyStroke) a.getValue(Action.ACCELERATOR_KEY);
        b.setHideActionText(true);
        b.setText(a.getValue(Action.NAME) + (k == null ? "" : "  ·  " + Keys.text(k)));
        Keys.enterClicks(b);
        return b;
    }

    public void focusScan() {
        field.requestFocusInWindow();
        field.selectAll();
    }

    public boolean scanHasFocus() {
        return field.isFocusOwner();
    }

    private void focusResult() {
        if (matches.isShowing()) {
            matches.requestFocusInWindow();
        } else if (foundButton.isShowing()) {
            foundButton.requestFocusInWindow();
        }
    }

    public void showIdle() {
        showIdleText(messages.get("counter.scan.idle"), true);
    }

    public void showBusy() {
        showIdleText(messages.get("counter.scan.busy"), true);
    }

    private void showIdleText(String text, boolean dim) {
        Edt.check();
        idle.setText(text);
        idle.putClientProperty(FlatClientProperties.STYLE_CLASS, dim ? null : "h3");
        idle.putClientProperty(FlatClientProperties.STYLE, dim ? "foreground: $Label.disabledForeground" : null);
        showCard(IDLE);
    }

    /** A refusal, in the officer's language; the scanned text stays selected, so the next scan replaces it. */
    public void showRefusal(String text) {
        message.setText("<html>" + escape(text) + "</html>");
        message.setToolTipText(text);
        showCard(MESSAGE);
        focusScan();
    }

    public void showMatches(List<Match> found) {
        matches.setListData(found.toArray(new Match[0]));
        matches.setSelectedIndex(0);
        showCard(MATCHES);
        matches.requestFocusInWindow();
    }

    /** A booking of today: who, what, paid or not, and the check-in button (focused: Enter checks in). */
    public void showBooking(Appointment a, Action checkIn) {
        foundTitle.setText(a.applicant().fullName());
        foundDetails.setText(a.bookingCode() + "  ·  " + (a.slotStart() == null ? "" : a.slotStart() + "  ·  ")
                + messages.get("service." + a.service().name()) + "  ·  ");
        foundNote.setText(messages.get("payment." + a.payment().status().name()));
        foundNote.putClientProperty(FlatClientProperties.STYLE,
                a.payment().status() == PaymentStatus.PAID ? "foreground: $Actions.Green" : "foreground: $Actions.Red");
        showFound(checkIn);
    }

    /** A held case whose applicant came back: what was missing, and the resume button (focused). */
    public void showResume(CaseFile c, String missing, Action resume) {
        foundTitle.setText(c.queueNumber() + "  ·  " + c.applicant().fullName());
        foundDetails.setText(messages.get("counter.scan.onHold", missing));
        foundNote.setText(c.holdReturnBy() == null ? "" : messages.get("counter.scan.returnBy",
                Dates.longDate(c.holdReturnBy(), messages.locale())));
        foundNote.putClientProperty(FlatClientProperties.STYLE, "foreground: $Label.disabledForeground");
        showFound(resume);
    }

    private void showFound(Action a) {
        foundButton.setAction(a);
        foundButton.setText(a.getValue(Action.NAME) + "  ·  Enter");
        showCard(FOUND);
        foundButton.requestFocusInWindow();
    }

    /**
     * A queue number, big, with what happened to it: just given at check-in (to read out and
     * write on the applicant's slip), or called to this counter. Clears the scan field.
     */
    public void showTicket(CaseFile c, String text) {
        if (caseOpen) {
            // the case's header shows the number large already: a line says what happened
            field.setText("");
            showInfo(text);
            return;
        }
        ticketNumber.setText(c.queueNumber().toString());
        ticketText.setText("<html>" + escape(text) + "</html>");
        ticketText.setToolTipText(text);
        field.setText("");
        showCard(TICKET);
    }

    /**
     * A booking checked in at once on its scan: the identification card, with "Esc: batalkan"
     * for {@code undoFor} (the check-in's undo window). Clears the scan field for the next scan.
     */
    public void showCheckedIn(CaseFile c, Appointment a, String text, java.time.Duration undoFor) {
        Edt.check();
        cardNumber.setText(c.queueNumber().toString());
        cardName.setText(c.applicant().fullName());
        cardNik.setText(c.applicant().nik());
        java.time.LocalDate born = c.applicant().birthDate();
        cardBirth.setText(born == null ? "-" : messages.get("counter.card.birthAge", Dates.longDate(born, messages.locale())
                .replaceFirst("^[^,]*, ", ""), java.time.Period.between(born, c.date()).getYears()));
        cardService.setText(messages.get("service." + c.service().name()));
        PaymentStatus paid = a == null || a.payment() == null ? null : a.payment().status();
        cardPayment.setText(paid == null ? "-" : messages.get("payment." + paid.name()));
        Theme.style(cardPayment, "idValue", paid == PaymentStatus.PAID ? "ok" : "error");
        cardNote.setText(text);
        cardNote.setToolTipText(text);
        ticketNumber.setText(c.queueNumber().toString());
        field.setText("");
        undoUntil = java.time.Instant.now().plus(undoFor);
        cardUndo.setVisible(true);
        tickUndo();
        undoTimer.restart();
        showCard(CHECKED_IN);
    }

    /** Shows one card of the result area; any other than the check-in's ends its undo. */
    private void showCard(String name) {
        if (!CHECKED_IN.equals(name) && undoTimer != null && undoTimer.isRunning()) {
            stopUndo();
            listener.undoTimedOut();
        }
        cards.show(result, name);
        shownCard = name;
        result.revalidate();
    }

    /**
     * Whether a case is open at the counter. While one is, the bar's idle line is all it shows
     * between scans (one line high) and a call is said in that line; a scan's cards still show
     * whole.
     */
    public void caseOpen(boolean open) {
        Edt.check();
        if (caseOpen != open) {
            caseOpen = open;
            if (open && TICKET.equals(shownCard)) {
                showIdle(); // a called ticket from before the case opened: the case's header shows it now
            }
            result.revalidate();
            result.repaint();
        }
    }

    /** Counts the undo window down on the card; when it ends, the hint goes. */
    private void tickUndo() {
        long left = undoUntil == null ? 0 : java.time.Duration.between(java.time.Instant.now(), undoUntil).toSeconds();
        if (left <= 0) {
            if (undoTimer.isRunning()) {
                stopUndo();
                listener.undoTimedOut();
            }
            return;
        }
        cardUndo.setText(messages.get("counter.card.undo", left));
    }

    private void stopUndo() {
        undoTimer.stop();
        undoUntil = null;
        cardUndo.setVisible(false);
    }

    /**
     * The case moved on at the counter: a queue number shown as just called or checked in is no
     * longer news, so the bar goes back to its idle line.
     */
    public void settle() {
        Edt.check();
        if (TICKET.equals(shownCard) || CHECKED_IN.equals(shownCard)) {
            stopUndo();
            showIdle();
        }
    }

    /** A neutral word about the last step (nobody waiting, for instance). */
    public void showInfo(String text) {
        showIdleText(text, false);
    }

    private void chooseMatch() {
        Match m = matches.getSelectedValue();
        if (m != null) {
            listener.chosen(m.booking());
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace("\n", "<br>");
    }

    /** One match: code, name, NIK, slot, service, and the queue number if already checked in. */
    private final class MatchRenderer extends DefaultListCellRenderer {
        @Override
        public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected, boolean focus) {
            Match m = (Match) value;
            Appointment a = m.booking();
            String text = a.bookingCode() + "   " + a.applicant().fullName() + "   " + a.applicant().nik() + "   "
                    + (a.slotStart() == null ? "" : a.slotStart() + "   ") + messages.get("service." + a.service().name())
                    + (m.number() == null ? "" : "   —   " + m.number() + " " + messages.name(m.status()));
            return super.getListCellRendererComponent(list, text, index, selected, focus);
        }
    }
}
