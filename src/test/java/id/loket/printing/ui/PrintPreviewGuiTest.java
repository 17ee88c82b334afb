package id.loket.printing.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.timing.Pause.pause;

import id.loket.common.i18n.Messages;
import id.loket.document.PaperSize;
import id.loket.printing.PrintChoice;
import id.loket.printing.PrintMemory;
import id.loket.printing.PrintingService;
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
        PrintPreviewDialog d = GuiActionRunner.execute(() -> new PrintPreviewDialog(null, EN, PrintPreviewGuiTest::blank,
                "Receipt DPS-1", new PrintingService(), memory, saveTarget));
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
        for (int attempt = 0; attempt < 2 && !result.isDone(); attempt++) {
            dialog.button("printPreview.close").click();
            try {
                result.get(3, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException stillOpen) {
                // clicked again below
            }
        }
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
        awaitReadyToPrint();
        ctrl(java.awt.event.KeyEvent.VK_S);
        pause(new Condition("saved") {
            @Override
            public boolean test() {
                return Files.exists(target) && dialog.label("printPreview.status").text().startsWith("Saved:");
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
    }

    @Test
    void aPrinterThatIsGoneIsRefusedInWordsAndTheDialogStaysOpen() throws Exception {
        open(new PrintChoice(Optional.of("Printer-That-Is-Gone"), PaperSize.THERMAL_80MM), (c, name) -> Optional.empty());
        awaitPage(Math.round(PrintPreviewDialog.PREVIEW_WIDTH * 400f / PaperSize.THERMAL_80MM.width()));
        dialog.comboBox("printPreview.paper").requireSelection("80 mm roll");
        dialog.comboBox("printPreview.printer").requireSelection("Printer-That-Is-Gone");

        dialog.comboBox("printPreview.printer").focus();
        awaitReadyToPrint();
        ctrl(java.awt.event.KeyEvent.VK_P);
        if (!printStarted(5_000)) {
            // Under Xvfb a key stroke sent while the window manager is still settling can be lost;
            // the dialog is unchanged then (status blank, Print enabled), so pressing again is safe.
            ctrl(java.awt.event.KeyEvent.VK_P);
        }
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

        dialog.button("printPreview.print").click();

        pause(new Condition("printed and closed") {
            @Override
            public boolean test() {
                return result.isDone();
            }

            @Override
            protected String descriptionAddendum() {
                return " status: " + dialog.label("printPreview.status").text();
            }
        }, Timeout.timeout(30_000));
        PrintChoice expected = new PrintChoice(Optional.of("PDF"), PaperSize.A5);
        assertThat(result.get()).contains(expected);
        assertThat(saved).containsExactly(expected);
    }
}
