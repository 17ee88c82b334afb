package id.loket.appointment.model;

import java.time.OffsetDateTime;

/**
 * Central's view of the booking's payment. Amount in whole rupiah; {@code billingCode} is the
 * 15-digit SIMPONI code, {@code ntpn} the 16-character proof of payment.
 */
public record Payment(String billingCode, Long amount, PaymentStatus status, String ntpn, OffsetDateTime paidAt) {
}
