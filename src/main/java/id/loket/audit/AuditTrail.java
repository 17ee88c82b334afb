package id.loket.audit;

import static id.loket.db.jooq.Tables.AUDIT_LOG;

import id.loket.audit.model.OfficeAction;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;

/**
 * Writing the audit trail, for every feature: rows are appended in the caller's transaction (the
 * change they record commits with them or not at all), never updated, and chained
 * ({@link AuditChainRepository}). The only way other features write {@code audit_log}; the
 * caller has checked the session already.
 *
 * <p>It sits in the feature's root package, not in {@code service}, because every feature uses
 * it, the sign-in ({@code staff}) included: it must not depend on the session check, which lives
 * in {@code staff}. Checking the chain (a guarded service) is {@code backup.service.AuditVerifier}.
 */
public final class AuditTrail {

    private final AuditChainRepository chain;
    private final DSLContext tx;

    /** The trail inside the caller's transaction {@code tx}. */
    public AuditTrail(DSLContext tx) {
        this.tx = tx;
        this.chain = new AuditChainRepository(tx);
    }

    /**
     * Appends a step on a case ({@code caseRef}; {@code from}/{@code to} the statuses by name,
     * or null) at the end of the chain, holding the chain head's lock until the caller commits.
     */
    public void appendCaseStep(String caseRef, String action, String from, String to, OffsetDateTime at, String officer, String counter,
            String details) {
        chain.append(caseRef, action, from, to, at, officer, counter, details);
    }

    /**
     * Appends a row about the office rather than a case ({@link OfficeAction}): no case
     * reference, the officer (or {@code "-"} when nobody is known), the counter if any.
     */
    public void appendOffice(OfficeAction action, String officer, String counter, String details, OffsetDateTime at) {
        chain.append(null, action.name(), null, null, at, officer, counter, details);
    }

    /**
     * A supervisor's decision on a sync conflict, in the case's trail (and so in the chain):
     * action {@code CONFLICT_RESOLVED}, details {@code "conflict <id> <resolution>"} and the note.
     * Called in the transaction of the decision, beside the conflict's own audit line.
     */
    public void appendConflictResolution(String caseRef, long conflictId, String resolution, String officer, String counter, String note,
            OffsetDateTime at) {
        String details = "conflict " + conflictId + " " + resolution + (note == null || note.isBlank() ? "" : ": " + note);
        chain.append(caseRef, OfficeAction.CONFLICT_RESOLVED.name(), null, null, at, officer, counter,
                details.length() > 4000 ? details.substring(0, 4000) : details);
    }

    /** How many rows the trail holds. */
    public int count() {
        return tx.fetchCount(AUDIT_LOG);
    }
}
