package id.loket.queue.ui;

import id.loket.queue.model.DayCounts;
import com.formdev.flatlaf.FlatClientProperties;
import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.appointment.model.PaymentStatus;
import id.loket.casefile.model.CaseStatus;
import id.loket.common.i18n.Messages;
import id.loket.common.ui.Choice;
import id.loket.common.ui.Keys;
import id.loket.queue.model.QueueEntry;
import id.loket.queue.model.QueueFilter;
import id.loket.queue.model.QueueSearch;
import id.loket.queue.model.QueueView;
import java.awt.Color;
import java.awt.Component;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.KeyboardFocusManager;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.Timer;
import javax.swing.UIManager;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.table.DefaultTableCellRenderer;
import net.miginfocom.swing.MigLayout;

/**
 * Today's queue: a search field that filters as you type (booking code, NIK, name or queue
 * number) and a choice of what to show (all bookings, waiting, awaiting approval…) above the
 * day's bookings and walk-ins with their queue number, state, counter and waiting time. The
 * waiting time moves on by itself (a timer every 30 s). Cancelled and moved bookings are
 * dimmed; unpaid ones and long waits stand out. Enter or a double click opens a line.
 * <p>
 * The search works on the day as normalised once per reload ({@link QueueSearch}); a keystroke
 * is one pass over it and one change of the rows in view ({@link QueueRowSorter}), the line whose
 * booking code is the whole query listed first and selected.
 */
public final class QueuePanel extends JPanel {

    /** How often the waiting times are brought up to date. */
    static final int TICK_MILLIS = 30_000;
    /** From this long a wait is shown as long. */
    private static final Duration LONG_WAIT = Duration.ofMinutes(30);

    private final Messages messages;
    private final QueueTableModel model;
    private final JTable table;
    private final JTextField search = new JTextField();
    private final JComboBox<Choice<QueueView>> view = new JComboBox<>();
    private final JLabel count = new JLabel();
    private DayCounts counts = DayCounts.NONE;
    private final QueueRowSorter sorter;
    /** The day's lines normalised for the search, built with each {@link #setEntries}. */
    private QueueSearch lines = QueueSearch.EMPTY;
    private final Timer ticker;
    private final JScrollPane scroll;
    /** Every column, shown or not (see {@link #fitColumns()}). */
    private List<javax.swing.table.TableColumn> allColumns;
    private Consumer<QueueEntry> onOpen = e -> { };
    private String myCounter;

