package id.loket.casefile.repo;

import static id.loket.db.jooq.Tables.AUDIT_LOG;

import id.loket.audit.repo.AuditChainRepository;
import id.loket.casefile.model.AuditEntry;
import id.loket.casefile.model.CaseAction;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.OfficeAction;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;

/** The audit trail: appended in the transaction of the change it records, never updated; every row is chained (see id.loket.audit). */
public final class AuditRepository {

    /** The case steps' action names: a case's history lists these (not the office rows filed under it, such as conflict decisions). */
    private static final List<String> CASE_ACTIONS = Arrays.stream(CaseAction.values()).map(Enum::name).toList();

    private final DSLContext ctx;
    private final AuditChainRepository chain;

    public AuditRepository(DSLContext ctx) {
        this.ctx = ctx;
        this.chain = new AuditChainRepository(ctx);
    }

    /**
     * Appends a step on a case at the end of the hash chain ({@link AuditChainRepository}): in
     * the caller's transaction, holding the chain head's lock until it commits.
     */
    public void append(AuditEntry e) {
        chain.append(e.caseRef(), e.action().name(), e.from() == null ? null : e.from().name(), e.to() == null ? null : e.to().name(),
                e.at(), e.officer(), e.counter(), e.details());
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

    public List<AuditEntry> history(String caseRef) {
        return ctx.selectFrom(AUDIT_LOG).where(AUDIT_LOG.CASE_REF.eq(caseRef).and(AUDIT_LOG.ACTION.in(CASE_ACTIONS))).orderBy(AUDIT_LOG.ID)
                .fetch(r -> new AuditEntry(r.getCaseRef(), CaseAction.valueOf(r.getAction()),
                        r.getFromStatus() == null ? null : CaseStatus.valueOf(r.getFromStatus()),
                        r.getToStatus() == null ? null : CaseStatus.valueOf(r.getToStatus()),
                        r.getAt(), r.getOfficer(), r.getCounterNo(), r.getDetails()));
    }

    public int count() {
        return ctx.fetchCount(AUDIT_LOG);
    }
}
