package id.loket.pickup.ui;

import com.formdev.flatlaf.FlatClientProperties;
import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import id.loket.common.ui.Dates;
import id.loket.common.ui.Modal;
import id.loket.common.ui.Keys;
import id.loket.common.ui.Tasks;
import id.loket.pickup.service.PickupService;
import id.loket.receipt.model.Receipt;
import java.awt.BorderLayout;
import java.awt.Dimension;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.WindowConstants;
import javax.swing.table.AbstractTableModel;
import net.miginfocom.swing.MigLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marking passports ready as they arrive from the printer: a scan field (the scanner types a
 * receipt number and Enter) above the list of the receipts still waiting for their passport.
 * Enter in the scan field marks that receipt; Enter on selected rows, or Mark ready, marks
 * those. The work runs off the event-dispatch thread; a refusal is shown in words and the
 * dialog stays open, a success says whose passport it is and the row leaves the list. The scan
 * field is cleared and keeps the cursor. Esc or Close closes.
 */
public final class MarkReadyDialog extends JDialog {

    private static final Logger LOG = LoggerFactory.getLogger(MarkReadyDialog.class);

    /** How one receipt number came out: the case marked ready, or the words saying why not. */
    private record Outcome(String receiptNumber, PickupService.PickupCase marked, String problem) {
    }

    private final Messages m;
    private final Function<String, PickupService.PickupCase> markReady;
    private final Tasks tasks = new Tasks("mark-ready");
    private final JTextField scan = new JTextField(24);
    private final WaitingModel model;
    private final JTable table;
    private final JLabel waitingLabel = new JLabel(" ");
    private final JLabel status = new JLabel(" ");
    private final JButton mark;
    private final JButton close;
    private int marked;