    public QueuePanel(Messages messages, Supplier<OffsetDateTime> now) {
        super(new MigLayout("fill, insets 6 12 6 6, hidemode 3", "[][grow,fill]", "[][][grow,fill]"));
        this.messages = messages;
        this.model = new QueueTableModel(messages, now);
        this.table = new JTable(model) {
            /** Fills the width when there is room; scrolls sideways rather than squeezing every column. */
            @Override
            public boolean getScrollableTracksViewportWidth() {
                return getParent() == null || getPreferredSize().width <= getParent().getWidth();
            }
        };
        this.sorter = new QueueRowSorter(model);
        setName("queue.panel");

        JLabel searchLabel = new JLabel(messages.get("queue.search"));
        searchLabel.setDisplayedMnemonic(KeyEvent.VK_C);
        searchLabel.setLabelFor(search);
        search.setName("queue.search");
        search.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, messages.get("queue.search.placeholder"));
        search.putClientProperty(FlatClientProperties.TEXT_FIELD_SHOW_CLEAR_BUTTON, true);
        search.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                applyFilter();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                applyFilter();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                applyFilter();
            }
        });
        Keys.bind(search, JComponent.WHEN_FOCUSED, Keys.key(KeyEvent.VK_ESCAPE), "clear", () -> search.setText(""));
        // Enter and Down go to the lines found: the first one is selected, Enter there opens it.
        search.addActionListener(e -> focusTable());
        Keys.bind(search, JComponent.WHEN_FOCUSED, Keys.key(KeyEvent.VK_DOWN), "toTable", this::focusTable);

        JLabel viewLabel = new JLabel(messages.get("queue.view"));
        viewLabel.setDisplayedMnemonic(messages.get("queue.view.mnemonic").charAt(0));
        viewLabel.setLabelFor(view);
        view.setName("queue.view");
        for (QueueView v : QueueView.values()) {
            view.addItem(new Choice<>(v, messages.get("queue.view." + v.name().toLowerCase(Locale.ROOT))));
        }
        view.addActionListener(e -> applyFilter());
        count.setName("queue.count");

        table.setName("queue.table");
        table.setRowSorter(sorter);
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setFillsViewportHeight(true);
        table.setAutoCreateRowSorter(false);
        table.setDefaultRenderer(Object.class, new Renderer());
        table.setDefaultRenderer(Duration.class, new Renderer());
        table.setAutoResizeMode(JTable.AUTO_RESIZE_SUBSEQUENT_COLUMNS);
        allColumns = new ArrayList<>();
        for (int i = 0; i < table.getColumnModel().getColumnCount(); i++) {
            allColumns.add(table.getColumnModel().getColumn(i));
        }
        table.getTableHeader().setReorderingAllowed(false);
        table.setFocusTraversalKeys(KeyboardFocusManager.FORWARD_TRAVERSAL_KEYS, Set.of(Keys.key(KeyEvent.VK_TAB)));
        table.setFocusTraversalKeys(KeyboardFocusManager.BACKWARD_TRAVERSAL_KEYS,
                Set.of(KeyStroke.getKeyStroke(KeyEvent.VK_TAB, InputEvent.SHIFT_DOWN_MASK)));
        Keys.release(table, Keys.key(KeyEvent.VK_F2), Keys.ctrl(KeyEvent.VK_A), Keys.ctrl(KeyEvent.VK_ENTER),
                Keys.key(KeyEvent.VK_F6), Keys.key(KeyEvent.VK_F8), Keys.ctrl(KeyEvent.VK_I), Keys.ctrl(KeyEvent.VK_R));
        Keys.bind(table, JComponent.WHEN_FOCUSED, Keys.key(KeyEvent.VK_ENTER), "open", this::openSelected);
        table.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getClickCount() == 2) {
                    openSelected();
                }
            }
        });

        // three rows above the table, so that the search, the choice and the day's figures are read whole in a narrow queue
        add(searchLabel);
        add(search, "growx, wmin 80, wrap");
        add(viewLabel);
        add(view, "growx 0, wmin 80, wrap");
        add(count, "span 2, wmin 0, wrap");
        scroll = new JScrollPane(table);
        add(scroll, "span 2, grow, wmin 0");
        // the columns are chosen for the width the queue has: whenever it changes, and when the lines or the text size do
        scroll.getViewport().addComponentListener(new java.awt.event.ComponentAdapter() {
            @Override
            public void componentResized(java.awt.event.ComponentEvent e) {
                fitColumns();
            }
        });

        Keys.bind(this, JComponent.WHEN_IN_FOCUSED_WINDOW, Keys.ctrl(KeyEvent.VK_F), "focusSearch", this::focusSearch);
        ticker = new Timer(TICK_MILLIS, e -> model.clockTicked());
        ticker.setRepeats(true);
        updateCount();
    }

    /**
     * The columns shown, most needed first: when the queue is too narrow for all, the last ones of
     * this list are left out (their content stays in the tooltip of the line and in the case), so
     * that those shown are read whole — never cut with "…".
     */
    static final List<QueueTableModel.Column> PRIORITY = List.of(QueueTableModel.Column.NUMBER, QueueTableModel.Column.NAME,
            QueueTableModel.Column.STATUS, QueueTableModel.Column.WAITING, QueueTableModel.Column.COUNTER, QueueTableModel.Column.SLOT,
            QueueTableModel.Column.SERVICE, QueueTableModel.Column.PAYMENT, QueueTableModel.Column.BOOKING_CODE);
    /** The name column is never narrower than this many characters (it takes the room left over). */
    private static final int NAME_MIN_CHARS = 14;

    /**
     * Sizes every column to its header and its widest value (at the current text size) and shows
     * as many columns as the width allows, in {@link #PRIORITY} order; the name takes what is left.
     * Below the room for the first three the table scrolls sideways instead.
     */
    void fitColumns() {
        if (allColumns == null) {
            return;
        }
        int available = scroll.getViewport().getWidth();
        if (available <= 0) {
            return;
        }
        // measured once for this fit: the bold metrics (a line of the officer's own case is bold) and the name's least width
        FontMetrics bold = table.getFontMetrics(table.getFont().deriveFont(Font.BOLD));
        int nameMin = table.getFontMetrics(table.getFont()).charWidth('n') * NAME_MIN_CHARS;
        java.util.Map<QueueTableModel.Column, Integer> need = new java.util.EnumMap<>(QueueTableModel.Column.class);
        for (QueueTableModel.Column c : QueueTableModel.Column.values()) {
            need.put(c, neededWidth(c, bold));
        }
        java.util.Set<QueueTableModel.Column> shown = java.util.EnumSet.noneOf(QueueTableModel.Column.class);
        int used = 0;
        for (QueueTableModel.Column c : PRIORITY) {
            int w = need.get(c);
            if (c == QueueTableModel.Column.NAME) {
                w = Math.min(w, nameMin);
            }
            if (shown.size() >= 3 && used + w > available) {
                break;
            }
            shown.add(c);
            used += w;
        }
        javax.swing.table.TableColumnModel cm = table.getColumnModel();
        while (cm.getColumnCount() > 0) {
            cm.removeColumn(cm.getColumn(0));
        }
        int total = 0;
        for (javax.swing.table.TableColumn tc : allColumns) {
            QueueTableModel.Column c = QueueTableModel.Column.values()[tc.getModelIndex()];
            if (shown.contains(c)) {
                cm.addColumn(tc);
                tc.setMinWidth(c == QueueTableModel.Column.NAME ? Math.min(need.get(c), 15) : need.get(c));
                tc.setPreferredWidth(need.get(c));
                total += need.get(c);
            }
        }
        // the room left over goes to the name (the one column that may be cut: it is whole in the tooltip)
        javax.swing.table.TableColumn name = allColumns.get(QueueTableModel.Column.NAME.ordinal());
        if (shown.contains(QueueTableModel.Column.NAME)) {
            int others = total - need.get(QueueTableModel.Column.NAME);
            name.setPreferredWidth(Math.max(nameMin, available - others));
            name.setWidth(name.getPreferredWidth());
        }
        table.revalidate();
    }

    /** A column's width for its header and its widest value now, with the cell's margins. */
    private int neededWidth(QueueTableModel.Column c, FontMetrics bold) {
        javax.swing.table.TableColumn tc = allColumns.get(c.ordinal());
        javax.swing.table.TableCellRenderer header = tc.getHeaderRenderer() != null ? tc.getHeaderRenderer()
                : table.getTableHeader().getDefaultRenderer();
        int w = header.getTableCellRendererComponent(table, tc.getHeaderValue(), false, false, -1, c.ordinal()).getPreferredSize().width;
        if (c == QueueTableModel.Column.NAME) {
            return w + 8;
        }
        int rows = model.getRowCount();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int r = 0; r < rows; r++) {
            Object v = model.getValueAt(r, c.ordinal());
            String text = v instanceof Duration d ? model.waitingText(d) : v == null ? "" : v.toString();
            if (seen.add(text)) {
                w = Math.max(w, bold.stringWidth(text) + 12);
            }
        }
        if (c == QueueTableModel.Column.WAITING) {
            w = Math.max(w, table.getFontMetrics(table.getFont()).stringWidth(messages.get("queue.waiting.hours", 9, 59)) + 12);
        }
        return w + table.getIntercellSpacing().width;
    }

    @Override
    public void updateUI() {
        super.updateUI();
        if (allColumns != null) {
            javax.swing.SwingUtilities.invokeLater(this::fitColumns);
        }
    }

    /** Which columns are shown now, left to right (tests). */
    List<QueueTableModel.Column> shownColumns() {
        List<QueueTableModel.Column> out = new ArrayList<>();
        for (int i = 0; i < table.getColumnModel().getColumnCount(); i++) {
            out.add(QueueTableModel.Column.values()[table.getColumnModel().getColumn(i).getModelIndex()]);
        }
        return out;
    }

    @Override
    public void addNotify() {
        super.addNotify();
        ticker.start();
    }

    @Override
    public void removeNotify() {
        ticker.stop();
        super.removeNotify();
    }

    /** What Enter (or a double click) on a line does. */
    public void onOpen(Consumer<QueueEntry> action) {
        this.onOpen = action;
    }

    /** Lines of cases at this counter are shown in bold. */
    public void setMyCounter(String counter) {
        this.myCounter = counter;
        table.repaint();
    }

    /**
     * Replaces the entries, keeping the selected line selected; {@code counts} are the day's
     * figures as the dashboard and the reports count them (the count line shows those, not lines).
     */
    public void setEntries(List<QueueEntry> entries, DayCounts counts) {
        String selected = selectedKey();
        this.counts = counts;
        lines = new QueueSearch(entries);
        // the search is worked out for the new lines first: the model's change then puts the rows in view once
        sorter.expect(find());
        model.setEntries(entries);
        updateCount();
        fitColumns();
        if (selected != null) {
            select(selected, false);
        }
    }

    /**
     * Updates the lines of {@code changed} (cases read again) in place, each found by its booking,
     * or by its case when it has no booking of the day, and the day's figures; the other lines and
     * the selection stay, the changed lines take their place in the sort, and the columns are
     * fitted to what they now hold. Answers false, changing nothing, when one of them has no line
     * (a new walk-in): read the whole day then.
     */
    public boolean patch(List<QueueEntry> changed, DayCounts counts) {
        Map<Integer, QueueEntry> rows = new HashMap<>();
        if (!changed.isEmpty()) {
            Map<String, Integer> byBooking = new HashMap<>();
            Map<String, Integer> byCase = new HashMap<>();
            for (int i = 0; i < model.getRowCount(); i++) {
                QueueEntry e = model.entry(i);
                if (e.appointment() != null) {
                    byBooking.put(e.appointment().id(), i);
                } else {
                    byCase.put(e.caseFile().caseRef(), i);
                }
            }
            for (QueueEntry e : changed) {
                Integer row = e.appointment() != null ? byBooking.get(e.appointment().id()) : byCase.get(e.caseFile().caseRef());
                if (row == null) {
                    return false;
                }
                rows.put(row, e);
            }
        }
        this.counts = counts;
        lines = lines.replaced(rows);
        model.replace(rows);
        // the search, the view (waiting, at my counter…) and the sort see the changed lines
        sorter.linesChanged(find());
        updateCount();
        fitColumns(); // a first queue number, a longer status: the columns may need to widen
        return true;
    }

    /**
     * Brings the line of {@code caseRef} (a case, or a booking not yet checked in) into view and
     * selects it: the applicant just scanned or now at this counter. If a filter hides it, the
     * filter is cleared first. Answers whether the line was found.
     */
    public boolean reveal(String caseRef) {
        if (caseRef == null) {
            return false;
        }
        int index = -1;
        for (int i = 0; i < model.getRowCount(); i++) {
            QueueEntry e = model.entry(i);
            if (caseRef.equals(e.key()) || (e.caseFile() != null && caseRef.equals(e.caseFile().caseRef()))
                    || caseRef.equals(e.code())) {
                index = i;
                break;
            }
        }
        if (index < 0) {
            return false;
        }
        if (table.convertRowIndexToView(index) < 0) {
            search.setText("");
            view.setSelectedIndex(0);
        }
        int row = table.convertRowIndexToView(index);
        if (row < 0) {
            return false;
        }
        table.getSelectionModel().setSelectionInterval(row, row);
        java.awt.Rectangle cell = table.getCellRect(row, 0, true);
        // a line or two around it, so it is not glued to the edge
        cell.y = Math.max(0, cell.y - cell.height);
        cell.height *= 3;
        table.scrollRectToVisible(cell);
        return true;
    }

    public List<QueueEntry> entries() {
        return model.entries();
    }

    /** Selects the line of a case or booking (if it is shown), scrolling to it. */
    public void select(String key, boolean scroll) {
        for (int i = 0; i < model.getRowCount(); i++) {
            if (model.entry(i).key().equals(key)) {
                int row = table.convertRowIndexToView(i);
                if (row >= 0) {
                    table.getSelectionModel().setSelectionInterval(row, row);
                    if (scroll) {
                        table.scrollRectToVisible(table.getCellRect(row, 0, true));
                    }
                }
                return;
            }
        }
    }

    public void focusSearch() {
        search.requestFocusInWindow();
        search.selectAll();
    }

    private void focusTable() {
        if (table.getRowCount() > 0 && table.getSelectedRow() < 0) {
            table.getSelectionModel().setSelectionInterval(0, 0);
        }
        table.requestFocusInWindow();
    }

    private void openSelected() {
        int row = table.getSelectedRow();
        if (row >= 0) {
            onOpen.accept(model.entry(table.convertRowIndexToModel(row)));
        }
    }

    private String selectedKey() {
        int row = table.getSelectedRow();
        return row < 0 ? null : model.entry(table.convertRowIndexToModel(row)).key();
    }

    @SuppressWarnings("unchecked")
    private QueueView chosenView() {
        Object item = view.getSelectedItem();
        return item == null ? QueueView.ALL : ((Choice<QueueView>) item).value();
    }

    /** The lines the search and the view show, or null when they show every line. */
    private QueueSearch.Found find() {
        QueueFilter filter = new QueueFilter(search.getText());
        QueueView shown = chosenView();
        return filter.isEmpty() && shown == QueueView.ALL ? null : lines.find(filter, shown);
    }

    /** One keystroke (or a change of view): one pass over the day's search keys, one change of the rows in view. */
    private void applyFilter() {
        QueueSearch.Found found = find();
        sorter.setFound(found);
        if (found != null && found.exact() >= 0 && table.getRowCount() > 0) {
            // the booking code typed or scanned whole: its line is the first, selected for Enter
            table.getSelectionModel().setSelectionInterval(0, 0);
            table.scrollRectToVisible(table.getCellRect(0, 0, true));
        }
        updateCount();
    }

    private void updateCount() {
        int all = model.getRowCount();
        int shown = table.getRowCount();
        count.setText(shown == all ? messages.get("queue.count.all", counts.appointments(), counts.arrivals(), counts.waiting())
                : messages.get("queue.count.filtered", shown, all));
    }

    /** Dims bookings that will not come today and closed cases; marks unpaid payment and long waits. */
    private final class Renderer extends DefaultTableCellRenderer {
        @Override
        public Component getTableCellRendererComponent(JTable t, Object value, boolean selected, boolean focus, int row, int column) {
            Object shown = value instanceof Duration d ? model.waitingText(d) : value;
            Component c = super.getTableCellRendererComponent(t, shown, selected, focus, row, column);
            QueueEntry e = model.entry(t.convertRowIndexToModel(row));
            setToolTipText(column == QueueTableModel.Column.SERVICE.ordinal() ? messages.get("service." + e.service().name())
                    : column == QueueTableModel.Column.SLOT.ordinal() && e.appointment() == null ? messages.get("queue.walkIn.arrived", shown)
                    : shown == null || shown.toString().isEmpty() ? null : shown.toString());
            boolean mine = myCounter != null && myCounter.equals(e.counter()) && e.caseStatus() != null
                    && !e.caseStatus().isClosed() && e.caseStatus() != CaseStatus.APPROVED;
            c.setFont(mine || (e.isWaiting() && column == QueueTableModel.Column.NUMBER.ordinal())
                    ? t.getFont().deriveFont(Font.BOLD) : t.getFont());
            if (selected) {
                return c;
            }
            Appointment a = e.appointment();
            Color fg = t.getForeground();
            Duration waited = value instanceof Duration d ? d : null;
            if ((!e.hasCase() && a.status() != AppointmentStatus.BOOKED) || (e.caseStatus() != null && e.caseStatus().isClosed())) {
                fg = UIManager.getColor("Label.disabledForeground");
            } else if (column == QueueTableModel.Column.PAYMENT.ordinal() && a != null && a.payment().status() != PaymentStatus.PAID) {
                fg = Objects.requireNonNullElse(UIManager.getColor("Actions.Red"), fg);
            } else if (waited != null && e.isWaiting() && waited.compareTo(LONG_WAIT) >= 0) {
                fg = Objects.requireNonNullElse(UIManager.getColor("Actions.Red"), fg);
            } else if (waited != null && !e.isWaiting()) {
                fg = UIManager.getColor("Label.disabledForeground");
            }
            c.setForeground(fg);
            return c;
        }
    }
}
