package id.loket.appointment.model;

/** Central's status of a booking (contract enum). */
public enum AppointmentStatus { BOOKED, CANCELLED, RESCHEDULED, EXPIRED }
