package id.loket.appointment.model;

/** How a guardian relates to a minor applicant (contract enum). */
public enum GuardianRelation { FATHER, MOTHER, GUARDIAN }
