package id.loket.casefile.model;

/** The documents an officer checks, by their codes (docs/office-rules.md, "Document types"). */
public enum DocumentType {
    E_KTP, KK, BIRTH_CERT, MARRIAGE_CERT, DIPLOMA, BAPTISM_CERT, NAME_CHANGE_DECREE, OLD_PASSPORT,
    POLICE_LOSS_REPORT, DAMAGED_PASSPORT, FATHER_E_KTP, MOTHER_E_KTP, PARENTS_MARRIAGE_CERT,
    PARENTS_PASSPORTS, PARENTS_STATEMENT, DIVORCE_DEED, CUSTODY_DECREE
}
