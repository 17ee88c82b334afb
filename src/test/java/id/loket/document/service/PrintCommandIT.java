package id.loket.document.service;

import static id.loket.testing.OfficeFixture.OFFICER;
import static id.loket.testing.OfficeFixture.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

import id.loket.app.Main;
import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.PaymentStatus;
import id.loket.appointment.model.ServiceType;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.DocumentCheck;
import id.loket.casefile.model.DocumentResult;
import id.loket.casefile.model.DocumentType;
import id.loket.casefile.model.InterviewOutcome;
import id.loket.casefile.model.RejectionReason;
import id.loket.casefile.model.Requirement;
import id.loket.common.model.Nik;
import id.loket.pickup.service.PickupService;
import id.loket.receipt.model.CollectedBy;
import id.loket.receipt.model.ReceiptSlip;
import id.loket.testing.OfficeFixture;
import id.loket.verification.service.VerificationService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code loket print}: cases taken through the real services on a real H2 file (the office
 * fixture, closed again so the command can open the folder), then printed from the command line.
 */
class PrintCommandIT {

    @TempDir
    Path dir;

    @TempDir
    Path outDir;

    private String receiptCase;
    private String receiptNumber;
    private String queueNumber;
    private String nik;
    private LocalDate pickupDate;
    private String verifiedCase;
    private String rejectedCase;
    private String heldCase;
    private DocumentType heldMissing;
    private String handedOverCase;
    private String representativeNik;

    @BeforeEach
    void prepare() {
        try (OfficeFixture office = new OfficeFixture(dir)) {
            List<Appointment> adults = office.booked(a -> a.service() == ServiceType.RENEWAL && a.applicant().guardians().isEmpty()
                    && a.payment() != null && a.payment().status() == PaymentStatus.PAID
                    && java.time.Period.between(a.applicant().birthDate(), a.date()).getYears() >= 17);
            assertThat(adults).hasSizeGreaterThanOrEqualTo(6);

            Appointment paid = adults.get(0);
            CaseFile c = verified(office, paid.id(), null);
            c = office.verification().interview(c.caseRef(), OFFICER, InterviewOutcome.PASSED, null);
            office.verification().approve(c.caseRef(), c.status() == CaseStatus.APPROVAL_PENDING ? SUPERVISOR : OFFICER);
            ReceiptSlip slip = office.app().receipts(office.app().clock()).issue(c.caseRef(), OFFICER);
            receiptCase = c.caseRef();
            receiptNumber = slip.receipt().receiptNumber();
            pickupDate = slip.receipt().pickupDate();
            queueNumber = c.queueNumber().toString();
            nik = c.applicant().nik();

            verifiedCase = verified(office, adults.get(1).id(), null).caseRef();

            office.checkIn().checkIn(adults.get(2).id(), OFFICER);
            CaseFile toReject = office.checkIn().call(adults.get(2).id(), OFFICER);
            office.verification().reject(toReject.caseRef(), OFFICER, Set.of(RejectionReason.DATA_MISMATCH, RejectionReason.FORGED_DOCUMENT),
                    "Tanggal lahir berbeda");
            rejectedCase = toReject.caseRef();

            CaseFile held = verified(office, adults.get(3).id(), "missing");
            assertThat(held.status()).isEqualTo(CaseStatus.ON_HOLD);
            heldCase = held.caseRef();

            CaseFile collected = verified(office, adults.get(4).id(), null);
            collected = office.verification().interview(collected.caseRef(), OFFICER, InterviewOutcome.PASSED, null);
            office.verification().approve(collected.caseRef(), collected.status() == CaseStatus.APPROVAL_PENDING ? SUPERVISOR : OFFICER);
            String number = office.app().receipts(office.app().clock()).issue(collected.caseRef(), OFFICER).receipt().receiptNumber();
            PickupService pickup = office.app().pickup(office.app().clock());
            pickup.markReady(number, OFFICER);
            representativeNik = adults.get(5).applicant().nik();
            pickup.handOver(number, OFFICER, CollectedBy.REPRESENTATIVE, "Ni Made Wakil", representativeNik, "X1234567");
            handedOverCase = collected.caseRef();
        }
    }

    /** Checks in, calls and checks the documents; with {@code missing}, the first required document is missing (a hold). */
    private CaseFile verified(OfficeFixture office, String appointmentId, String missing) {
        office.checkIn().checkIn(appointmentId, OFFICER);
        CaseFile c = office.checkIn().call(appointmentId, OFFICER);
        VerificationService v = office.verification();
        boolean identityDone = false;
        boolean missingDone = missing == null;
        for (DocumentCheck d : c.documents()) {
            if (d.requirement() == Requirement.REQUIRED || (d.requirement() == Requirement.ONE_OF && !identityDone)) {
                DocumentResult result = DocumentResult.VERIFIED;
                if (!missingDone && d.requirement() == Requirement.REQUIRED) {
                    result = DocumentResult.MISSING;
                    heldMissing = d.type();
                    missingDone = true;
                }
                v.recordDocument(c.caseRef(), OFFICER, d.type(), result, null);
                identityDone |= d.requirement() == Requirement.ONE_OF;
            }
        }
        return v.finish(c.caseRef(), OFFICER);
    }

    private record Run(int code, String out, String err) {
    }

