package id.loket.appointment.model;

/** Central's payment status of a booking (contract enum). */
public enum PaymentStatus { UNPAID, PAID, EXPIRED }
