package id.loket.appointment.model;

/** Sex as written on the e-KTP and in the NIK (women's birth day + 40). */
public enum Sex { M, F }
