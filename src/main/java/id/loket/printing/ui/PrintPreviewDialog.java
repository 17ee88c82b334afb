package id.loket.printing.ui;

import com.formdev.flatlaf.FlatClientProperties;
import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import id.loket.common.ui.Modal;
import id.loket.common.ui.Keys;
import id.loket.common.ui.Tasks;
import id.loket.document.PaperSize;
import id.loket.printing.PrintChoice;
import id.loket.printing.PrintMemory;
import id.loket.printing.PrintingService;
import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import javax.swing.DefaultListCellRenderer;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFileChooser;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.SwingConstants;
import javax.swing.WindowConstants;
import javax.swing.filechooser.FileNameExtensionFilter;
import net.miginfocom.swing.MigLayout;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The print preview: the first page as it will come out, the printer (remembered) and the
 * paper (A5, A4, 80&nbsp;mm roll), and Print (Ctrl+P, Enter), Save as PDF (Ctrl+S) and Close
 * (Esc). Rendering, printing and saving run off the event-dispatch thread; a failure is shown
 * in words and the dialog stays open. Printing closes it.
 */
public final class PrintPreviewDialog extends JDialog {

    private static final Logger LOG = LoggerFactory.getLogger(PrintPreviewDialog.class);
    /** Width of the page image on screen, in pixels. */
    static final int PREVIEW_WIDTH = 380;

    /** The document laid out for one paper, and its first page as an image. */
    private record Rendered(PaperSize paper, byte[] pdf, BufferedImage image) {
    }

    private final Messages m;
    private final Function<PaperSize, byte[]> document;
    private final String jobName;
    private final PrintingService printing;
    private final PrintMemory memory;
    private final BiFunction<Component, String, Optional<Path>> saveTarget;
    private final Tasks tasks = new Tasks("print-preview");

    private final JComboBox<String> printer = new JComboBox<>();
    private final JComboBox<PaperSize> paper = new JComboBox<>(PaperSize.values());
    private final JLabel page = new JLabel("", SwingConstants.CENTER);
    private final JLabel status = new JLabel(" ");
    private final JButton print;
    private final JButton save;
    private final JButton close;
    private Rendered rendered;
    private boolean busy;
    private PrintChoice printed;

