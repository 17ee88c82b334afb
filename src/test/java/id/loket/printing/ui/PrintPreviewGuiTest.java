package id.loket.printing.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.timing.Pause.pause;

import id.loket.common.i18n.Messages;
import id.loket.document.PaperSize;
import id.loket.printing.Delivered;
import id.loket.printing.PrintChoice;
import id.loket.printing.PrintMemory;
import id.loket.printing.PrintingService;
import id.loket.printing.RefusingPrinter;
import id.loket.testing.Gui;
import java.awt.Component;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import javax.swing.Icon;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.DialogFixture;
import org.assertj.swing.timing.Condition;
import org.assertj.swing.timing.Timeout;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview under a real (virtual) display: it renders, switches paper, saves as PDF, refuses a gone printer in words. */
class PrintPreviewGuiTest {

    private static final Messages EN = Messages.forLanguage("en");

    @TempDir
    Path dir;

    private Robot robot;
    private DialogFixture dialog;
    private final CompletableFuture<Optional<PrintChoice>> result = new CompletableFuture<>();
    private final List<PrintChoice> saved = new ArrayList<>();
    private final List<Delivered> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void checkEdtUse() {
        FailOnThreadViolationRepaintManager.install();
    }

    @AfterAll
    static void stopCheckingEdtUse() {
        FailOnThreadViolationRepaintManager.uninstall();
    }

    @AfterEach
    void cleanUp() {
        if (dialog != null) {
            dialog.cleanUp();
        }
    }

