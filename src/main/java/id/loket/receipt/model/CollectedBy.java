package id.loket.receipt.model;

/** Who collected the passport: the applicant, or a representative with the applicant's authority. */
public enum CollectedBy { SELF, REPRESENTATIVE }
