package id.loket.document;

import static id.loket.document.Samples.LONG_NAME;
import static id.loket.document.Samples.NIK;
import static id.loket.document.Samples.REP_NIK;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import id.loket.common.i18n.Messages;
import id.loket.document.Samples.Kind;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.ValidationResult;

class DocumentRendererTest {

    private static final Messages ID = Messages.forLanguage("id");
    private static final Messages EN = Messages.forLanguage("en");
    private static final String DIACRITICS = "Ni Luh Putu Ma'rifah Désirée";

    @BeforeAll
    static void veraPdf() {
        VeraGreenfieldFoundryProvider.initialise();
    }

    static Stream<Arguments> everyDocumentOnEveryPaper() {
        return Stream.of(Kind.values()).flatMap(k -> Stream.of(PaperSize.values()).map(p -> Arguments.of(k, p)));
    }

    static Stream<Arguments> names() {
        return Stream.of(Kind.values()).flatMap(k -> Stream.of("Sukarni", DIACRITICS, LONG_NAME).flatMap(
                n -> Stream.of(PaperSize.values()).map(p -> Arguments.of(k, n, p))));
    }

    @Test
    void theLongNameIsTwoHundredCharacters() {
        assertThat(LONG_NAME).hasSize(200).contains("Ma'rifah").contains("Désirée");
    }