    /** A one-page PDF of the paper's size (the documents' layout is tested elsewhere). */
    static byte[] blank(PaperSize paper) {
        try (PDDocument doc = new PDDocument()) {
            float h = paper.isRoll() ? 400f : paper.height();
            PDPage page = new PDPage(new PDRectangle(paper.width(), h));
            doc.addPage(page);
            try (PDPageContentStream s = new PDPageContentStream(doc, page)) {
                s.addRect(20, 20, paper.width() - 40, 40);
                s.fill();
            }
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void open(PrintChoice remembered, BiFunction<Component, String, Optional<Path>> saveTarget) {
        open(remembered, saveTarget, new PrintingService(), PrintPreviewGuiTest::blank);
    }

    private void open(PrintChoice remembered, BiFunction<Component, String, Optional<Path>> saveTarget, PrintingService printing,
            java.util.function.Function<PaperSize, byte[]> document) {
        robot = BasicRobot.robotWithNewAwtHierarchy();
        PrintMemory memory = new PrintMemory() {
            @Override
            public PrintChoice load() {
                return remembered;
            }

            @Override
            public void save(PrintChoice choice) {
                saved.add(choice);
            }
        };
        PrintPreviewDialog d = GuiActionRunner.execute(() -> new PrintPreviewDialog(null, EN, document,
                "Receipt DPS-1", printing, memory, saveTarget, dir.resolve("Documents").resolve("Loket"), delivered::add));
        SwingUtilities.invokeLater(() -> result.complete(d.showModal()));
        dialog = new DialogFixture(robot, d);
        dialog.requireVisible();
    }

    /** Ctrl+key; AssertJ Swing's robot takes the old modifier masks. */
    @SuppressWarnings("deprecation")
    private void ctrl(int keyCode) {
        robot.pressAndReleaseKey(keyCode, java.awt.event.InputEvent.CTRL_MASK);
        robot.waitForIdle();
    }

    private Icon icon() {
        return GuiActionRunner.execute(() -> dialog.label("printPreview.page").target().getIcon());
    }

    private void awaitPage(int height) {
        pause(new Condition("page of height " + height) {
            @Override
            public boolean test() {
                Icon i = icon();
                return i != null && Math.abs(i.getIconHeight() - height) <= 1 && dialog.button("printPreview.save").isEnabled();
            }
        }, Timeout.timeout(20_000));
    }

    /** Clicks Close; a click lost while Xvfb is busy leaves the dialog open, and one more click is safe. */
    private void closeWithTheButton() throws Exception {
        Gui.clickUntil(dialog.button("printPreview.close"), "Close", result::isDone, java.time.Duration.ofSeconds(5));
    }

    /** Waits until the dialog has the keyboard focus and Print is enabled (the page is rendered). */
    private void awaitReadyToPrint() {
        pause(new Condition("dialog focused with Print enabled") {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(() -> dialog.target().isFocused()) && dialog.button("printPreview.print").isEnabled();
            }
        }, Timeout.timeout(20_000));
    }

    /**
     * Presses Ctrl+{@code keyCode} in the ready dialog until its status line shows that something started. Under Xvfb
     * a key stroke sent while the window manager is still settling or the machine is busy can be lost; the dialog is
     * unchanged then (status blank, Print enabled), so pressing again is safe.
     */
    private void ctrlUntilStarted(int keyCode) throws InterruptedException {
        for (int attempt = 0; attempt < 4; attempt++) {
            awaitReadyToPrint();
            ctrl(keyCode);
            if (printStarted(5_000)) {
                return;
            }
        }
    }

    /** Whether Print was started: the status no longer blank, within {@code millis}. */
    private boolean printStarted(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < end) {
            if (!dialog.label("printPreview.status").text().isBlank()) {
                return true;
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static int expectedHeight(PaperSize p) {
        return Math.round(PrintPreviewDialog.PREVIEW_WIDTH * p.height() / p.width());
    }

    @Test
    void rendersTheRememberedPaperSwitchesPaperAndSavesAsPdf() throws Exception {
        Path target = dir.resolve("receipt.pdf");
        List<String> suggested = new ArrayList<>();
        open(new PrintChoice(Optional.empty(), PaperSize.A5), (c, name) -> {
            suggested.add(name);
            return Optional.of(target);
        });
        awaitPage(expectedHeight(PaperSize.A5));
        assertThat(icon().getIconWidth()).isEqualTo(PrintPreviewDialog.PREVIEW_WIDTH);

        dialog.comboBox("printPreview.paper").selectItem("A4");
        awaitPage(expectedHeight(PaperSize.A4));

        dialog.comboBox("printPreview.paper").focus();
        ctrlUntilStarted(java.awt.event.KeyEvent.VK_S);
        pause(new Condition("saved") {
            @Override
            public boolean test() {
                return Files.exists(target) && dialog.label("printPreview.status").text().startsWith("Saved as PDF in " + target);
            }
        }, Timeout.timeout(20_000));
        assertThat(suggested).containsExactly("Receipt-DPS-1.pdf");
        try (PDDocument doc = Loader.loadPDF(target.toFile())) {
            assertThat(doc.getPage(0).getMediaBox().getWidth()).isEqualTo(PaperSize.A4.width());
        }
        assertThat(dialog.target().isShowing()).isTrue();

        dialog.comboBox("printPreview.paper").pressAndReleaseKeys(java.awt.event.KeyEvent.VK_ESCAPE);
        assertThat(result.get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(saved).isEmpty();
        assertThat(delivered).as("saving delivered the document, once").containsExactly(Delivered.saved(PaperSize.A4, target));
    }

    @Test
    void aPrinterThatIsGoneIsRefusedInWordsAndTheDialogStaysOpen() throws Exception {
        open(new PrintChoice(Optional.of("Printer-That-Is-Gone"), PaperSize.THERMAL_80MM), (c, name) -> Optional.empty());
        awaitPage(Math.round(PrintPreviewDialog.PREVIEW_WIDTH * 400f / PaperSize.THERMAL_80MM.width()));
        dialog.comboBox("printPreview.paper").requireSelection("80 mm roll");
        dialog.comboBox("printPreview.printer").requireSelection("Printer-That-Is-Gone");

        dialog.comboBox("printPreview.printer").focus();
        ctrlUntilStarted(java.awt.event.KeyEvent.VK_P);
        pause(new Condition("refusal shown") {
            @Override
            protected String descriptionAddendum() {
                return " status: " + dialog.label("printPreview.status").text() + ", print enabled: "
                        + dialog.button("printPreview.print").isEnabled();
            }

            @Override
            public boolean test() {
                String text = dialog.label("printPreview.status").text();
                return text.contains("can no longer be found") || text.contains("No printer is installed");
            }
        }, Timeout.timeout(20_000));
        JLabel status = dialog.label("printPreview.status").target();
        assertThat(GuiActionRunner.execute(status::getText)).doesNotContain("Exception");
        assertThat(dialog.target().isShowing()).isTrue();
        assertThat(result).isNotDone();
        assertThat(saved).isEmpty();
        assertThat(delivered).as("a failed print is never delivered").isEmpty();
        closeWithTheButton();
        assertThat(result.get(10, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void printingOnTheCupsQueueClosesTheDialogAndRemembersTheChoice() throws Exception {
        assertThat(new PrintingService().printers())
                .as("the CUPS queue PDF: run  eval \"$(.ci/cups-up)\"  first (as root)").contains("PDF");
        open(new PrintChoice(Optional.of("PDF"), PaperSize.A5), (c, name) -> Optional.empty());
        awaitPage(expectedHeight(PaperSize.A5));
        dialog.comboBox("printPreview.printer").requireSelection("PDF");

        // a second press while the first prints is refused in the status line, so a lost click may be given again
        Gui.clickUntil(dialog.button("printPreview.print"), "print", result::isDone, java.time.Duration.ofSeconds(15));
        PrintChoice expected = new PrintChoice(Optional.of("PDF"), PaperSize.A5);
        assertThat(result.get()).contains(expected);
        assertThat(saved).containsExactly(expected);
        assertThat(delivered).containsExactly(Delivered.printed(PaperSize.A5, "PDF"));
    }

    /** Presses Enter until {@code done} holds: a key lost while Xvfb is busy changes nothing, and pressing again is safe. */
    private void enterUntil(String what, java.util.function.BooleanSupplier done) throws InterruptedException {
        for (int attempt = 0; attempt < 3; attempt++) {
            robot.pressAndReleaseKey(java.awt.event.KeyEvent.VK_ENTER);
            robot.waitForIdle();
            long end = System.nanoTime() + 4_000_000_000L;
            while (System.nanoTime() < end) {
                if (done.getAsBoolean()) {
                    return;
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError(what + "; status: " + dialog.label("printPreview.status").text());
    }

    private void awaitFocusOnPrint() {
        pause(new Condition("Print focused in the focused dialog") {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(() -> dialog.target().isFocused() && dialog.button("printPreview.print").target().isFocusOwner());
            }
        }, Timeout.timeout(20_000));
    }

    private String status() {
        return dialog.label("printPreview.status").text();
    }

    @Test
    void enterPressedWhileThePageIsStillRenderingPrintsItOnTheCupsQueueOnceReady() throws Exception {
        java.util.concurrent.CountDownLatch rendering = new java.util.concurrent.CountDownLatch(1);
        open(new PrintChoice(Optional.of("PDF"), PaperSize.A5), (c, name) -> Optional.empty(), new PrintingService(), p -> {
            try {
                rendering.await(30, TimeUnit.SECONDS); // held until Enter was pressed
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return blank(p);
        });
        awaitFocusOnPrint();
        assertThat(dialog.button("printPreview.print").isEnabled()).as("Print is enabled from the start").isTrue();
        assertThat(GuiActionRunner.execute(() -> ((javax.swing.JDialog) dialog.target()).getRootPane().getDefaultButton().getName())).isEqualTo("printPreview.print");
        assertThat(icon()).as("the page is not rendered yet").isNull();

        enterUntil("Enter waits for the page", () -> status().contains("prints as soon as it is ready"));
        rendering.countDown();

        pause(new Condition("printed and closed") {
            @Override
            public boolean test() {
                return result.isDone();
            }

            @Override
            protected String descriptionAddendum() {
                return " status: " + status();
            }
        }, Timeout.timeout(30_000));
        assertThat(result.get()).contains(new PrintChoice(Optional.of("PDF"), PaperSize.A5));
        assertThat(delivered).containsExactly(Delivered.printed(PaperSize.A5, "PDF"));
    }

    @Test
    void withoutAnyPrinterEnterSavesAPdfInTheDefaultFolderAndSaysWhere() throws Exception {
        open(new PrintChoice(Optional.empty(), PaperSize.A5), (c, name) -> {
            throw new AssertionError("no file dialog: the PDF goes to the default folder");
        }, RefusingPrinter.none(), PrintPreviewGuiTest::blank);
        awaitFocusOnPrint();
        dialog.comboBox("printPreview.printer").requireSelection("(no printers)");
        Path expected = dir.resolve("Documents").resolve("Loket").resolve("Receipt-DPS-1.pdf");

        enterUntil("Enter saves the PDF", () -> Files.exists(expected) && status().contains(expected.toString()));

        assertThat(status()).startsWith("No printer: the document was saved as PDF in " + expected);
        try (PDDocument doc = Loader.loadPDF(expected.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
        }
        assertThat(delivered).containsExactly(Delivered.saved(PaperSize.A5, expected));
        assertThat(dialog.target().isShowing()).as("open, so the officer reads where it went").isTrue();
        // The next Enter closes the preview rather than writing the file twice.
        enterUntil("the next Enter closes", result::isDone);
        assertThat(result.get()).isEmpty();
        assertThat(delivered).hasSize(1);
    }

    @Test
    void aPrinterThatRefusesTheJobSaysSoCountsNothingAndEnterThenSavesAsPdf() throws Exception {
        RefusingPrinter jammed = new RefusingPrinter("Jammed");
        Path target = dir.resolve("instead.pdf");
        List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        open(new PrintChoice(Optional.of("Jammed"), PaperSize.A5), (c, name) -> {
            asked.add(name);
            return Optional.of(target);
        }, jammed.service(), PrintPreviewGuiTest::blank);
        awaitPage(expectedHeight(PaperSize.A5));
        awaitFocusOnPrint();

        enterUntil("the refusal is shown", () -> status().contains("refused"));

        assertThat(status()).isEqualTo("The printer \"Jammed\" refused the print job. Check the printer, then try again. Press Enter to save as PDF.");
        assertThat(jammed.offered()).isEqualTo(1);
        assertThat(delivered).as("a refused print is not delivered, so not counted").isEmpty();
        assertThat(saved).as("nor remembered").isEmpty();
        assertThat(result).isNotDone();
        pause(new Condition("Save is focused and the default button") {
            @Override
            public boolean test() {
                return GuiActionRunner.execute(() -> dialog.button("printPreview.save").target().isFocusOwner()
                        && ((javax.swing.JDialog) dialog.target()).getRootPane().getDefaultButton() == dialog.button("printPreview.save").target());
            }
        }, Timeout.timeout(10_000));

        enterUntil("Enter saves instead", () -> Files.exists(target) && status().startsWith("Saved as PDF in"));
        assertThat(asked).containsExactly("Receipt-DPS-1.pdf");
        assertThat(delivered).containsExactly(Delivered.saved(PaperSize.A5, target));
        assertThat(jammed.offered()).isEqualTo(1);
        dialog.pressAndReleaseKeys(java.awt.event.KeyEvent.VK_ESCAPE);
        assertThat(result.get(10, TimeUnit.SECONDS)).isEmpty();
    }
}