    private MarkReadyDialog(Window owner, Messages m, Supplier<List<Receipt>> waiting, Function<String, PickupService.PickupCase> markReady) {
        super(owner, m.get("pickup.ui.markReady.title"), ModalityType.APPLICATION_MODAL);
        this.m = m;
        this.markReady = markReady;
        setName("markReady");
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                dispose();
            }
        });

        scan.setName("markReady.scan");
        scan.putClientProperty(FlatClientProperties.PLACEHOLDER_TEXT, m.get("pickup.ui.markReady.scan.placeholder"));
        scan.addActionListener(e -> markScanned());
        model = new WaitingModel(m);
        table = new JTable(model);
        table.setName("markReady.table");
        table.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        table.setFillsViewportHeight(true);
        table.getTableHeader().setReorderingAllowed(false);
        // Enter on the list marks the selected rows (instead of moving to the next row).
        Keys.bind(table, JComponent.WHEN_FOCUSED, Keys.key(KeyEvent.VK_ENTER), "markReady.markSelected", this::markSelected);
        Keys.bind(table, JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT, Keys.key(KeyEvent.VK_ENTER), "markReady.markSelected",
                this::markSelected);
        status.setName("markReady.status");
        waitingLabel.setName("markReady.waiting");
        mark = new JButton(m.get("pickup.ui.markReady.mark"));
        mark.setName("markReady.mark");
        mark.addActionListener(e -> markButton());
        Keys.enterClicks(mark);
        close = new JButton(m.get("pickup.ui.markReady.close"));
        close.setName("markReady.close");
        close.addActionListener(e -> dispose());
        Keys.enterClicks(close);

        JPanel top = new JPanel(new MigLayout("insets 0, wrap 2", "[right][grow,fill]", "[]8[]"));
        JLabel scanLabel = new JLabel(m.get("pickup.ui.markReady.scan"));
        scanLabel.setLabelFor(scan);
        top.add(scanLabel);
        top.add(scan, "wmin 240");
        top.add(waitingLabel, "span 2, left, gaptop 8");

        JScrollPane scroll = new JScrollPane(table);
        scroll.setPreferredSize(new Dimension(560, 300));

        JPanel buttons = new JPanel(new MigLayout("insets 0, gap 8", "[grow][][]", "[]"));
        buttons.add(status, "span, growx, wmin 0, wrap");
        buttons.add(mark, "skip, sg buttons");
        buttons.add(close, "sg buttons");

        JPanel content = new JPanel(new BorderLayout(0, 12));
        id.loket.common.ui.Theme.style(content, "dialogContent");
        content.add(top, BorderLayout.NORTH);
        content.add(scroll, BorderLayout.CENTER);
        content.add(buttons, BorderLayout.SOUTH);
        setContentPane(content);
        Keys.bind(getRootPane(), JComponent.WHEN_IN_FOCUSED_WINDOW, Keys.key(KeyEvent.VK_ESCAPE), "close", this::dispose);

        load(waiting);
    }

    /**
     * Shows the dialog (modal) until it is closed and answers how many passports were marked
     * ready. {@code waiting} lists the receipts still waiting for their passport and
     * {@code markReady} marks one by its number; both are called off the event-dispatch thread.
     */
    public static int show(Window owner, Messages m, Supplier<List<Receipt>> waiting, Function<String, PickupService.PickupCase> markReady) {
        MarkReadyDialog d = new MarkReadyDialog(owner, m, waiting, markReady);
        return d.showModal();
    }

    int showModal() {
        Modal.show(this, scan);
        return marked;
    }

    @Override
    public void dispose() {
        super.dispose();
        // Never wait on the event-dispatch thread: a step still running finishes by itself.
        tasks.stop();
    }

    private void load(Supplier<List<Receipt>> waiting) {
        info(m.get("pickup.ui.markReady.loading"));
        tasks.run(waiting::get, list -> {
            model.set(list);
            showCount();
            info(m.get("pickup.ui.markReady.idle"));
        }, e -> {
            showCount();
            problem(words(e));
        });
    }

    private void markScanned() {
        String number = scan.getText().strip();
        if (number.isEmpty()) {
            markSelected();
            return;
        }
        scan.setText("");
        mark(List.of(number));
    }

    private void markButton() {
        if (scan.getText().isBlank()) {
            markSelected();
        } else {
            markScanned();
        }
    }

    private void markSelected() {
        List<String> numbers = new ArrayList<>();
        for (int row : table.getSelectedRows()) {
            numbers.add(model.at(table.convertRowIndexToModel(row)).receiptNumber());
        }
        if (numbers.isEmpty()) {
            problem(m.get("pickup.ui.markReady.nothing"));
            scan.requestFocusInWindow();
            return;
        }
        mark(numbers);
    }

    /** Marks the receipts one after another off the event-dispatch thread, then shows how each came out. */
    private void mark(List<String> numbers) {
        info(m.get("pickup.ui.markReady.marking", String.join(", ", numbers)));
        scan.requestFocusInWindow();
        tasks.run(() -> {
            List<Outcome> outcomes = new ArrayList<>();
            for (String n : numbers) {
                try {
                    outcomes.add(new Outcome(n, markReady.apply(n), null));
                } catch (UserFacingException e) {
                    outcomes.add(new Outcome(n, null, m.of(e)));
                } catch (RuntimeException e) {
                    LOG.warn("Marking {} ready failed", n, e);
                    outcomes.add(new Outcome(n, null, m.get("error.unexpected")));
                }
            }
            return outcomes;
        }, this::show, e -> problem(words(e)));
    }

    private void show(List<Outcome> outcomes) {
        List<String> lines = new ArrayList<>();
        boolean refused = false;
        for (Outcome o : outcomes) {
            if (o.marked() != null) {
                marked++;
                String number = o.marked().receipt().receiptNumber();
                model.remove(number);
                lines.add(m.get("pickup.ui.markReady.done", number, o.marked().caseFile().applicant().fullName()));
            } else {
                refused = true;
                lines.add(o.problem());
            }
        }
        showCount();
        String text = lines.size() == 1 ? lines.get(0)
                : "<html>" + String.join("<br>", lines.stream().map(MarkReadyDialog::escape).toList()) + "</html>";
        status.setText(text);
        status.setToolTipText(String.join("\n", lines));
        id.loket.common.ui.Theme.style(status, refused ? "error" : "ok");
        if (lines.size() > 1) {
            pack();
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;");
    }

    private String words(Exception e) {
        if (e instanceof UserFacingException u) {
            return m.of(u);
        }
        LOG.warn("Mark ready dialog: unexpected failure", e);
        return m.get("error.unexpected");
    }

    private void showCount() {
        waitingLabel.setText(m.get("pickup.ui.markReady.waiting", model.getRowCount()));
    }

    private void problem(String text) {
        status.setText(text);
        status.setToolTipText(text);
        id.loket.common.ui.Theme.style(status, "error");
    }

    private void info(String text) {
        status.setText(text);
        status.setToolTipText(null);
        id.loket.common.ui.Theme.style(status);
    }

    /** The receipts waiting for their passport: number, receipt date, pickup date. */
    private static final class WaitingModel extends AbstractTableModel {

        private final Messages m;
        private final List<Receipt> rows = new ArrayList<>();

        WaitingModel(Messages m) {
            this.m = m;
        }

        void set(List<Receipt> list) {
            rows.clear();
            rows.addAll(list);
            fireTableDataChanged();
        }

        Receipt at(int row) {
            return rows.get(row);
        }

        void remove(String receiptNumber) {
            String n = receiptNumber.toUpperCase(Locale.ROOT);
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).receiptNumber().equals(n)) {
                    rows.remove(i);
                    fireTableRowsDeleted(i, i);
                    return;
                }
            }
        }

        @Override
        public int getRowCount() {
            return rows.size();
        }

        @Override
        public int getColumnCount() {
            return 3;
        }

        @Override
        public String getColumnName(int column) {
            return m.get(switch (column) {
                case 0 -> "pickup.ui.markReady.column.receipt";
                case 1 -> "pickup.ui.markReady.column.receiptDate";
                default -> "pickup.ui.markReady.column.pickupDate";
            });
        }

        @Override
        public Object getValueAt(int row, int column) {
            Receipt r = rows.get(row);
            return switch (column) {
                case 0 -> r.receiptNumber();
                case 1 -> Dates.shortDate(r.receiptDate(), m.locale());
                default -> Dates.shortDate(r.pickupDate(), m.locale());
            };
        }
    }
}