    private Run print(String... args) {
        List<String> all = new ArrayList<>(List.of("print"));
        all.addAll(List.of(args));
        all.addAll(List.of("--data", dir.toString()));
        all.addAll(id.loket.testing.Cli.signIn("petugas1"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(pdf))) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private List<Path> outFiles() throws IOException {
        try (Stream<Path> files = Files.list(outDir)) {
            return files.toList();
        }
    }

    @Test
    void aReceiptIsPrintedInIndonesianWithTheMaskedNik() throws IOException {
        Path file = outDir.resolve("receipt.pdf");

        Run run = print("receipt", "--case", receiptCase, "--out", file.toString());

        assertThat(run.code()).as(run.err()).isZero();
        String text = text(file);
        assertThat(text).contains(receiptNumber, queueNumber, Nik.mask(nik), "TANDA TERIMA")
                .contains(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("id-ID")).format(pickupDate))
                .doesNotContain(nik)
                .doesNotContain("SALINAN");
        assertThat(outFiles()).containsExactly(file);
    }

    @Test
    void aReceiptInEnglishOnA4MarkedAsACopy() throws IOException {
        Path file = outDir.resolve("receipt-en.pdf");
        // A receipt never given prints as the original, --copy or not; writing it gives it.
        Path first = outDir.resolve("receipt-first.pdf");
        Run original = print("receipt", "--case", receiptCase, "--out", first.toString(), "--lang", "en", "--copy");
        assertThat(original.code()).as(original.err()).isZero();
        assertThat(text(first)).contains("PASSPORT APPLICATION RECEIPT").doesNotContain("COPY");

        Run run = print("receipt", "--case", receiptCase, "--out", file.toString(), "--lang", "en", "--paper", "a4", "--copy");

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out()).contains("Document written to");
        String text = text(file);
        assertThat(text).contains("PASSPORT APPLICATION RECEIPT", "COPY", receiptNumber)
                .contains(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).format(pickupDate));
    }

    @Test
    void aRejectionSlipListsTheReasonsInWords() throws IOException {
        Path file = outDir.resolve("rejected.pdf");

        Run run = print("rejection-slip", "--case", rejectedCase, "--out", file.toString(), "--lang", "en");

        assertThat(run.code()).as(run.err()).isZero();
        String text = text(file);
        assertThat(text).contains("NOTICE OF REJECTED PASSPORT APPLICATION", rejectedCase, "Tanggal lahir berbeda")
                .doesNotContain("DATA_MISMATCH").doesNotContain("FORGED_DOCUMENT");
        assertThat(text.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)).contains("forged");
    }

    @Test
    void aHoldSlipListsTheMissingDocuments() throws IOException {
        Path file = outDir.resolve("hold.pdf");

        Run run = print("hold-slip", "--case", heldCase, "--out", file.toString());

        assertThat(run.code()).as(run.err()).isZero();
        String text = text(file);
        assertThat(text).contains(heldCase).doesNotContain(heldMissing.name());
        assertThat(text.replaceAll("\\s+", " ")).contains(new id.loket.common.i18n.Messages(id.loket.common.i18n.Messages.INDONESIAN)
                .name(heldMissing));
    }

    @Test
    void aPickupSlipNamesTheRepresentativeWithTheirNikMasked() throws IOException {
        Path file = outDir.resolve("pickup.pdf");

        Run run = print("pickup-slip", "--case", handedOverCase, "--out", file.toString(), "--paper", "80mm");

        assertThat(run.code()).as(run.err()).isZero();
        String text = text(file);
        assertThat(text).contains("X1234567", "Ni Made Wakil", Nik.mask(representativeNik)).doesNotContain(representativeNik);
    }

    @Test
    void aReceiptForACaseNotYetApprovedIsRefusedAndNoFileIsWritten() throws IOException {
        Path file = outDir.resolve("not-yet.pdf");

        Run run = print("receipt", "--case", verifiedCase, "--out", file.toString(), "--lang", "en");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("Case " + verifiedCase + " has no receipt yet");
        assertThat(outFiles()).isEmpty();
    }

    @Test
    void theWrongSlipForACaseIsRefused() throws IOException {
        assertThat(print("rejection-slip", "--case", receiptCase, "--out", outDir.resolve("a.pdf").toString(), "--lang", "en").err())
                .contains("was not rejected");
        assertThat(print("hold-slip", "--case", rejectedCase, "--out", outDir.resolve("b.pdf").toString(), "--lang", "en").err())
                .contains("never put on hold");
        assertThat(print("pickup-slip", "--case", receiptCase, "--out", outDir.resolve("c.pdf").toString(), "--lang", "en").err())
                .contains("has not been handed over");
        assertThat(outFiles()).isEmpty();
    }

    @Test
    void anUnknownCaseIsRefused() throws IOException {
        Run run = print("receipt", "--case", "NO-SUCH-CASE", "--out", outDir.resolve("x.pdf").toString(), "--lang", "en");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("There is no case \"NO-SUCH-CASE\"");
        assertThat(outFiles()).isEmpty();
    }

    @Test
    void anUnknownDocumentOrPaperIsRefused() throws IOException {
        Run kind = print("invoice", "--case", receiptCase, "--out", outDir.resolve("x.pdf").toString(), "--lang", "en");
        Run paper = print("receipt", "--case", receiptCase, "--out", outDir.resolve("x.pdf").toString(), "--lang", "en", "--paper", "b5");

        assertThat(kind.code()).isEqualTo(2);
        assertThat(kind.err()).contains("Unknown document \"invoice\"");
        assertThat(paper.code()).isEqualTo(2);
        assertThat(paper.err()).contains("Unknown paper \"b5\"");
        assertThat(outFiles()).isEmpty();
    }
}
