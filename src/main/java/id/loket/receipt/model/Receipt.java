package id.loket.receipt.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A case's receipt (tanda terima) and, once collected, its handover. The representative's
 * NIK is kept whole for the record; show and log it only through {@code Nik.mask}.
 */
public record Receipt(
        String caseRef,
        String receiptNumber,
        LocalDate receiptDate,
        LocalDate pickupDate,
        OffsetDateTime issuedAt,
        String issuedBy,
        int reprintCount,
        OffsetDateTime readyAt,
        String passportNumber,
        CollectedBy collectedBy,
        String representativeName,
        String representativeNik,
        OffsetDateTime handedOverAt,
        String handedOverBy) {

    public boolean handedOver() {
        return handedOverAt != null;
    }
}
