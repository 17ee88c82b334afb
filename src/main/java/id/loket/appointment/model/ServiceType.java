package id.loket.appointment.model;

/** The passport service an applicant comes for (contract enum). */
public enum ServiceType { NEW, RENEWAL, REPLACEMENT_LOST, REPLACEMENT_DAMAGED }
