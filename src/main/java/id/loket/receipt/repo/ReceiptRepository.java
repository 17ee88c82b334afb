package id.loket.receipt.repo;

import static id.loket.db.jooq.Tables.CASE_FILE;
import static id.loket.db.jooq.Tables.CASE_RECEIPT;

import id.loket.db.jooq.tables.records.CaseReceiptRecord;
import id.loket.receipt.model.CollectedBy;
import id.loket.receipt.model.GivenAs;
import id.loket.receipt.model.Receipt;
import java.util.Optional;
import org.jooq.DSLContext;

/** Receipts, one per case, found by case or by receipt number. */
public final class ReceiptRepository {

    private final DSLContext ctx;

    public ReceiptRepository(DSLContext ctx) {
        this.ctx = ctx;
    }

    public Optional<Receipt> byCase(String caseRef) {
        return ctx.selectFrom(CASE_RECEIPT).where(CASE_RECEIPT.CASE_REF.eq(caseRef)).fetchOptional(ReceiptRepository::toReceipt);
    }

    public Optional<Receipt> byNumber(String receiptNumber) {
        return ctx.selectFrom(CASE_RECEIPT).where(CASE_RECEIPT.RECEIPT_NUMBER.eq(receiptNumber)).fetchOptional(ReceiptRepository::toReceipt);
    }

    /** The receipts whose passports can be collected on {@code date} or earlier, by receipt number. */
    public java.util.List<Receipt> pickupBy(java.time.LocalDate date) {
        return ctx.selectFrom(CASE_RECEIPT).where(CASE_RECEIPT.PICKUP_DATE.le(date)).orderBy(CASE_RECEIPT.RECEIPT_NUMBER)
                .fetch(ReceiptRepository::toReceipt);
    }

    /**
     * The office's receipts whose case has the given status (for the pickup counter:
     * RECEIPT_ISSUED, the passport not yet arrived), oldest first.
     */
    public java.util.List<Receipt> byCaseStatus(String office, String status) {
        return ctx.select(CASE_RECEIPT.fields()).from(CASE_RECEIPT).join(CASE_FILE).on(CASE_FILE.CASE_REF.eq(CASE_RECEIPT.CASE_REF))
                .where(CASE_FILE.OFFICE.eq(office)).and(CASE_FILE.STATUS.eq(status))
                .orderBy(CASE_RECEIPT.RECEIPT_DATE, CASE_RECEIPT.ISSUED_AT, CASE_RECEIPT.RECEIPT_NUMBER)
                .fetch(r -> toReceipt(r.into(CASE_RECEIPT)));
    }

    public void insert(Receipt r) {
        CaseReceiptRecord rec = ctx.newRecord(CASE_RECEIPT);
        fill(rec, r);
        rec.insert();
    }

    public void update(Receipt r) {
        CaseReceiptRecord rec = ctx.newRecord(CASE_RECEIPT);
        fill(rec, r);
        rec.changed(CASE_RECEIPT.CASE_REF, false);
        if (ctx.update(CASE_RECEIPT).set(rec).where(CASE_RECEIPT.CASE_REF.eq(r.caseRef())).execute() != 1) {
            throw new IllegalStateException("no receipt for case " + r.caseRef());
        }
    }

    private static void fill(CaseReceiptRecord rec, Receipt r) {
        rec.setCaseRef(r.caseRef());
        rec.setReceiptNumber(r.receiptNumber());
        rec.setReceiptDate(r.receiptDate());
        rec.setPickupDate(r.pickupDate());
        rec.setIssuedAt(r.issuedAt());
        rec.setIssuedBy(r.issuedBy());
        rec.setIssuedByName(r.issuedByName() == null ? r.issuedBy() : r.issuedByName());
        rec.setFeeRupiah(r.feeRupiah());
        rec.setBillingCode(r.billingCode());
        rec.setNtpn(r.ntpn());
        rec.setGivenAt(r.givenAt());
        rec.setGivenBy(r.givenBy());
        rec.setGivenHow(r.givenAs() == null ? null : r.givenAs().name());
        rec.setReprintCount(r.reprintCount());
        rec.setReadyAt(r.readyAt());
        rec.setPassportNumber(r.passportNumber());
        rec.setCollectedBy(r.collectedBy() == null ? null : r.collectedBy().name());
        rec.setRepresentativeName(r.representativeName());
        rec.setRepresentativeNik(r.representativeNik());
        rec.setHandedOverAt(r.handedOverAt());
        rec.setHandedOverBy(r.handedOverBy());
        rec.setHandedOverByName(r.handedOverByName());
    }

    private static Receipt toReceipt(CaseReceiptRecord r) {
        return new Receipt(r.getCaseRef(), r.getReceiptNumber(), r.getReceiptDate(), r.getPickupDate(), r.getIssuedAt(), r.getIssuedBy(),
                r.getIssuedByName(), r.getFeeRupiah(), r.getBillingCode(), r.getNtpn(), r.getGivenAt(), r.getGivenBy(),
                r.getGivenHow() == null ? null : GivenAs.valueOf(r.getGivenHow()),
                r.getReprintCount(), r.getReadyAt(), r.getPassportNumber(),
                r.getCollectedBy() == null ? null : CollectedBy.valueOf(r.getCollectedBy()),
                r.getRepresentativeName(), r.getRepresentativeNik(), r.getHandedOverAt(), r.getHandedOverBy(), r.getHandedOverByName());
    }
}
