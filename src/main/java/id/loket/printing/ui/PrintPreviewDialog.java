package id.loket.printing.ui;

import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import id.loket.common.ui.Modal;
import id.loket.common.ui.Keys;
import id.loket.common.ui.Tasks;
import id.loket.common.ui.Theme;
import id.loket.document.PaperSize;
import id.loket.printing.Delivered;
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
import java.util.function.Consumer;
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
 * paper (A5, A4, 80&nbsp;mm roll), and Print (Enter, Ctrl+P), Save as PDF (Ctrl+S) and Close
 * (Esc).
 *
 * <p>Print is the default button and has the focus from the moment the dialog opens, and it is
 * never disabled: pressed while the page is still being prepared, the print waits for it and
 * the status says so. With no printer at all, Print saves the PDF to the default folder and
 * says where. A print counts only once the printer's spooler accepted it: then the
 * {@code delivered} listener runs (it counts and audits) and the dialog closes. A print that
 * failed says why and offers Save as PDF (Enter then saves); it is never counted. Rendering,
 * printing and saving run off the event-dispatch thread; no key press is silently dropped:
 * one that cannot act now says why in the status line.
 */
public final class PrintPreviewDialog extends JDialog {

    private static final Logger LOG = LoggerFactory.getLogger(PrintPreviewDialog.class);
    /** Width of the page image on screen, in pixels. */
    static final int PREVIEW_WIDTH = 380;

    /** The document laid out for one paper, and its first page as an image. */
    private record Rendered(PaperSize paper, byte[] pdf, BufferedImage image) {
    }

    /** What a press of Print or Save waits for when the page is not ready yet. */
    private enum Pending { NONE, PRINT, SAVE }

    private final Messages m;
    private final Function<PaperSize, byte[]> document;
    private final String jobName;
    private final PrintingService printing;
    private final PrintMemory memory;
    private final BiFunction<Component, String, Optional<Path>> saveTarget;
    private final Path defaultFolder;
    private final Consumer<Delivered> delivered;
    private final Tasks tasks = new Tasks("print-preview");

    private final JComboBox<String> printer = new JComboBox<>();
    private final JComboBox<PaperSize> paper = new JComboBox<>(PaperSize.values());
    private final JLabel page = new JLabel("", SwingConstants.CENTER);
    private final JLabel status = new JLabel(" ");
    private final JButton print;
    private final JButton save;
    private final JButton close;
    private Rendered rendered;
    private boolean rendering;
    private boolean renderFailed;
    private boolean choicesLoaded;
    private boolean noPrinter;
    /** A print or save is on its way: further presses wait for it. */
    private boolean working;
    private Pending pending = Pending.NONE;
    private PrintChoice printed;

    PrintPreviewDialog(Window owner, Messages m, Function<PaperSize, byte[]> document, String jobName, PrintingService printing,
            PrintMemory memory, BiFunction<Component, String, Optional<Path>> saveTarget) {
        this(owner, m, document, jobName, printing, memory, saveTarget, defaultFolder(), d -> { });
    }

    PrintPreviewDialog(Window owner, Messages m, Function<PaperSize, byte[]> document, String jobName, PrintingService printing,
            PrintMemory memory, BiFunction<Component, String, Optional<Path>> saveTarget, Path defaultFolder, Consumer<Delivered> delivered) {
        super(owner, m.get("printing.preview.title"), ModalityType.APPLICATION_MODAL);
        this.m = m;
        this.document = Objects.requireNonNull(document, "document");
        this.jobName = jobName == null || jobName.isBlank() ? "Loket" : jobName;
        this.printing = printing;
        this.memory = memory;
        this.saveTarget = saveTarget;
        this.defaultFolder = Objects.requireNonNull(defaultFolder, "defaultFolder");
        this.delivered = Objects.requireNonNull(delivered, "delivered");
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
        print = button("print", m.get("printing.preview.print") + " (Enter)");
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

        JPanel content = Theme.style(new JPanel(new BorderLayout(0, 12)), "dialogContent");
        content.add(choices, BorderLayout.NORTH);
        content.add(scroll, BorderLayout.CENTER);
        content.add(buttons, BorderLayout.SOUTH);
        setContentPane(content);

        getRootPane().setDefaultButton(print);
        JComponent root = getRootPane();
        Keys.bind(root, JComponent.WHEN_IN_FOCUSED_WINDOW, Keys.key(KeyEvent.VK_ESCAPE), "close", this::dispose);
        Keys.bind(root, JComponent.WHEN_IN_FOCUSED_WINDOW, Keys.ctrl(KeyEvent.VK_P), "print", this::print);
        Keys.bind(root, JComponent.WHEN_IN_FOCUSED_WINDOW, Keys.ctrl(KeyEvent.VK_S), "save", this::save);

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
        return show(owner, m, document, jobName, printing, memory, d -> { });
    }

