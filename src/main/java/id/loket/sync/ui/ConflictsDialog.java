package id.loket.sync.ui;

import com.formdev.flatlaf.FlatClientProperties;
import id.loket.staff.model.Session;
import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import id.loket.common.ui.Modal;
import id.loket.common.ui.Keys;
import id.loket.common.ui.PromptDialog;
import id.loket.common.ui.Tasks;
import id.loket.sync.model.Conflict;
import id.loket.sync.model.Resolution;
import id.loket.sync.service.ConflictService;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import net.miginfocom.swing.MigLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor's list of conflicts with central: the open ones, and those put aside for a
 * manual follow-up (marked so). The selected conflict's two sides are shown side by side,
 * office and central, as {@code key: value} lines with NIKs masked, with how many events it
 * holds back. Keep the office's outcome (Ctrl+1 or K), accept central's (Ctrl+2 or P) or put
 * it aside for a manual follow-up (Ctrl+3 or M): each asks for an optional note, settles the
 * conflict off the event-dispatch thread and reloads the list. A refusal is shown in words
 * and the dialog stays open. Esc or Close closes.
 */
public final class ConflictsDialog extends JDialog {

    private static final Logger LOG = LoggerFactory.getLogger(ConflictsDialog.class);
    private static final int NOTE_MAX = 500;

    private final Messages m;
    /** The list and the two sides: hidden when there is no conflict, so a plain sentence stands alone. */
    private JPanel middle;
    private final ConflictService conflicts;
    private final Session supervisor;
    private final Tasks tasks = new Tasks("conflicts");
    private final ConflictTableModel model;
    private final JTable table;
    private final JLabel summary = new JLabel(" ");
    private final JTextArea office = side("conflicts.office");
    private final JTextArea central = side("conflicts.central");
    private final JLabel held = new JLabel(" ");
    private final JLabel status = new JLabel(" ");
    private final JButton keep;
    private final JButton accept;
    private final JButton manual;
    private final JButton close;
    private boolean busy;