    PrintPreviewDialog(Window owner, Messages m, Function<PaperSize, byte[]> document, String jobName, PrintingService printing,
            PrintMemory memory, BiFunction<Component, String, Optional<Path>> saveTarget) {
        super(owner, m.get("printing.preview.title"), ModalityType.APPLICATION_MODAL);
        this.m = m;
        this.document = Objects.requireNonNull(document, "document");
        this.jobName = jobName == null || jobName.isBlank() ? "Loket" : jobName;
        this.printing = printing;
        this.memory = memory;
        this.saveTarget = saveTarget;
        setName("printPreview");
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                dispose();
            }
        });

        printer.setName("printPreview.printer");
        paper.setName("printPreview.paper");
        paper.setRenderer(new DefaultListCellRenderer() {
            @Override
            public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected, boolean focus) {
                Object text = value instanceof PaperSize p ? m.get("printing.paper." + p.name()) : value;
                return super.getListCellRendererComponent(list, text, index, selected, focus);
            }
        });
        page.setName("printPreview.page");
        status.setName("printPreview.status");
        print = button("print", m.get("printing.preview.print") + " (Ctrl+P)");
        save = button("save", m.get("printing.preview.save") + " (Ctrl+S)");
        close = button("close", m.get("printing.preview.close") + " (Esc)");
        print.addActionListener(e -> print());
        save.addActionListener(e -> save());
        close.addActionListener(e -> dispose());

        JPanel choices = new JPanel(new MigLayout("insets 0, wrap 2", "[right][grow,fill]", ""));
        JLabel printerLabel = new JLabel(m.get("printing.preview.printer"));
        printerLabel.setLabelFor(printer);
        choices.add(printerLabel);
        choices.add(printer, "wmin 220");
        JLabel paperLabel = new JLabel(m.get("printing.preview.paper"));
        paperLabel.setLabelFor(paper);
        choices.add(paperLabel);
        choices.add(paper);

        JScrollPane scroll = new JScrollPane(page);
        scroll.setPreferredSize(new Dimension(PREVIEW_WIDTH + 40, 520));
        scroll.getVerticalScrollBar().setUnitIncrement(16);

        JPanel buttons = new JPanel(new MigLayout("insets 0, gap 8", "[grow][][][]", "[]"));
        buttons.add(status, "span, growx, wmin 0, wrap");
        buttons.add(print, "skip, sg buttons");
        buttons.add(save, "sg buttons");
        buttons.add(close, "sg buttons");

        JPanel content = new JPanel(new BorderLayout(0, 12));
        content.putClientProperty(FlatClientProperties.STYLE, "border: 16,16,12,16");
        content.add(choices, BorderLayout.NORTH);
        content.add(scroll, BorderLayout.CENTER);
        content.add(buttons, BorderLayout.SOUTH);
        setContentPane(content);

        getRootPane().setDefaultButton(print);
        JComponent root = getRootPane();
        Keys.bind(root, JComponent.WHEN_IN_FOCUSED_WINDOW, Keys.key(KeyEvent.VK_ESCAPE), "close", this::dispose);
        Keys.bind(root, JComponent.WHEN_IN_FOCUSED_WINDOW, Keys.ctrl(KeyEvent.VK_P), "print", this::print);
        Keys.bind(root, JComponent.WHEN_IN_FOCUSED_WINDOW, Keys.ctrl(KeyEvent.VK_S), "save", this::save);

        enableActions();
        paper.addActionListener(e -> render());
        loadChoices();
    }

    /**
     * Shows the preview of a document that is laid out anew for each paper ({@code document},
     * called off the event-dispatch thread) and answers the printer and paper it was printed
     * with, or empty when it was closed without printing.
     */
    public static Optional<PrintChoice> show(Window owner, Messages m, Function<PaperSize, byte[]> document, String jobName,
            PrintingService printing, PrintMemory memory) {
        PrintPreviewDialog d = new PrintPreviewDialog(owner, m, document, jobName, printing, memory, chooser(m));
        return d.showModal();
    }

    /** Shows the preview of one PDF as it is (the paper chosen is the paper asked of the printer). */
    public static Optional<PrintChoice> show(Window owner, Messages m, byte[] pdf, String jobName, PrintingService printing,
            PrintMemory memory) {
        byte[] copy = pdf.clone();
        return show(owner, m, p -> copy, jobName, printing, memory);
    }

    Optional<PrintChoice> showModal() {
        Modal.show(this, paper);
        return Optional.ofNullable(printed);
    }

    @Override
    public void dispose() {
        super.dispose();
        // Never wait on the event-dispatch thread: a printer lookup still running finishes by itself.
        tasks.stop();
    }

    private JButton button(String name, String text) {
        JButton b = new JButton(text);
        b.setName("printPreview." + name);
        Keys.enterClicks(b);
        return b;
    }

    /** Reads the remembered choice and the printers, then renders the page. */
    private void loadChoices() {
        busy = true;
        info(m.get("printing.preview.rendering"));
        tasks.run(() -> {
            PrintChoice remembered = memory.load();
            List<String> names = printing.printers();
            Optional<String> preferred = remembered.printer().filter(names::contains).or(printing::defaultPrinter);
            return new Object[] {remembered, names, preferred};
        }, r -> {
            PrintChoice remembered = (PrintChoice) r[0];
            @SuppressWarnings("unchecked")
            List<String> names = (List<String>) r[1];
            @SuppressWarnings("unchecked")
            Optional<String> preferred = (Optional<String>) r[2];
            List<String> items = new ArrayList<>(names);
            remembered.printer().filter(p -> !names.contains(p)).ifPresent(items::add);
            items.forEach(printer::addItem);
            if (items.isEmpty()) {
                printer.addItem(m.get("printing.preview.noPrinters"));
                printer.setEnabled(false);
            } else {
                printer.setSelectedItem(remembered.printer().orElse(preferred.orElse(items.get(0))));
            }
            busy = false;
            if (paper.getSelectedItem() == remembered.paper()) {
                render();
            } else {
                paper.setSelectedItem(remembered.paper()); // renders through its listener
            }
        }, e -> {
            busy = false;
            showProblem(e, "printing.preview.renderFailed");
            render();
        });
    }

    private PaperSize selectedPaper() {
        return (PaperSize) paper.getSelectedItem();
    }

    private void render() {
        PaperSize p = selectedPaper();
        rendered = null;
        busy = true;
        enableActions();
        info(m.get("printing.preview.rendering"));
        tasks.run(() -> {
            byte[] pdf = document.apply(p);
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                float widthPt = doc.getPage(0).getMediaBox().getWidth();
                BufferedImage image = new PDFRenderer(doc).renderImage(0, PREVIEW_WIDTH / widthPt);
                return new Rendered(p, pdf, image);
            }
        }, r -> {
            busy = false;
            if (r.paper() == selectedPaper()) {
                rendered = r;
                page.setIcon(new ImageIcon(r.image()));
                info(" ");
            }
            enableActions();
        }, e -> {
            busy = false;
            page.setIcon(null);
            showProblem(e, "printing.preview.renderFailed");
            enableActions();
        });
    }

    private void enableActions() {
        boolean ready = !busy && rendered != null;
        print.setEnabled(ready); // with no printer at all, Print says so in words
        save.setEnabled(ready);
        paper.setEnabled(!busy);
    }

    private void print() {
        if (!print.isEnabled()) {
            return;
        }
        Rendered r = rendered;
        String name = printer.isEnabled() ? (String) printer.getSelectedItem() : null;
        PrintChoice choice = new PrintChoice(Optional.ofNullable(name), r.paper());
        busy = true;
        enableActions();
        info(m.get("printing.preview.printing"));
        tasks.run(() -> {
            printing.print(r.pdf(), name, r.paper(), jobName);
            memory.save(choice);
            return choice;
        }, c -> {
            busy = false;
            printed = c;
            dispose();
        }, e -> {
            busy = false;
            showProblem(e, "printing.failed", Objects.requireNonNullElse(name, ""));
            enableActions();
        });
    }

    private void save() {
        if (!save.isEnabled()) {
            return;
        }
        Rendered r = rendered;
        Optional<Path> target = saveTarget.apply(this, fileName(jobName) + ".pdf");
        if (target.isEmpty()) {
            return;
        }
        Path file = target.get();
        busy = true;
        enableActions();
        tasks.run(() -> Files.write(file, r.pdf()), f -> {
            busy = false;
            info(m.get("printing.preview.saved", f.getFileName()));
            status.setToolTipText(f.toString());
            enableActions();
        }, e -> {
            busy = false;
            LOG.warn("Saving {} failed", file, e);
            problem(m.get("printing.preview.saveFailed", file.getFileName()));
            enableActions();
        });
    }

    private void showProblem(Exception e, String fallbackKey, Object... args) {
        String text = e instanceof UserFacingException u ? m.of(u) : m.get(fallbackKey, args);
        if (!(e instanceof UserFacingException)) {
            LOG.warn("Print preview: {}", fallbackKey, e);
        }
        problem(text);
    }

    private void problem(String text) {
        status.setText(text);
        status.setToolTipText(text);
        status.putClientProperty(FlatClientProperties.STYLE, "foreground: $Actions.Red");
    }

    private void info(String text) {
        status.setText(text);
        status.setToolTipText(null);
        status.putClientProperty(FlatClientProperties.STYLE, null);
    }

    /** The job name as a file name: letters, digits, dash and underscore. */
    static String fileName(String jobName) {
        String s = jobName.strip().replaceAll("[^\\p{L}\\p{N}_-]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "loket" : s;
    }

    /** Asks for the file with a save dialog; ".pdf" is added when missing. */
    private static BiFunction<Component, String, Optional<Path>> chooser(Messages m) {
        return (parent, suggested) -> {
            JFileChooser c = new JFileChooser();
            c.setDialogTitle(m.get("printing.preview.save"));
            c.setFileFilter(new FileNameExtensionFilter(m.get("printing.preview.pdfFiles"), "pdf"));
            c.setSelectedFile(new File(c.getCurrentDirectory(), suggested));
            if (c.showSaveDialog(parent) != JFileChooser.APPROVE_OPTION) {
                return Optional.empty();
            }
            File f = c.getSelectedFile();
            if (!f.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
                f = new File(f.getParentFile(), f.getName() + ".pdf");
            }
            return Optional.of(f.toPath());
        };
    }
}
