package id.loket.appointment.model;

/** Regular (non-electronic) or electronic passport (contract enum). */
public enum PassportType { REGULAR, ELECTRONIC }
