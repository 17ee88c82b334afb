package id.loket.queue.ui;

import com.formdev.flatlaf.FlatClientProperties;
import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.appointment.model.PaymentStatus;
import id.loket.common.i18n.Messages;
import id.loket.queue.model.QueueEntry;
import id.loket.queue.model.QueueFilter;
import java.awt.Color;
import java.awt.Component;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.util.List;
import java.util.Objects;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.RowFilter;
import javax.swing.UIManager;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.TableRowSorter;
import net.miginfocom.swing.MigLayout;

/**
 * Today's queue: a search field that filters as you type (booking code, NIK or name) above
 * the day's bookings. Cancelled and moved bookings are dimmed; unpaid ones stand out.
 */
public final class QueuePanel extends JPanel {

    private final Messages messages;
    private final QueueTableModel model;
    private final JTable table;
    private final JTextField search = new JTextField();
    private final JLabel count = new JLabel();
    private final TableRowSorter<QueueTableModel> sorter;

    public QueuePanel(Messages messages) {
        super(new MigLayout("fill, insets 12 12 6 12", "[][grow,fill][]", "[][grow,fill]"));
        this.messages = messages;
        this.model = new QueueTableModel(messages);
        this.table = new JTable(model);
        this.sorter = new TableRowSorter<>(model);

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
        search.getInputMap().put(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "clear");
        search.getActionMap().put("clear", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                search.setText("");
            }
        });
        count.setName("queue.count");

        table.setName("queue.table");
        table.setRowSorter(sorter);
        table.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        table.setFillsViewportHeight(true);
        table.setAutoCreateRowSorter(false);
        table.setDefaultRenderer(Object.class, new Renderer());
        table.getColumnModel().getColumn(QueueTableModel.Column.SLOT.ordinal()).setPreferredWidth(90);
        table.getColumnModel().getColumn(QueueTableModel.Column.BOOKING_CODE.ordinal()).setPreferredWidth(120);
        table.getColumnModel().getColumn(QueueTableModel.Column.NAME.ordinal()).setPreferredWidth(320);
        table.getColumnModel().getColumn(QueueTableModel.Column.SERVICE.ordinal()).setPreferredWidth(200);
        table.getColumnModel().getColumn(QueueTableModel.Column.PAYMENT.ordinal()).setPreferredWidth(110);
        table.getColumnModel().getColumn(QueueTableModel.Column.STATUS.ordinal()).setPreferredWidth(180);

        add(searchLabel);
        add(search, "growx");
        add(count, "gapleft 12, wrap");
        add(new JScrollPane(table), "span 3, grow");

        getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(KeyStroke.getKeyStroke(KeyEvent.VK_F, KeyEvent.CTRL_DOWN_MASK), "focusSearch");
        getActionMap().put("focusSearch", new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                focusSearch();
            }
        });
        updateCount();
    }

    /** Replaces the entries, keeping the selected booking selected. */
    public void setEntries(List<QueueEntry> entries) {
        String selected = selectedId();
        model.setEntries(entries);
        updateCount();
        if (selected != null) {
            for (int i = 0; i < model.getRowCount(); i++) {
                if (model.entry(i).appointment().id().equals(selected)) {
                    int view = table.convertRowIndexToView(i);
                    if (view >= 0) {
                        table.getSelectionModel().setSelectionInterval(view, view);
                    }
                    break;
                }
            }
        }
    }

    public void focusSearch() {
        search.requestFocusInWindow();
        search.selectAll();
    }

    private String selectedId() {
        int view = table.getSelectedRow();
        return view < 0 ? null : model.entry(table.convertRowIndexToModel(view)).appointment().id();
    }

    private void applyFilter() {
        QueueFilter filter = new QueueFilter(search.getText());
        sorter.setRowFilter(filter.isEmpty() ? null : new RowFilter<>() {
            @Override
            public boolean include(Entry<? extends QueueTableModel, ? extends Integer> entry) {
                return filter.matches(entry.getModel().entry(entry.getIdentifier()));
            }
        });
        updateCount();
    }

    private void updateCount() {
        int all = model.getRowCount();
        int shown = table.getRowCount();
        count.setText(shown == all ? messages.get("queue.count.all", all) : messages.get("queue.count.filtered", shown, all));
    }

    /** Dims bookings that will not come today; marks unpaid payment. */
    private final class Renderer extends DefaultTableCellRenderer {
        @Override
        public Component getTableCellRendererComponent(JTable t, Object value, boolean selected, boolean focus, int row, int column) {
            Component c = super.getTableCellRendererComponent(t, value, selected, focus, row, column);
            if (selected) {
                return c;
            }
            Appointment a = model.entry(t.convertRowIndexToModel(row)).appointment();
            Color fg = t.getForeground();
            if (a.status() != AppointmentStatus.BOOKED) {
                fg = UIManager.getColor("Label.disabledForeground");
            } else if (column == QueueTableModel.Column.PAYMENT.ordinal() && a.payment().status() != PaymentStatus.PAID) {
                fg = Objects.requireNonNullElse(UIManager.getColor("Actions.Red"), fg);
            }
            c.setForeground(fg);
            return c;
        }
    }
}