    /**
     * As {@link #show(Window, Messages, Function, String, PrintingService, PrintMemory)};
     * {@code delivered} is called (off the event-dispatch thread, before the dialog closes) each
     * time the document reached the applicant: the printer's spooler accepted it, or it was
     * saved as a PDF. That is where a print is counted and audited, never before. Should it
     * throw, the dialog stays open and says so.
     */
    public static Optional<PrintChoice> show(Window owner, Messages m, Function<PaperSize, byte[]> document, String jobName,
            PrintingService printing, PrintMemory memory, Consumer<Delivered> delivered) {
        PrintPreviewDialog d = new PrintPreviewDialog(owner, m, document, jobName, printing, memory, chooser(m), defaultFolder(), delivered);
        return d.showModal();
    }

    /** Shows the preview of one PDF as it is (the paper chosen is the paper asked of the printer). */
    public static Optional<PrintChoice> show(Window owner, Messages m, byte[] pdf, String jobName, PrintingService printing,
            PrintMemory memory) {
        byte[] copy = pdf.clone();
        return show(owner, m, p -> copy, jobName, printing, memory);
    }

    Optional<PrintChoice> showModal() {
        Modal.show(this, print);
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
        rendering = true;
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
            noPrinter = names.isEmpty();
            if (items.isEmpty()) {
                printer.addItem(m.get("printing.preview.noPrinters"));
                printer.setEnabled(false);
            } else {
                printer.setSelectedItem(remembered.printer().orElse(preferred.orElse(items.get(0))));
            }
            choicesLoaded = true;
            if (paper.getSelectedItem() == remembered.paper()) {
                render();
            } else {
                paper.setSelectedItem(remembered.paper()); // renders through its listener
            }
        }, e -> {
            choicesLoaded = true;
            noPrinter = true;
            showProblem(e, "printing.preview.renderFailed");
            render();
        });
    }

    private PaperSize selectedPaper() {
        return (PaperSize) paper.getSelectedItem();
    }

    private void render() {
        if (!choicesLoaded) {
            return; // the choices, once read, render the paper they chose
        }
        PaperSize p = selectedPaper();
        rendered = null;
        rendering = true;
        renderFailed = false;
        if (pending == Pending.NONE) {
            info(m.get("printing.preview.rendering"));
        }
        tasks.run(() -> {
            byte[] pdf = document.apply(p);
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                float widthPt = doc.getPage(0).getMediaBox().getWidth();
                BufferedImage image = new PDFRenderer(doc).renderImage(0, PREVIEW_WIDTH / widthPt);
                return new Rendered(p, pdf, image);
            }
        }, r -> {
            if (r.paper() != selectedPaper()) {
                return; // another paper was chosen meanwhile; its own rendering follows
            }
            rendering = false;
            rendered = r;
            page.setIcon(new ImageIcon(r.image()));
            Pending waiting = pending;
            pending = Pending.NONE;
            if (waiting == Pending.PRINT) {
                print();
            } else if (waiting == Pending.SAVE) {
                save();
            } else {
                info(" ");
            }
        }, e -> {
            rendering = false;
            renderFailed = true;
            pending = Pending.NONE;
            page.setIcon(null);
            showProblem(e, "printing.preview.renderFailed");
        });
    }

    /** Whether the page of the chosen paper is ready; if not, says why (or that the press waits for it). */
    private boolean ready(Pending wanted) {
        if (working) {
            info(m.get("printing.preview.stillPrinting"));
            return false;
        }
        if (rendered != null && rendered.paper() == selectedPaper()) {
            return true;
        }
        if (renderFailed) {
            problem(m.get("printing.preview.renderFailed"));
            return false;
        }
        pending = wanted;
        info(m.get("printing.preview.printWhenReady"));
        return false;
    }

    private void print() {
        if (!ready(Pending.PRINT)) {
            return;
        }
        if (noPrinter) {
            saveTo(uniqueFile(defaultFolder, fileName(jobName)), true);
            return;
        }
        Rendered r = rendered;
        String name = printer.isEnabled() ? (String) printer.getSelectedItem() : null;
        working = true;
        paper.setEnabled(false);
        info(m.get("printing.preview.printing"));
        tasks.run(() -> {
            String took = printing.print(r.pdf(), name, r.paper(), jobName);
            PrintChoice choice = new PrintChoice(Optional.ofNullable(name), r.paper());
            memory.save(choice);
            printed = choice; // printed, whatever the record says below
            delivered.accept(Delivered.printed(r.paper(), took));
            return choice;
        }, c -> {
            working = false;
            dispose();
        }, e -> {
            working = false;
            paper.setEnabled(true);
            if (printed != null) {
                problem(m.get("printing.preview.recordFailed", text(e)));
                return;
            }
            // Not printed, not counted: say why, and let Enter save it as a PDF instead.
            if (!(e instanceof UserFacingException)) {
                LOG.warn("Print preview: printing failed", e);
            }
            String why = e instanceof UserFacingException u ? m.of(u) : m.get("printing.failed", Objects.requireNonNullElse(name, ""));
            problem(m.get("printing.preview.offerSave", why));
            getRootPane().setDefaultButton(save);
            save.requestFocusInWindow();
        });
    }

    private void save() {
        if (!ready(Pending.SAVE)) {
            return;
        }
        Optional<Path> target = saveTarget.apply(this, fileName(jobName) + ".pdf");
        target.ifPresent(file -> saveTo(file, false));
    }

    /** Writes the PDF to {@code file}; {@code instead} when there was no printer to print it on. */
    private void saveTo(Path file, boolean instead) {
        Rendered r = rendered;
        working = true;
        tasks.run(() -> {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, r.pdf());
            delivered.accept(Delivered.saved(r.paper(), file));
            return file;
        }, f -> {
            working = false;
            String where = f.toAbsolutePath().toString();
            info(m.get(instead ? "printing.preview.noPrinterSaved" : "printing.preview.savedAt", where));
            status.setToolTipText(where);
            // saved: the next Enter closes the preview rather than writing a second file
            getRootPane().setDefaultButton(close);
            close.requestFocusInWindow();
        }, e -> {
            working = false;
            if (Files.exists(file)) {
                problem(m.get("printing.preview.recordFailed", text(e)));
                return;
            }
            LOG.warn("Saving {} failed", file, e);
            problem(m.get("printing.preview.saveFailed", file.toAbsolutePath()));
        });
    }

    private String text(Exception e) {
        if (e instanceof UserFacingException u) {
            return m.of(u);
        }
        LOG.warn("Print preview", e);
        return String.valueOf(e.getMessage());
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
        Theme.style(status, "error");
    }

    private void info(String text) {
        status.setText(text);
        status.setToolTipText(null);
        Theme.style(status, "plain");
    }

    /** The job name as a file name: letters, digits, dash and underscore. */
    static String fileName(String jobName) {
        String s = jobName.strip().replaceAll("[^\\p{L}\\p{N}_-]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "loket" : s;
    }

    /** {@code base}.pdf in {@code folder}, or base-2.pdf, base-3.pdf … when taken: a saved paper is never overwritten. */
    static Path uniqueFile(Path folder, String base) {
        Path f = folder.resolve(base + ".pdf");
        for (int n = 2; Files.exists(f); n++) {
            f = folder.resolve(base + "-" + n + ".pdf");
        }
        return f;
    }

    /**
     * Where a PDF goes when there is no printer (and where Save as PDF starts): the folder
     * "Loket" in the user's documents folder (XDG_DOCUMENTS_DIR, else Documents or Dokumen in
     * the home folder, else the home folder itself).
     */
    static Path defaultFolder() {
        Path home = Path.of(System.getProperty("user.home"));
        String xdg = System.getenv("XDG_DOCUMENTS_DIR");
        Path docs = xdg != null && !xdg.isBlank() ? Path.of(xdg.replace("$HOME", home.toString())) : null;
        if (docs == null || !Files.isDirectory(docs)) {
            docs = List.of(home.resolve("Documents"), home.resolve("Dokumen")).stream().filter(Files::isDirectory).findFirst().orElse(home);
        }
        return docs.resolve("Loket");
    }

    /** Asks for the file with a save dialog, starting in the default folder; ".pdf" is added when missing. */
    private static BiFunction<Component, String, Optional<Path>> chooser(Messages m) {
        return (parent, suggested) -> {
            Path folder = defaultFolder();
            JFileChooser c = new JFileChooser(Files.isDirectory(folder) ? folder.toFile() : folder.getParent().toFile());
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
