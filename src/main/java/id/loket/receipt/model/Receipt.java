package id.loket.receipt.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A case's receipt (tanda terima) and, once collected, its handover. The representative's
 * NIK is kept whole for the record; show and log it only through {@code Nik.mask}.
 *
 * <p>What the paper shows is kept as it was issued: the fee charged (whole rupiah), the
 * payment's billing code and NTPN, the officers' full names. A reprint reproduces them even
 * after the fee table or an officer's name has changed.
 *
 * <p>Issued is not given: the number is taken when the receipt is issued; the receipt is
 * given ({@link #given()}) once a print was accepted by the printer or the PDF was saved.
 * Until then a print is the original, not a copy, and is not counted as a reprint.
 */
public record Receipt(
        String caseRef,
        String receiptNumber,
        LocalDate receiptDate,
        LocalDate pickupDate,
        OffsetDateTime issuedAt,
        String issuedBy,
        String issuedByName,
        long feeRupiah,
        String billingCode,
        String ntpn,
        OffsetDateTime givenAt,
        String givenBy,
        GivenAs givenAs,
        int reprintCount,
        OffsetDateTime readyAt,
        String passportNumber,
        CollectedBy collectedBy,
        String representativeName,
        String representativeNik,
        OffsetDateTime handedOverAt,
        String handedOverBy,
        String handedOverByName) {

    /** A receipt just issued: not given yet, not ready, not handed over. */
    public static Receipt issued(String caseRef, ReceiptNumber number, LocalDate pickupDate, OffsetDateTime issuedAt, String issuedBy,
            String issuedByName, long feeRupiah, String billingCode, String ntpn) {
        return new Receipt(caseRef, number.text(), number.date(), pickupDate, issuedAt, issuedBy, issuedByName, feeRupiah, billingCode,
                ntpn, null, null, null, 0, null, null, null, null, null, null, null, null);
    }

    public boolean handedOver() {
        return handedOverAt != null;
    }

    /** Whether the receipt reached the applicant: printed (accepted by the printer) or saved. */
    public boolean given() {
        return givenAt != null;
    }

    /** The officer who issued it, by full name (the username where no name is known). */
    public String issuer() {
        return issuedByName != null && !issuedByName.isBlank() ? issuedByName : issuedBy;
    }

    /** The officer who handed the passport over, by full name (the username where no name is known). */
    public String handedOverByOfficer() {
        return handedOverByName != null && !handedOverByName.isBlank() ? handedOverByName : handedOverBy;
    }

    /** This receipt, now given ({@code when}, by {@code who}, as {@code how}). */
    public Receipt givenNow(OffsetDateTime when, String who, GivenAs how) {
        return new Receipt(caseRef, receiptNumber, receiptDate, pickupDate, issuedAt, issuedBy, issuedByName, feeRupiah, billingCode, ntpn,
                when, who, how, reprintCount, readyAt, passportNumber, collectedBy, representativeName, representativeNik, handedOverAt,
                handedOverBy, handedOverByName);
    }

    /** This receipt with one more reprint counted. */
    public Receipt reprinted() {
        return new Receipt(caseRef, receiptNumber, receiptDate, pickupDate, issuedAt, issuedBy, issuedByName, feeRupiah, billingCode, ntpn,
                givenAt, givenBy, givenAs, reprintCount + 1, readyAt, passportNumber, collectedBy, representativeName, representativeNik,
                handedOverAt, handedOverBy, handedOverByName);
    }

    /** This receipt, its passport arrived at {@code when} (any earlier handover forgotten). */
    public Receipt ready(OffsetDateTime when) {
        return new Receipt(caseRef, receiptNumber, receiptDate, pickupDate, issuedAt, issuedBy, issuedByName, feeRupiah, billingCode, ntpn,
                givenAt, givenBy, givenAs, reprintCount, when, null, null, null, null, null, null, null);
    }

    /** This receipt, its passport handed over. */
    public Receipt handedOver(String passport, CollectedBy by, String repName, String repNik, OffsetDateTime when, String officer,
            String officerName) {
        return new Receipt(caseRef, receiptNumber, receiptDate, pickupDate, issuedAt, issuedBy, issuedByName, feeRupiah, billingCode, ntpn,
                givenAt, givenBy, givenAs, reprintCount, readyAt, passport, by, repName, repNik, when, officer, officerName);
    }
}
