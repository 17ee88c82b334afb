package id.loket.pickup.service;

import static id.loket.db.jooq.Tables.APPOINTMENT;
import static id.loket.db.jooq.Tables.AUDIT_LOG;
import static id.loket.db.jooq.Tables.STAFF;
import static id.loket.testing.OfficeFixture.OFFICER;
import static id.loket.testing.OfficeFixture.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.PaymentStatus;
import id.loket.appointment.model.ServiceType;
import id.loket.casefile.model.CaseAction;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.DocumentCheck;
import id.loket.casefile.model.DocumentResult;
import id.loket.casefile.model.InterviewOutcome;
import id.loket.casefile.model.Requirement;
import id.loket.common.i18n.Messages;
import id.loket.document.PaperSize;
import id.loket.document.service.DocumentService;
import id.loket.document.service.DocumentService.Kind;
import id.loket.receipt.model.GivenAs;
import id.loket.receipt.model.Receipt;
import id.loket.receipt.model.ReceiptSlip;
import id.loket.testing.OfficeFixture;
import id.loket.verification.service.VerificationService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A receipt is given only when a print of it reached the applicant, a copy is counted only
 * then, and every print shows what the receipt was issued with (fee, officer's full name),
 * through the real services, a real H2 file and the PDFs' text.
 */
class ReceiptGivenAndKeptIT {

    private static final Messages ID = Messages.forLanguage("id");

    @TempDir
    Path dir;

    private OfficeFixture office;

    @BeforeEach
    void open() {
        office = new OfficeFixture(dir);
    }

    @AfterEach
    void close() {
        office.close();
    }

    private DocumentService documents() {
        return office.app().documents(office.app().clock());
    }

    private DSLContext dsl() {
        return office.app().caseWork(office.app().clock()).db().dsl();
    }

    private Receipt receipt(String caseRef) {
        return office.app().receipts(office.app().clock()).slip(OFFICER, caseRef).receipt();
    }

    private Appointment issued() {
        Appointment a = office.adult(ServiceType.RENEWAL);
        assertThat(a.payment().status()).isEqualTo(PaymentStatus.PAID);
        office.checkIn().checkIn(a.id(), OFFICER);
        CaseFile c = office.checkIn().call(a.id(), OFFICER);
        VerificationService v = office.verification();
        boolean identityDone = false;
        for (DocumentCheck d : c.documents()) {
            if (d.requirement() == Requirement.REQUIRED || (d.requirement() == Requirement.ONE_OF && !identityDone)) {
                v.recordDocument(c.caseRef(), OFFICER, d.type(), DocumentResult.VERIFIED, null);
                identityDone |= d.requirement() == Requirement.ONE_OF;
            }
        }
        v.finish(c.caseRef(), OFFICER);
        CaseFile i = v.interview(a.id(), OFFICER, InterviewOutcome.PASSED, null);
        v.approve(a.id(), i.status() == CaseStatus.APPROVAL_PENDING ? SUPERVISOR : OFFICER);
        office.app().receipts(office.app().clock()).issue(a.id(), OFFICER);
        return a;
    }

    private static String text(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text without thousands separators and spaces: "Rp350.000" reads "Rp350000". */
    private static String digits(String text) {
        return text.replaceAll("[.,\\s\\u00a0]", "");
    }

    private List<String> printedAudits(String caseRef) {
        return dsl().select(AUDIT_LOG.DETAILS).from(AUDIT_LOG).where(AUDIT_LOG.ACTION.eq("DOCUMENT_PRINTED"))
                .and(AUDIT_LOG.DETAILS.contains(caseRef)).orderBy(AUDIT_LOG.ID).fetch(AUDIT_LOG.DETAILS);
    }

    private long caseAudits(String caseRef, CaseAction action) {
        return office.app().cases().history(OFFICER, caseRef).stream().filter(a -> a.action() == action).count();
    }

    @Test
    void anIssuedReceiptIsGivenOnlyOnceAPrintWasAcceptedAndOnlyLaterCopiesAreCounted() {
        Appointment a = issued();
        assertThat(receipt(a.id()).given()).as("issued is not given").isFalse();

        // The preview renders (even asked for a copy): nothing is counted or audited, and a
        // receipt never given prints as the original, not SALINAN.
        byte[] preview = documents().render(OFFICER, Kind.RECEIPT, a.id(), true, PaperSize.A5, ID);
        assertThat(text(preview)).doesNotContain("SALINAN");
        assertThat(printedAudits(a.id())).isEmpty();
        assertThat(receipt(a.id()).reprintCount()).isZero();

        // The spooler accepted the first print: the receipt is given, not reprinted.
        documents().delivered(OFFICER, Kind.RECEIPT, a.id(), true, PaperSize.A5, false, "PDF");
        Receipt given = receipt(a.id());
        assertThat(given.given()).isTrue();
        assertThat(given.givenAs()).isEqualTo(GivenAs.PRINTED);
        assertThat(given.givenBy()).isEqualTo("petugas1");
        assertThat(given.reprintCount()).isZero();
        assertThat(caseAudits(a.id(), CaseAction.REPRINT_RECEIPT)).isZero();
        assertThat(printedAudits(a.id())).singleElement().asString().contains("RECEIPT original").contains("printed on PDF");

        // Now a copy is marked SALINAN and, once printed, counted and audited.
        assertThat(text(documents().render(OFFICER, Kind.RECEIPT, a.id(), true, PaperSize.A5, ID))).contains("SALINAN");
        assertThat(receipt(a.id()).reprintCount()).as("rendering the copy counts nothing").isZero();
        documents().delivered(OFFICER, Kind.RECEIPT, a.id(), true, PaperSize.A5, true, "/tmp/x.pdf");
        assertThat(receipt(a.id()).reprintCount()).isEqualTo(1);
        assertThat(caseAudits(a.id(), CaseAction.REPRINT_RECEIPT)).isEqualTo(1);
        assertThat(printedAudits(a.id())).hasSize(2).last().asString().contains("RECEIPT copy").contains("saved as /tmp/x.pdf");
        assertThat(receipt(a.id()).givenAs()).as("given as it was first given").isEqualTo(GivenAs.PRINTED);
    }

    @Test
    void aReprintShowsTheFeeAndOfficerTheReceiptWasIssuedWithEvenAfterBothChanged() {
        Appointment a = issued();
        long charged = a.payment().amount();
        Receipt r = receipt(a.id());
        assertThat(r.feeRupiah()).isEqualTo(charged);
        assertThat(r.issuedByName()).isEqualTo("Ni Luh Putu Ayu Lestari");
        assertThat(r.billingCode()).isEqualTo(a.payment().billingCode());

        // The fee rule changes after issuing: central's amount for the booking and the office's fee table.
        dsl().update(APPOINTMENT).set(APPOINTMENT.PAYMENT_AMOUNT, charged + 123_000).where(APPOINTMENT.ID.eq(a.id())).execute();
        office.app().settings().put("fee." + a.passportType().name() + "." + a.validityYears(), String.valueOf(charged + 456_000));
        // And the officer's account is renamed.
        dsl().update(STAFF).set(STAFF.FULL_NAME, "Nama Baru").where(STAFF.USERNAME.eq("petugas1")).execute();

        documents().delivered(OFFICER, Kind.RECEIPT, a.id(), false, PaperSize.A5, false, "PDF");
        String reprint = text(documents().render(OFFICER, Kind.RECEIPT, a.id(), true, PaperSize.A5, ID));

        assertThat(reprint).contains("SALINAN").contains("Ni Luh Putu Ayu Lestari").doesNotContain("petugas1").doesNotContain("Nama Baru");
        assertThat(digits(reprint)).contains("Rp" + charged).doesNotContain("Rp" + (charged + 123_000))
                .doesNotContain("Rp" + (charged + 456_000));
        assertThat(documents().receiptData(OFFICER, a.id()).feeRupiah()).isEqualTo(charged);
    }
}
