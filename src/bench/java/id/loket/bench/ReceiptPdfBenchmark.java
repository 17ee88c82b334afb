package id.loket.bench;

import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.PaymentStatus;
import id.loket.appointment.model.ServiceType;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.DocumentCheck;
import id.loket.casefile.model.DocumentResult;
import id.loket.casefile.model.InterviewOutcome;
import id.loket.casefile.model.Requirement;
import id.loket.casefile.service.CaseWork;
import id.loket.common.i18n.Messages;
import id.loket.document.DocumentRenderer;
import id.loket.document.Letterhead;
import id.loket.document.PaperSize;
import id.loket.document.ReceiptData;
import id.loket.document.service.DocumentService;
import id.loket.receipt.model.PickupRules;
import id.loket.receipt.service.ReceiptService;
import id.loket.settings.model.OfficeSettings;
import id.loket.settings.repo.SettingsRepository;
import id.loket.verification.service.VerificationService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.text.PDFTextStripper;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A receipt's PDF, as the counter's print preview asks for it, against its baseline.
 * <p>
 * The case: the first case waiting on the day ({@code bookings}, 60% arrived) whose booking is
 * paid and needs no supervisor, taken through the real services before the trial: called to the
 * officer's counter, its documents verified, verified, interviewed, approved, its receipt issued
 * (RECEIPT_ISSUED, A5 paper, Indonesian).
 * <p>
 * {@code loket}: {@link DocumentService#render} of the receipt: the session checked, the case and its
 * receipt read, then {@link DocumentRenderer#receipt}: the layout measured and wrapped with DejaVu
 * Sans, both faces embedded as subsets, a QR code of the receipt number, PDF/A-2b metadata (XMP)
 * and the sRGB output intent, saved to bytes.
 * <p>
 * {@code loketRenderOnly}: {@link DocumentRenderer#receipt} alone, from the receipt's data read
 * once before the trial: the rendering without the session check and the reads.
 * <p>
 * {@code baseline}: a minimal PDFBox document: one A5 page with the same lines of text as Loket's
 * receipt (its text as PDFBox extracts it, counted before the trial, one line per non-blank line),
 * each drawn in Helvetica (a standard font, not embedded) one under the other, saved to bytes.
 * What a PDF of that much text costs at least.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class ReceiptPdfBenchmark {

    private static final PaperSize PAPER = PaperSize.A5;
    private static final float SIZE = PAPER.fontSize();
    /** Not embedded, so one font object serves every document (PDFBox 2's shared PDType1Font.HELVETICA). */
    private static final PDType1Font HELVETICA = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    @Param({"1500"})
    int bookings;

    private BenchOffice office;
    private DocumentService documents;
    private Messages messages;
    private String caseRef;
    private ReceiptData receipt;
    private Letterhead letterhead;
    private List<String> lines;

    @Setup(Level.Trial)
    public void setUp() {
        office = BenchOffice.day(bookings, 0.6);
        office.closedIfFails(this::prepare);
    }

    private void prepare() {
        caseRef = receiptIssued();
        OfficeSettings settings = new SettingsRepository(office.db.dsl()).office();
        CaseWork work = new CaseWork(office.db, office.clock);
        documents = new DocumentService(office.db, PickupRules.defaults(), settings, office.clock,
                new ReceiptService(work, PickupRules.defaults()));
        messages = Messages.forLanguage("id");
        receipt = documents.receiptData(office.officer, caseRef);
        letterhead = new Letterhead(settings.name(), settings.address());
        lines = standardFontLines(loket());
        if (lines.size() < 10) {
            throw new IllegalStateException("the receipt's text has " + lines.size() + " lines: " + lines);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        office.close();
    }

    @Benchmark
    public byte[] loket() {
        return documents.render(office.officer, DocumentService.Kind.RECEIPT, caseRef, false, PAPER, messages);
    }

    @Benchmark
    public byte[] loketRenderOnly() {
        return DocumentRenderer.receipt(receipt, letterhead, PAPER, messages, BenchOffice.ZONE, office.clock.instant());
    }

    @Benchmark
    public byte[] baseline() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A5);
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(HELVETICA, SIZE);
                cs.setLeading(SIZE * 1.32f);
                cs.newLineAtOffset(PAPER.margin(), PDRectangle.A5.getHeight() - PAPER.margin() - SIZE);
                for (String line : lines) {
                    cs.showText(line);
                    cs.newLine();
                }
                cs.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
            doc.save(out);
            return out.toByteArray();
        }
    }

    /** Takes a paid case that needs no supervisor from waiting to RECEIPT_ISSUED, as the counter does; answers its reference. */
    private String receiptIssued() {
        Map<String, Appointment> byId = office.bookings.stream().collect(Collectors.toMap(Appointment::id, Function.identity()));
        String ref = office.waiting().stream().map(c -> byId.get(c.appointmentId()))
                .filter(a -> a != null && a.payment() != null && a.payment().status() == PaymentStatus.PAID)
                .filter(a -> a.service() == ServiceType.NEW || a.service() == ServiceType.RENEWAL)
                .map(Appointment::id).findFirst().orElseThrow(() -> new IllegalStateException("no paid case waiting"));
        CaseFile c = office.checkIn().call(ref, office.officer);
        VerificationService v = office.verification();
        boolean identity = false;
        for (DocumentCheck d : c.documents()) {
            if (d.requirement() == Requirement.REQUIRED || (d.requirement() == Requirement.ONE_OF && !identity)) {
                v.recordDocument(ref, office.officer, d.type(), DocumentResult.VERIFIED, null);
                identity |= d.requirement() == Requirement.ONE_OF;
            }
        }
        v.finish(ref, office.officer);
        v.interview(ref, office.officer, InterviewOutcome.PASSED, null);
        v.approve(ref, office.officer);
        new ReceiptService(new CaseWork(office.db, office.clock), PickupRules.defaults()).issue(ref, office.officer);
        CaseStatus status = v.get(office.officer, ref).status();
        if (status != CaseStatus.RECEIPT_ISSUED) {
            throw new IllegalStateException("case " + ref + " is " + status + ", not RECEIPT_ISSUED");
        }
        return ref;
    }

    /** The non-blank lines of the PDF's text, each character Helvetica cannot show (WinAnsi) as '?'. */
    private static List<String> standardFontLines(byte[] pdf) {
        List<String> out = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (String line : new PDFTextStripper().getText(doc).split("\\R")) {
                if (line.isBlank()) {
                    continue;
                }
                StringBuilder shown = new StringBuilder();
                line.strip().codePoints().forEach(cp -> {
                    String ch = new String(Character.toChars(cp));
                    try {
                        HELVETICA.encode(ch);
                        shown.append(ch);
                    } catch (IllegalArgumentException | IOException e) {
                        shown.append('?');
                    }
                });
                out.add(shown.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
