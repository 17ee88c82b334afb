package id.loket.casefile.model;

import java.time.OffsetDateTime;

/** One line of a case's history: what was done, from which state to which, when, by whom, where. */
public record AuditEntry(String caseRef, CaseAction action, CaseStatus from, CaseStatus to, OffsetDateTime at,
        String officer, String counter, String details) {
}