    private ConflictsDialog(Window owner, Messages m, ConflictService conflicts, Session supervisor, ZoneId zone) {
        super(owner, m.get("conflicts.title"), ModalityType.APPLICATION_MODAL);
        this.m = m;
        this.conflicts = conflicts;
        this.supervisor = supervisor;
        setName("conflicts");
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                dispose();
            }
        });

        model = new ConflictTableModel(m, zone);
        table = new JTable(model);
        table.setName("conflicts.table");
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setFillsViewportHeight(true);
        table.getTableHeader().setReorderingAllowed(false);
        table.putClientProperty("JTable.autoStartsEdit", Boolean.FALSE);
        table.getSelectionModel().addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                showSelected();
            }
        });
        Keys.release(table, Keys.key(KeyEvent.VK_ESCAPE), Keys.ctrl(KeyEvent.VK_1), Keys.ctrl(KeyEvent.VK_2), Keys.ctrl(KeyEvent.VK_3));
        summary.setName("conflicts.summary");
        held.setName("conflicts.held");
        status.setName("conflicts.status");

        keep = action("conflicts.keep", Resolution.KEEP_OFFICE, KeyEvent.VK_1, KeyEvent.VK_K);
        accept = action("conflicts.accept", Resolution.ACCEPT_CENTRAL, KeyEvent.VK_2, KeyEvent.VK_P);
        manual = action("conflicts.manual", Resolution.MANUAL_FOLLOW_UP, KeyEvent.VK_3, KeyEvent.VK_M);
        close = new JButton(m.get("conflicts.close"));
        close.setName("conflicts.close");
        close.setToolTipText(Keys.text(Keys.key(KeyEvent.VK_ESCAPE)));
        close.addActionListener(e -> dispose());
        Keys.enterClicks(close);

        JScrollPane tableScroll = new JScrollPane(table);
        tableScroll.setPreferredSize(new Dimension(720, 180));

        JPanel sides = new JPanel(new MigLayout("insets 0, gap 12 4", "[grow,fill,sg side][grow,fill,sg side]", "[][grow,fill][]"));
        JLabel officeLabel = new JLabel(m.get("conflicts.side.office"));
        id.loket.common.ui.Theme.style(officeLabel, "bold");
        JLabel centralLabel = new JLabel(m.get("conflicts.side.central"));
        id.loket.common.ui.Theme.style(centralLabel, "bold");
        sides.add(officeLabel);
        sides.add(centralLabel, "wrap");
        JScrollPane officeScroll = new JScrollPane(office);
        officeScroll.setPreferredSize(new Dimension(350, 220));
        JScrollPane centralScroll = new JScrollPane(central);
        centralScroll.setPreferredSize(new Dimension(350, 220));
        sides.add(officeScroll, "wmin 200");
        sides.add(centralScroll, "wmin 200, wrap");
        sides.add(held, "span 2, left");

        middle = new JPanel(new BorderLayout(0, 12));
        middle.add(tableScroll, BorderLayout.NORTH);
        middle.add(sides, BorderLayout.CENTER);

        JPanel buttons = new JPanel(new MigLayout("insets 0, gap 8", "[grow][][][][]", "[]"));
        buttons.add(status, "span, growx, wmin 0, wrap");
        buttons.add(keep, "skip");
        buttons.add(accept);
        buttons.add(manual);
        buttons.add(close, "gapleft 16");

        JPanel content = new JPanel(new BorderLayout(0, 12));
        content.putClientProperty(FlatClientProperties.STYLE, "border: 16,16,12,16");
        content.add(summary, BorderLayout.NORTH);
        content.add(middle, BorderLayout.CENTER);
        content.add(buttons, BorderLayout.SOUTH);
        setContentPane(content);
        Keys.bind(getRootPane(), JComponent.WHEN_IN_FOCUSED_WINDOW, Keys.key(KeyEvent.VK_ESCAPE), "close", this::dispose);

        showSelected();
        reload(null);
    }

    /**
     * Shows the dialog (modal) until it is closed. {@code supervisor} is who settles the
     * conflicts (the service refuses anyone else, in words); detection times are shown in
     * {@code zone}. The service is called off the event-dispatch thread only.
     */
    public static void show(Window owner, Messages m, ConflictService conflicts, Session supervisor, ZoneId zone) {
        new ConflictsDialog(owner, m, conflicts, supervisor, zone).showModal();
    }

    private void showModal() {
        Modal.show(this, table);
    }

    @Override
    public void dispose() {
        super.dispose();
        // Never wait on the event-dispatch thread: a step still running finishes by itself.
        tasks.stop();
    }

    private static JTextArea side(String name) {
        JTextArea a = new JTextArea(12, 32);
        a.setName(name);
        a.setEditable(false);
        a.setFocusable(false);
        a.setLineWrap(false);
        return a;
    }

    /** A button for a resolution, also pressed by Ctrl+{@code digit} and the plain {@code letter}. */
    private JButton action(String name, Resolution r, int digit, int letter) {
        JButton b = new JButton(m.get(name));
        b.setName(name);
        KeyStroke ctrl = Keys.ctrl(digit);
        KeyStroke plain = Keys.key(letter);
        b.setToolTipText(Keys.text(ctrl) + " / " + Keys.text(plain));
        b.addActionListener(e -> settle(r));
        Keys.enterClicks(b);
        Keys.bind(getRootPane(), JComponent.WHEN_IN_FOCUSED_WINDOW, ctrl, name + ".ctrl", () -> settle(r));
        Keys.bind(getRootPane(), JComponent.WHEN_IN_FOCUSED_WINDOW, plain, name + ".key", () -> settle(r));
        return b;
    }

    /** Loads the open and follow-up conflicts off the event-dispatch thread, then selects {@code keepId} (or the first). */
    private void reload(Long keepId) {
        busy = true;
        enableActions();
        summary.setText(m.get("conflicts.loading"));
        tasks.run(() -> {
            List<ConflictTableModel.Row> rows = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            for (Conflict c : conflicts.open(supervisor)) {
                if (seen.add(c.id())) {
                    rows.add(new ConflictTableModel.Row(c, false, conflicts.heldEvents(supervisor, c.id())));
                }
            }
            for (Conflict c : conflicts.followUps(supervisor)) {
                if (seen.add(c.id())) {
                    rows.add(new ConflictTableModel.Row(c, true, conflicts.heldEvents(supervisor, c.id())));
                }
            }
            return rows;
        }, rows -> {
            busy = false;
            model.set(rows);
            fitColumns();
            middle.setVisible(!rows.isEmpty());
            if (rows.isEmpty()) {
                summary.setText(m.get("conflicts.none"));
            } else {
                // the open ones, the count the status bar and the dashboard show; follow-ups are listed after them
                summary.setText(m.get("conflicts.summary", rows.stream().filter(r -> !r.followUp()).count()));
                int row = keepId == null ? -1 : model.indexOf(keepId);
                int viewRow = table.convertRowIndexToView(Math.max(row, 0));
                table.getSelectionModel().setSelectionInterval(viewRow, viewRow);
                table.scrollRectToVisible(table.getCellRect(viewRow, 0, true));
            }
            showSelected();
        }, e -> {
            busy = false;
            summary.setText(" ");
            showSelected();
            problem(words(e));
        });
    }

    /**
     * Each column as wide as its header and its widest value at the current text size, the list
     * as wide as its columns (within the screen), and the dialog packed again: nothing cut.
     */
    private void fitColumns() {
        java.awt.Rectangle screen = id.loket.common.ui.Screens.usableBounds(this);
        int room = screen.width - 64; // the list is sized below to its columns, as far as the screen allows
        int total = id.loket.common.ui.Tables.fitToContent(table, room);
        JScrollPane scroll = (JScrollPane) SwingUtilities.getAncestorOfClass(JScrollPane.class, table);
        if (scroll != null) {
            int rows = Math.min(Math.max(table.getRowCount(), 3), 6);
            scroll.setPreferredSize(new Dimension(Math.min(room, Math.max(720, total + 4)),
                    table.getTableHeader().getPreferredSize().height + rows * table.getRowHeight() + 4));
        }
        if (isShowing()) {
            id.loket.common.ui.Screens.packWithin(this, getOwner());
        }
    }

    private Optional<ConflictTableModel.Row> selected() {
        int row = table.getSelectedRow();
        return row < 0 ? Optional.empty() : Optional.of(model.at(table.convertRowIndexToModel(row)));
    }

    private void showSelected() {
        Optional<ConflictTableModel.Row> row = selected();
        if (row.isEmpty()) {
            office.setText("");
            central.setText("");
            held.setText(" ");
        } else {
            Conflict c = row.get().conflict();
            office.setText(ConflictSides.readable(c.officeSide(), m));
            office.setCaretPosition(0);
            central.setText(ConflictSides.readable(c.centralSide(), m));
            central.setCaretPosition(0);
            held.setText(m.get(row.get().followUp() ? "conflicts.held.followUp" : "conflicts.held", row.get().held()));
        }
        enableActions();
    }

    private void enableActions() {
        boolean can = !busy && table.getSelectedRow() >= 0;
        keep.setEnabled(can);
        accept.setEnabled(can);
        manual.setEnabled(can);
    }

    /** Asks for an optional note, then settles the selected conflict off the event-dispatch thread. */
    private void settle(Resolution r) {
        if (busy) {
            return;
        }
        Optional<ConflictTableModel.Row> row = selected();
        if (row.isEmpty()) {
            problem(m.get(model.getRowCount() == 0 ? "conflicts.empty" : "conflicts.nothingSelected"));
            return;
        }
        Conflict c = row.get().conflict();
        Optional<String> note = PromptDialog.ask(this, "conflicts.note", m.get("conflicts.note.title", m.name(r)),
                m.get("conflicts.note.intro", ConflictTableModel.caseLabel(c), m.name(r)), m.get("conflicts.note.label"), "", 36,
                text -> text.length() > NOTE_MAX ? m.get("conflicts.note.tooLong", NOTE_MAX) : null,
                m.get("conflicts.note.ok"), m.get("conflicts.note.cancel"));
        if (note.isEmpty()) {
            info(m.get("conflicts.cancelled"));
            table.requestFocusInWindow();
            return;
        }
        String text = note.get().isBlank() ? null : note.get();
        busy = true;
        enableActions();
        info(m.get("conflicts.saving"));
        table.requestFocusInWindow();
        tasks.run(() -> conflicts.resolve(c.id(), supervisor, r, text), settled -> {
            busy = false;
            done(m.get("conflicts.done", ConflictTableModel.caseLabel(settled), m.name(r)));
            reload(null);
        }, e -> {
            busy = false;
            enableActions();
            problem(words(e));
        });
    }

    private String words(Exception e) {
        if (e instanceof UserFacingException u) {
            return m.of(u);
        }
        LOG.warn("Conflicts dialog: unexpected failure", e);
        return m.get("error.unexpected");
    }

    private void problem(String text) {
        status.setText(text);
        status.setToolTipText(text);
        status.putClientProperty(FlatClientProperties.STYLE, "foreground: $Actions.Red");
    }

    private void done(String text) {
        status.setText(text);
        status.setToolTipText(text);
        status.putClientProperty(FlatClientProperties.STYLE, "foreground: $Actions.Green");
    }

    private void info(String text) {
        status.setText(text);
        status.setToolTipText(null);
        status.putClientProperty(FlatClientProperties.STYLE, null);
    }
}
