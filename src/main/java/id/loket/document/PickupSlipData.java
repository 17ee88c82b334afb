package id.loket.document;

import java.time.Instant;
import java.util.Objects;

/**
 * What a pickup slip (bukti pengambilan) shows. For a representative, their name and NIK are
 * printed (the NIK masked); for the applicant in person they are left out.
 */
public record PickupSlipData(
        String receiptNumber,
        String applicantName,
        String nik,
        String passportNumber,
        Collector collectedBy,
        String representativeName,
        String representativeNik,
        Instant collectedAt,
        String officer) {

    /** Who took the passport over the counter. */
    public enum Collector { SELF, REPRESENTATIVE }

    public PickupSlipData {
        Objects.requireNonNull(receiptNumber, "receiptNumber");
        Objects.requireNonNull(applicantName, "applicantName");
        Objects.requireNonNull(passportNumber, "passportNumber");
        Objects.requireNonNull(collectedBy, "collectedBy");
        Objects.requireNonNull(collectedAt, "collectedAt");
        if (collectedBy == Collector.REPRESENTATIVE && (representativeName == null || representativeName.isBlank())) {
            throw new IllegalArgumentException("a representative needs a name");
        }
    }
}