    @ParameterizedTest(name = "{0} {2} {1}")
    @MethodSource("names")
    void theWholeNameIsPrintedInOrderAndEveryGlyphIsInsideTheMargins(Kind kind, String name, PaperSize paper) {
        byte[] pdf = Samples.render(kind, name, paper, ID);

        assertThat(Pdfs.squeezed(Pdfs.text(pdf))).contains(Pdfs.squeezed(name));
        float tolerance = 0.5f;
        float margin = paper.margin();
        assertThat(Pdfs.glyphs(pdf)).isNotEmpty().allSatisfy(g -> {
            assertThat(g.left()).as("left of %s", g).isGreaterThanOrEqualTo(margin - tolerance);
            assertThat(g.right()).as("right of %s", g).isLessThanOrEqualTo(g.pageWidth() - margin + tolerance);
            assertThat(g.top()).as("top of %s", g).isGreaterThanOrEqualTo(margin - tolerance);
            assertThat(g.bottom()).as("bottom of %s", g).isLessThanOrEqualTo(g.pageHeight() - margin + tolerance);
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Kind.class)
    void theNikIsMaskedToItsLastFourDigits(Kind kind) {
        String text = Pdfs.text(Samples.render(kind, "Sukarni", PaperSize.A5, ID));
        assertThat(text).contains("************0003").doesNotContain(NIK).doesNotContain(REP_NIK);
        if (kind == Kind.PICKUP) {
            assertThat(text).contains("************0007");
        }
    }

    @Test
    void theReceiptIsInIndonesianByDefault() {
        String text = Pdfs.text(Samples.render(Kind.RECEIPT, "Sukarni", PaperSize.A5, ID));
        assertThat(text).contains("TANDA TERIMA PERMOHONAN PASPOR", "DPS-20261127-0042", "B-017", "Sukarni",
                "Penggantian (habis berlaku)", "Paspor elektronik", "10 tahun", "Rp650.000", "820261127004217",
                "A1B2C3D4E5F6G7H8", "4 Desember 2026, pukul 13.00–15.00", "Made Sudiarta",
                "Dicetak 27 November 2026 09.15 WITA")
                .doesNotContain("SALINAN").doesNotContain("!");
    }

    @Test
    void theReceiptIsInEnglishWhenAsked() {
        String text = Pdfs.text(Samples.render(Kind.RECEIPT, "Sukarni", PaperSize.A5, EN));
        assertThat(text).contains("PASSPORT APPLICATION RECEIPT", "Electronic", "10 years", "Rp650,000",
                "4 December 2026, 13:00–15:00", "Printed 27 November 2026 09:15")
                .doesNotContain("TANDA TERIMA").doesNotContain("COPY");
    }

    @Test
    void aReprintIsMarkedAsACopy() {
        byte[] id = DocumentRenderer.receipt(Samples.receipt("Sukarni"), Samples.OFFICE, PaperSize.A5, ID, Samples.ZONE, Samples.AT, true);
        byte[] en = DocumentRenderer.receipt(Samples.receipt("Sukarni"), Samples.OFFICE, PaperSize.A5, EN, Samples.ZONE, Samples.AT, true);
        assertThat(Pdfs.text(id)).contains("SALINAN");
        assertThat(Pdfs.text(en)).contains("COPY");
    }

    @Test
    void theRejectionSlipGivesTheReasonsInWords() {
        assertThat(Pdfs.text(Samples.render(Kind.REJECTION, "Sukarni", PaperSize.A5, ID)))
                .contains("PEMBERITAHUAN PENOLAKAN", "Data tidak sesuai", "Keterangan palsu",
                        "Tanggal lahir pada akta berbeda dengan e-KTP.", "27 November 2026")
                .doesNotContain("DATA_MISMATCH");
        assertThat(Pdfs.text(Samples.render(Kind.REJECTION, "Sukarni", PaperSize.A5, EN)))
                .contains("Reasons for rejection").doesNotContain("FALSE_STATEMENT");
    }

    @Test
    void theHoldSlipListsTheMissingDocumentsAndTheReturnByDate() {
        assertThat(Pdfs.text(Samples.render(Kind.HOLD, "Sukarni", PaperSize.A5, ID)))
                .contains("Akta kelahiran", "Kartu Keluarga", "Surat pernyataan orang tua (bermeterai)",
                        "Kembali paling lambat", "11 Desember 2026")
                .doesNotContain("BIRTH_CERT");
    }

    @Test
    void thePickupSlipNamesWhoCollectedThePassport() {
        String byRepresentative = Pdfs.text(Samples.render(Kind.PICKUP, "Sukarni", PaperSize.A5, ID));
        assertThat(byRepresentative).contains("BUKTI PENGAMBILAN PASPOR", "E1234567", "Kuasa / wakil",
                "I Wayan O'Brien Sutedja", "************0007", "4 Desember 2026 14.05 WITA", "Ni Kadek Ayu");
        String bySelf = Pdfs.text(DocumentRenderer.pickupSlip(Samples.pickup("Sukarni", false), Samples.OFFICE, PaperSize.A5, EN,
                Samples.ZONE, Samples.AT));
        assertThat(bySelf).contains("The applicant in person", "Collected by").doesNotContain("Representative's");
    }

    @Test
    void englishApostrophesSurvive() {
        assertThat(Pdfs.text(Samples.render(Kind.PICKUP, "Sukarni", PaperSize.A5, EN))).contains("Representative's name");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(PaperSize.class)
    void theQrCodeDecodesToTheReceiptNumber(PaperSize paper) throws Exception {
        byte[] pdf = Samples.render(Kind.RECEIPT, LONG_NAME, paper, ID);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(doc).renderImageWithDPI(doc.getNumberOfPages() - 1, 200);
            Result result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))));
            assertThat(result.getText()).isEqualTo("DPS-20261127-0042");
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("everyDocumentOnEveryPaper")
    void everyDocumentIsPdfA2b(Kind kind, PaperSize paper) throws Exception {
        for (String name : List.of(DIACRITICS, LONG_NAME)) {
            byte[] pdf = Samples.render(kind, name, paper, ID);
            try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf));
                 PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
                ValidationResult result = validator.validate(parser);
                assertThat(result.isCompliant()).as("%s", result.getTestAssertions()).isTrue();
            }
        }
    }

    @Test
    void aSlipTooLongForOneSheetContinuesOnTheNextInsideTheMargins() throws Exception {
        String note = ("Dokumen pendukung harus asli dan dilegalisasi oleh instansi penerbit. ").repeat(60).strip();
        HoldSlipData hold = new HoldSlipData("DPS-20261127-0042", LONG_NAME, NIK, id.loket.appointment.model.ServiceType.NEW,
                List.of(id.loket.casefile.model.DocumentType.values()), java.time.LocalDate.of(2026, 12, 11), note, "Made Sudiarta");
        byte[] pdf = DocumentRenderer.holdSlip(hold, Samples.OFFICE, PaperSize.A5, ID, Samples.ZONE, Samples.AT);

        assertThat(Pdfs.mediaBoxes(pdf)).hasSizeGreaterThan(1);
        // the page numbers sit at the foot of each sheet, between the parts of the note
        String text = Pdfs.squeezed(Pdfs.text(pdf).replaceAll("Halaman \\d+ dari \\d+", ""));
        assertThat(text).contains(Pdfs.squeezed(note), Pdfs.squeezed(LONG_NAME), "Penetapanhakasuh", "11Desember2026");
        int pages = Pdfs.mediaBoxes(pdf).size();
        assertThat(Pdfs.text(pdf)).contains("Halaman 1 dari " + pages, "Halaman " + pages + " dari " + pages);
        assertThat(Pdfs.glyphs(pdf)).allSatisfy(g -> {
            assertThat(g.top()).as("top of %s", g).isGreaterThanOrEqualTo(PaperSize.A5.margin() - 0.5f);
            assertThat(g.bottom()).as("bottom of %s", g).isLessThanOrEqualTo(g.pageHeight() - PaperSize.A5.margin() + 0.5f);
        });
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf));
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_2_B, false)) {
            assertThat(validator.validate(parser).isCompliant()).isTrue();
        }
    }

    @Test
    void paperSizesHaveTheirMediaBoxes() {
        PDRectangle a5 = Pdfs.mediaBoxes(Samples.render(Kind.RECEIPT, "Sukarni", PaperSize.A5, ID)).get(0);
        assertThat(a5.getWidth()).isCloseTo(148 / 25.4f * 72, org.assertj.core.data.Offset.offset(0.5f));
        assertThat(a5.getHeight()).isCloseTo(210 / 25.4f * 72, org.assertj.core.data.Offset.offset(0.5f));
        PDRectangle a4 = Pdfs.mediaBoxes(Samples.render(Kind.RECEIPT, "Sukarni", PaperSize.A4, ID)).get(0);
        assertThat(a4.getWidth()).isCloseTo(210 / 25.4f * 72, org.assertj.core.data.Offset.offset(0.5f));
        assertThat(a4.getHeight()).isCloseTo(297 / 25.4f * 72, org.assertj.core.data.Offset.offset(0.5f));
        List<PDRectangle> roll = Pdfs.mediaBoxes(Samples.render(Kind.RECEIPT, "Sukarni", PaperSize.THERMAL_80MM, ID));
        List<PDRectangle> longRoll = Pdfs.mediaBoxes(Samples.render(Kind.RECEIPT, LONG_NAME, PaperSize.THERMAL_80MM, ID));
        assertThat(roll).hasSize(1);
        assertThat(roll.get(0).getWidth()).isCloseTo(80 / 25.4f * 72, org.assertj.core.data.Offset.offset(0.5f));
        assertThat(longRoll.get(0).getHeight()).as("the roll grows with the content").isGreaterThan(roll.get(0).getHeight());
    }

    @Test
    void wrappingKeepsEveryCharacterAndBreaksAnOverlongWord() throws Exception {
        try (PDDocument doc = new PDDocument()) {
            var font = org.apache.pdfbox.pdmodel.font.PDType0Font.load(doc,
                    DocumentRendererTest.class.getResourceAsStream("/fonts/DejaVuSans.ttf"), true);
            String word = "W".repeat(80);
            List<String> lines = Sheet.wrap("Ab " + word + " cd", font, 9, 100);
            assertThat(lines).hasSizeGreaterThan(2);
            assertThat(String.join("", lines).replace(" ", "")).isEqualTo("Ab" + word + "cd");
            assertThat(lines).allSatisfy(l -> assertThat(Sheet.measure(l, font, 9)).isLessThanOrEqualTo(100));
        }
    }

    @Test
    void warmReceiptRenderTime() {
        for (int i = 0; i < 30; i++) {
            Samples.render(Kind.RECEIPT, DIACRITICS, PaperSize.A5, ID);
        }
        int n = 50;
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            Samples.render(Kind.RECEIPT, DIACRITICS, PaperSize.A5, ID);
            nanos[i] = System.nanoTime() - t;
        }
        java.util.Arrays.sort(nanos);
        System.out.printf("warm A5 receipt render: median %.1f ms, min %.1f ms, max %.1f ms over %d%n",
                nanos[n / 2] / 1e6, nanos[0] / 1e6, nanos[n - 1] / 1e6, n);
    }
}
