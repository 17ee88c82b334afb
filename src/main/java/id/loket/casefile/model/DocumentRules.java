package id.loket.casefile.model;

import id.loket.appointment.model.ServiceType;
import java.util.ArrayList;
import java.util.List;

/**
 * Which documents a case needs, from its service, whether the applicant is a minor on the
 * appointment date (under 17 and unmarried), and the replacement kind
 * (docs/office-rules.md, "Documents per service").
 */
public final class DocumentRules {

    private DocumentRules() {
    }

    public static List<DocumentCheck> checklist(ServiceType service, boolean minor) {
        List<DocumentCheck> list = new ArrayList<>();
        if (minor) {
            add(list, Requirement.REQUIRED, DocumentType.KK, DocumentType.BIRTH_CERT, DocumentType.FATHER_E_KTP,
                    DocumentType.MOTHER_E_KTP, DocumentType.PARENTS_MARRIAGE_CERT, DocumentType.PARENTS_STATEMENT);
        } else {
            add(list, Requirement.REQUIRED, DocumentType.E_KTP, DocumentType.KK);
            add(list, Requirement.ONE_OF, DocumentType.BIRTH_CERT, DocumentType.MARRIAGE_CERT, DocumentType.DIPLOMA,
                    DocumentType.BAPTISM_CERT);
        }
        switch (service) {
            case RENEWAL -> add(list, Requirement.REQUIRED, DocumentType.OLD_PASSPORT);
            case REPLACEMENT_LOST -> add(list, Requirement.REQUIRED, DocumentType.POLICE_LOSS_REPORT);
            case REPLACEMENT_DAMAGED -> add(list, Requirement.REQUIRED, DocumentType.DAMAGED_PASSPORT);
            case NEW -> {
                // nothing more than the identity documents
            }
        }
        if (minor) {
            add(list, Requirement.IF_APPLICABLE, DocumentType.PARENTS_PASSPORTS, DocumentType.DIVORCE_DEED, DocumentType.CUSTODY_DECREE);
        } else {
            add(list, Requirement.IF_APPLICABLE, DocumentType.NAME_CHANGE_DECREE);
        }
        return List.copyOf(list);
    }

    private static void add(List<DocumentCheck> list, Requirement requirement, DocumentType... types) {
        for (DocumentType t : types) {
            list.add(new DocumentCheck(t, requirement, null, null));
        }
    }

    /** What the checklist says now: complete, something missing, or something that does not match. */
    public enum Verdict { INCOMPLETE, VERIFIED, MISSING, MISMATCH }

    /**
     * INCOMPLETE while a required document (or the whole identity group) is unchecked, so a
     * hold always lists everything that is missing;
     * MISMATCH if any document does not match; MISSING if a required one is missing (or no
     * identity document was shown); VERIFIED when every required one is verified (or not
     * applicable, with a note) and one identity document is verified.
     */
    public static Verdict verdict(List<DocumentCheck> checks) {
        boolean unchecked = false;
        boolean missing = false;
        boolean oneOfPresent = false;
        boolean oneOfVerified = false;
        boolean oneOfOpen = false;
        for (DocumentCheck c : checks) {
            if (c.result() == DocumentResult.MISMATCH) {
                return Verdict.MISMATCH;
            }
            switch (c.requirement()) {
                case REQUIRED -> {
                    if (c.result() == null) {
                        unchecked = true;
                    } else if (c.result() == DocumentResult.MISSING) {
                        missing = true;
                    }
                }
                case ONE_OF -> {
                    oneOfPresent = true;
                    if (c.result() == DocumentResult.VERIFIED) {
                        oneOfVerified = true;
                    } else if (c.result() == null) {
                        oneOfOpen = true;
                    }
                }
                case IF_APPLICABLE -> {
                    if (c.result() == DocumentResult.MISSING) {
                        missing = true;
                    }
                }
            }
        }
        if (unchecked || (oneOfPresent && !oneOfVerified && oneOfOpen)) {
            return Verdict.INCOMPLETE;
        }
        if (missing || (oneOfPresent && !oneOfVerified)) {
            return Verdict.MISSING;
        }
        return Verdict.VERIFIED;
    }

    /**
     * The documents still to bring: those marked missing (identity documents only while none
     * of them was verified); and when every identity document was checked, none verified and
     * none marked missing (all "not applicable"), the whole identity group, any one of which will do.
     */
    public static List<DocumentType> missing(List<DocumentCheck> checks) {
        List<DocumentCheck> group = checks.stream().filter(c -> c.requirement() == Requirement.ONE_OF).toList();
        boolean groupVerified = group.stream().anyMatch(c -> c.result() == DocumentResult.VERIFIED);
        boolean groupNoneMarkedMissing = group.stream().noneMatch(c -> c.result() == DocumentResult.MISSING);
        boolean groupAllChecked = group.stream().noneMatch(c -> c.result() == null);
        boolean wholeGroup = !group.isEmpty() && !groupVerified && groupAllChecked && groupNoneMarkedMissing;
        List<DocumentType> missing = new ArrayList<>();
        for (DocumentCheck c : checks) {
            boolean isMissing = c.result() == DocumentResult.MISSING;
            if (c.requirement() != Requirement.ONE_OF ? isMissing : !groupVerified && (isMissing || wholeGroup)) {
                missing.add(c.type());
            }
        }
        return missing;
    }
}
