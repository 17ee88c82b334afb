package id.loket.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import id.loket.appointment.model.PassportType;
import id.loket.appointment.model.ServiceType;
import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import id.loket.document.DocumentRenderer;
import id.loket.document.Letterhead;
import id.loket.document.PaperSize;
import id.loket.document.ReceiptData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Prints through a real CUPS queue: the queue "PDF" of cups-pdf, which writes every job as a
 * PDF file into {@code LOKET_TEST_CUPS_OUT} (default {@code /var/spool/cups-pdf-loket}).
 * {@code .ci/cups-up} sets it up; without it the test fails (it is never skipped).
 */
class CupsPrintIT {

    static final String QUEUE = "PDF";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Messages ID = Messages.forLanguage("id");
    private static final Messages EN = Messages.forLanguage("en");

    private static Path out;
    private final PrintingService printing = new PrintingService();

    @BeforeAll
    static void cupsIsThere() {
        String dir = System.getenv("LOKET_TEST_CUPS_OUT");
        out = Path.of(dir == null || dir.isBlank() ? "/var/spool/cups-pdf-loket" : dir);
        List<String> printers = new PrintingService().printers();
        if (!printers.contains(QUEUE) || !Files.isDirectory(out)) {
            fail("No CUPS queue \"" + QUEUE + "\" (printers seen: " + printers + ") or no folder " + out
                    + ": run  eval \"$(.ci/cups-up)\"  first (as root), then the tests again.");
        }
    }

    static ReceiptData receipt(String number) {
        return new ReceiptData(number, "B-017", "Ni Luh Putu Ayu Désirée", "5171014507900003", ServiceType.RENEWAL,
                PassportType.ELECTRONIC, 10, 650_000, "820261127004217", "A1B2C3D4E5F6G7H8", LocalDate.of(2026, 12, 4),
                LocalTime.of(13, 0), LocalTime.of(15, 0), "Made Sudiarta");
    }

    static byte[] render(String number, PaperSize paper) {
        return DocumentRenderer.receipt(receipt(number), new Letterhead("Kantor Imigrasi Kelas I Khusus TPI Denpasar",
                "Jl. Panjaitan No. 3, Renon, Denpasar, Bali 80235"), paper, ID, ZoneId.of("Asia/Makassar"), Instant.now());
    }

    /** A receipt number no earlier run printed, so the file found is this run's. */
    private static String uniqueNumber() {
        return "DPS-20261127-" + (System.nanoTime() % 9000 + 1000);
    }

    @Test
    void receiptPrintedOnTheCupsQueueKeepsItsTextAndPaper() throws Exception {
        String number = uniqueNumber();
        Set<Path> before = pdfs();

        printing.print(render(number, PaperSize.A5), QUEUE, PaperSize.A5, "Tanda terima " + number);

        Path printed = awaitNewPdf(before, number);
        try (PDDocument doc = Loader.loadPDF(printed.toFile())) {
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).as("text of %s", printed).contains(number).contains("Ni Luh Putu Ayu");
            PDRectangle box = doc.getPage(0).getMediaBox();
            assertThat(box.getWidth()).as("A5 width in points").isCloseTo(PaperSize.A5.width(), Offset.offset(3f));
            assertThat(box.getHeight()).as("A5 height in points").isCloseTo(PaperSize.A5.height(), Offset.offset(3f));
        }
    }

    @Test
    void printingThroughPdfBoxPagesAlsoReachesTheQueue() throws Exception {
        Set<Path> before = pdfs();

        String number = uniqueNumber();
        printing.print(render(number, PaperSize.A4), QUEUE, PaperSize.A4, "Loket pages " + number, true);

        Path printed = awaitNewPdf(before, number);
        try (PDDocument doc = Loader.loadPDF(printed.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
        }
    }

    @Test
    void aPrinterThatDoesNotExistIsRefusedInWords() {
        assertThatThrownBy(() -> printing.print(render(uniqueNumber(), PaperSize.A5), "Printer-Yang-Tidak-Ada", PaperSize.A5, "x"))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.key()).isEqualTo("printing.printerNotFound");
                    assertThat(ID.of(e)).isEqualTo("Printer \"Printer-Yang-Tidak-Ada\" tidak ditemukan lagi. Pilih printer lain.");
                    assertThat(EN.of(e)).contains("can no longer be found").doesNotContain("Exception");
                });
    }

    @Test
    void theQueueIsListedAndIsTheDefault() {
        assertThat(printing.printers()).contains(QUEUE);
        assertThat(printing.defaultPrinter()).contains(QUEUE);
    }

    private static Set<Path> pdfs() throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".pdf")).collect(Collectors.toSet());
        }
    }

    /**
     * Waits (at most {@link #WAIT}) for a PDF that was not there before, whose name (cups-pdf
     * names it after the job's title) holds {@code jobMark}, and that has stopped growing. The
     * mark keeps a late job of another test from being taken for this one.
     */
    private static Path awaitNewPdf(Set<Path> before, String jobMark) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (Path p : pdfs()) {
                if (!before.contains(p) && p.getFileName().toString().contains(jobMark) && Files.isReadable(p)) {
                    long size = Files.size(p);
                    Thread.sleep(300);
                    if (size > 0 && size == Files.size(p)) {
                        return p;
                    }
                }
            }
            Thread.sleep(200);
        }
        return fail("No new PDF in " + out + " within " + WAIT.toSeconds() + " s; see lpstat -o and /var/log/cups/error_log");
    }
}
