package id.loket.supervisor.ui;

import com.formdev.flatlaf.FlatClientProperties;
import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import id.loket.common.ui.Keys;
import id.loket.common.ui.Modal;
import id.loket.common.ui.Tasks;
import id.loket.printing.PrintMemory;
import id.loket.printing.PrintingService;
import id.loket.printing.ui.PrintPreviewDialog;
import id.loket.report.model.ReportDefinition;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextField;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.WindowConstants;
import javax.swing.filechooser.FileNameExtensionFilter;
import net.miginfocom.swing.MigLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The report catalogue at the supervisor's desk: choose a report and a date, then Enter opens
 * its print preview (print, or save as PDF there), Ctrl+S saves it as CSV. What the catalogue
 * holds is what is listed: adding a report to {@code reports/} adds it here.
 */
public final class ReportsDialog extends JDialog {

    private static final Logger LOG = LoggerFactory.getLogger(ReportsDialog.class);

    /** How a report is made for a date: the PDF and the CSV bytes (called off the event-dispatch thread). */
    public record Render(BiFunction<ReportDefinition, LocalDate, byte[]> pdf, BiFunction<ReportDefinition, LocalDate, byte[]> csv) {
    }

    private final Messages m;
    private final Render render;
    private final PrintingService printing;
    private final PrintMemory memory;
    private final JList<ReportDefinition> list;
    private final JTextField date = new JTextField(10);
    private final JLabel status = new JLabel(" ");
    private final Tasks tasks = new Tasks("reports");

    private ReportsDialog(Window owner, Messages m, List<ReportDefinition> reports, LocalDate today, Render render,
            PrintingService printing, PrintMemory memory) {
        super(owner, m.get("reports.title"), ModalityType.APPLICATION_MODAL);
        this.m = m;
        this.render = render;
        this.printing = printing;
        this.memory = memory;
        setName("reports");
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        list = new JList<>(reports.toArray(new ReportDefinition[0]));
        list.setName("reports.list");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        list.setVisibleRowCount(Math.min(10, Math.max(4, reports.size())));
        list.setCellRenderer(new DefaultListCellRenderer() {
            @Override
            public java.awt.Component getListCellRendererComponent(JList<?> l, Object value, int index, boolean selected, boolean focus) {
                ReportDefinition d = (ReportDefinition) value;
                String text = "<html><b>" + escape(d.title().in(m.language())) + "</b><br><small>"
                        + escape(d.description().in(m.language())) + "</small></html>";
                return super.getListCellRendererComponent(l, text, index, selected, focus);
            }
        });
        if (!reports.isEmpty()) {
            list.setSelectedIndex(0);
        }
        date.setName("reports.date");
        date.setText(today.toString());
        status.setName("reports.status");

        JButton preview = new JButton(m.get("reports.preview") + " (Enter)");
        preview.setName("reports.preview");
        preview.addActionListener(e -> preview());
        JButton csv = new JButton(m.get("reports.csv") + " (Ctrl+S)");
        csv.setName("reports.csv");
        csv.addActionListener(e -> saveCsv());
        JButton close = new JButton(m.get("reports.close") + " (Esc)");
        close.setName("reports.close");
        close.addActionListener(e -> dispose());
        Keys.enterClicks(close);

        JPanel p = new JPanel(new MigLayout("insets 16, wrap 2, fill", "[right][grow, fill]", "[grow, fill][][][]"));
        p.add(new JScrollPane(list), "span, grow, wmin 420");
        JLabel dateLabel = new JLabel(m.get("reports.date"));
        dateLabel.setLabelFor(date);
        p.add(dateLabel);
        p.add(date, "growx 0");
        p.add(status, "span, growx, wmin 0");
        JPanel buttons = new JPanel(new MigLayout("insets 0, gap 8", "[grow][][][]", "[]"));
        buttons.add(new JLabel(), "growx");
        buttons.add(preview);
        buttons.add(csv);
        buttons.add(close);
        p.add(buttons, "span, growx");
        setContentPane(p);

        JComponent root = getRootPane();
        Keys.bind(root, JComponent.WHEN_IN_FOCUSED_WINDOW, KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "preview", this::preview);
        Keys.bind(root, JComponent.WHEN_IN_FOCUSED_WINDOW, Keys.ctrl(KeyEvent.VK_S), "csv", this::saveCsv);
        Keys.bind(root, JComponent.WHEN_IN_FOCUSED_WINDOW, KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "close", this::dispose);
    }

    /** Shows the catalogue (modal) until it is closed. */
    public static void show(Window owner, Messages m, List<ReportDefinition> reports, LocalDate today, Render render,
            PrintingService printing, PrintMemory memory) {
        ReportsDialog d = new ReportsDialog(owner, m, reports, today, render, printing, memory);
        Modal.show(d, d.list);
    }

    @Override
    public void dispose() {
        super.dispose();
        tasks.stop();
    }

    /** The chosen report and date, or empty with the problem said. */
    private Optional<Choice> choice() {
        ReportDefinition d = list.getSelectedValue();
        if (d == null) {
            problem(m.get("reports.chooseOne"));
            return Optional.empty();
        }
        try {
            return Optional.of(new Choice(d, LocalDate.parse(date.getText().strip())));
        } catch (DateTimeParseException e) {
            problem(m.get("reports.badDate", date.getText().strip()));
            date.requestFocusInWindow();
            return Optional.empty();
        }
    }

    private record Choice(ReportDefinition report, LocalDate date) {
    }

    private void preview() {
        choice().ifPresent(c -> {
            info(" ");
            String job = c.report().title().in(m.language()) + " " + c.date();
            PrintPreviewDialog.show(this, m, paper -> render.pdf().apply(c.report(), c.date()), job, printing, memory);
            list.requestFocusInWindow();
        });
    }

    private void saveCsv() {
        choice().ifPresent(c -> {
            JFileChooser chooser = new JFileChooser();
            chooser.setFileFilter(new FileNameExtensionFilter("CSV", "csv"));
            chooser.setSelectedFile(new java.io.File(c.report().name() + "-" + c.date() + ".csv"));
            if (chooser.showSaveDialog(this) != JFileChooser.APPROVE_OPTION) {
                return;
            }
            Path target = chooser.getSelectedFile().toPath();
            info(m.get("reports.working"));
            tasks.run(() -> Files.write(target, render.csv().apply(c.report(), c.date())),
                    f -> info(m.get("reports.saved", f.getFileName())), this::failed);
        });
    }

    private void failed(Exception e) {
        if (e instanceof UserFacingException u) {
            problem(m.of(u));
        } else {
            LOG.error("Report failed", e);
            problem(m.get("error.unexpected"));
        }
    }

    private void info(String text) {
        status.setText(text);
        status.putClientProperty(FlatClientProperties.STYLE, null);
    }

    private void problem(String text) {
        status.setText(text);
        status.putClientProperty(FlatClientProperties.STYLE, "foreground: $Actions.Red");
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;");
    }
}
