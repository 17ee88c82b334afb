package id.loket.checkin.ui;

import com.formdev.flatlaf.FlatClientProperties;
import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.PaymentStatus;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.QueueNumber;
import id.loket.common.i18n.Messages;
import id.loket.common.ui.Dates;
import id.loket.common.ui.Keys;
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
    }

    /** A booking found by NIK or name, with its queue number and state if it was checked in. */
    public record Match(Appointment booking, QueueNumber number, CaseStatus status) {
    }

    private static final String IDLE = "idle";
    private static final String MESSAGE = "message";
    private static final String MATCHES = "matches";
    private static final String FOUND = "found";
    private static final String TICKET = "ticket";

    private final Messages messages;
    private final Listener listener;
    private final JTextField field = new JTextField();
    private final CardLayout cards = new CardLayout();
    private final JPanel result = new JPanel(cards);
    private final JLabel idle = new JLabel();
    private final JLabel message = new JLabel();
    private final JList<Match> matches = new JList<>();
    private final JLabel foundTitle = new JLabel();
    private final JLabel foundDetails = new JLabel();
    private final JLabel foundNote = new JLabel();
    private final JButton foundButton = new JButton();
    private final JLabel ticketNumber = new JLabel();
    private final JLabel ticketText = new JLabel();

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
        add(result, "span 4, growx, h 66!");

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
        ticketNumber.putClientProperty(FlatClientProperties.STYLE_CLASS, "h00");
        ticketNumber.putClientProperty(FlatClientProperties.STYLE, "foreground: $Actions.Green");
        ticketText.setName("scan.ticket.text");
        JPanel ticketCard = new JPanel(new MigLayout("insets 0 4 0 4, fill", "[][grow,fill]", "[center]"));
        ticketCard.add(ticketNumber);
        ticketCard.add(ticketText, "gapleft 16, wmin 0");
        result.add(ticketCard, TICKET);
        showIdle();
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
        idle.setText(text);
        idle.putClientProperty(FlatClientProperties.STYLE_CLASS, dim ? null : "h3");
        idle.putClientProperty(FlatClientProperties.STYLE, dim ? "foreground: $Label.disabledForeground" : null);
        cards.show(result, IDLE);
    }

    /** A refusal, in the officer's language; the scanned text stays selected, so the next scan replaces it. */
    public void showRefusal(String text) {
        message.setText("<html>" + escape(text) + "</html>");
        message.setToolTipText(text);
        cards.show(result, MESSAGE);
        focusScan();
    }

    public void showMatches(List<Match> found) {
        matches.setListData(found.toArray(new Match[0]));
        matches.setSelectedIndex(0);
        cards.show(result, MATCHES);
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
        cards.show(result, FOUND);
        foundButton.requestFocusInWindow();
    }

    /**
     * A queue number, big, with what happened to it: just given at check-in (to read out and
     * write on the applicant's slip), or called to this counter. Clears the scan field.
     */
    public void showTicket(CaseFile c, String text) {
        ticketNumber.setText(c.queueNumber().toString());
        ticketText.setText("<html>" + escape(text) + "</html>");
        ticketText.setToolTipText(text);
        field.setText("");
        cards.show(result, TICKET);
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
