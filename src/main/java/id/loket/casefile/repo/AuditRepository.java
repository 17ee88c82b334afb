package id.loket.casefile.repo;

import static id.loket.db.jooq.Tables.AUDIT_LOG;

import id.loket.casefile.model.AuditEntry;
import id.loket.casefile.model.CaseAction;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.OfficeAction;
import java.time.OffsetDateTime;
import java.util.List;
import org.jooq.DSLContext;

/** The audit trail: appended in the transaction of the change it records, never updated. */
public final class AuditRepository {

    private final DSLContext ctx;

    public AuditRepository(DSLContext ctx) {
        this.ctx = ctx;
    }

    public void append(AuditEntry e) {
        ctx.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.CASE_REF, e.caseRef())
                .set(AUDIT_LOG.ACTION, e.action().name())
                .set(AUDIT_LOG.FROM_STATUS, e.from() == null ? null : e.from().name())
                .set(AUDIT_LOG.TO_STATUS, e.to() == null ? null : e.to().name())
                .set(AUDIT_LOG.AT, e.at())
                .set(AUDIT_LOG.OFFICER, e.officer())
                .set(AUDIT_LOG.COUNTER_NO, e.counter())
                .set(AUDIT_LOG.DETAILS, e.details())
                .execute();
    }

    /**
     * Appends a row about the office rather than a case ({@link OfficeAction}): no case
     * reference, the officer (or {@code "-"} when nobody is known), the counter if any.
     */
    public void appendOffice(OfficeAction action, String officer, String counter, String details, OffsetDateTime at) {
        ctx.insertInto(AUDIT_LOG)
                .set(AUDIT_LOG.CASE_REF, (String) null)
                .set(AUDIT_LOG.ACTION, action.name())
                .set(AUDIT_LOG.AT, at)
                .set(AUDIT_LOG.OFFICER, officer)
                .set(AUDIT_LOG.COUNTER_NO, counter)
                .set(AUDIT_LOG.DETAILS, details)
                .execute();
    }

    public List<AuditEntry> history(String caseRef) {
        return ctx.selectFrom(AUDIT_LOG).where(AUDIT_LOG.CASE_REF.eq(caseRef)).orderBy(AUDIT_LOG.ID)
                .fetch(r -> new AuditEntry(r.getCaseRef(), CaseAction.valueOf(r.getAction()),
                        r.getFromStatus() == null ? null : CaseStatus.valueOf(r.getFromStatus()),
                        r.getToStatus() == null ? null : CaseStatus.valueOf(r.getToStatus()),
                        r.getAt(), r.getOfficer(), r.getCounterNo(), r.getDetails()));
    }

    public int count() {
        return ctx.fetchCount(AUDIT_LOG);
    }
}
