package id.loket.document;

import id.loket.appointment.model.PassportType;
import id.loket.appointment.model.ServiceType;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * What a receipt (tanda terima) shows. The NIK is given in full and printed masked to its last
 * four digits; the fee is in whole rupiah.
 */
public record ReceiptData(
        String receiptNumber,
        String queueNumber,
        String applicantName,
        String nik,
        ServiceType service,
        PassportType passportType,
        int validityYears,
        long feeRupiah,
        String billingCode,
        String ntpn,
        LocalDate pickupDate,
        LocalTime pickupFrom,
        LocalTime pickupUntil,
        String officer) {

    public ReceiptData {
        Objects.requireNonNull(receiptNumber, "receiptNumber");
        Objects.requireNonNull(applicantName, "applicantName");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(passportType, "passportType");
        Objects.requireNonNull(pickupDate, "pickupDate");
        Objects.requireNonNull(pickupFrom, "pickupFrom");
        Objects.requireNonNull(pickupUntil, "pickupUntil");
    }
}
