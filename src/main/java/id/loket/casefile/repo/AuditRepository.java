package id.loket.casefile.repo;

import static id.loket.db.jooq.Tables.AUDIT_LOG;
import static id.loket.db.jooq.Tables.CASE_FILE;

import id.loket.audit.AuditTrail;
import id.loket.casefile.model.AuditEntry;
import id.loket.casefile.model.CaseAction;
import id.loket.casefile.model.CaseStatus;
import id.loket.db.jooq.tables.records.AuditLogRecord;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Arrays;
import java.util.List;
import org.jooq.DSLContext;

/** A case's steps in the audit trail: appended through {@link AuditTrail} (id.loket.audit owns the trail) and read back as the case's history. */
public final class AuditRepository {

    /** The case steps' action names: a case's history lists these (not the office rows filed under it, such as conflict decisions). */
    private static final List<String> CASE_ACTIONS = Arrays.stream(CaseAction.values()).map(Enum::name).toList();

    private final DSLContext ctx;
    private final AuditTrail trail;

    public AuditRepository(DSLContext ctx) {
        this.ctx = ctx;
        this.trail = new AuditTrail(ctx);
    }

    /**
     * Appends a step on a case at the end of the hash chain ({@link AuditTrail}): in
     * the caller's transaction, holding the chain head's lock until it commits.
     */
    public void append(AuditEntry e) {
        trail.appendCaseStep(e.caseRef(), e.action().name(), e.from() == null ? null : e.from().name(), e.to() == null ? null : e.to().name(),
                e.at(), e.officer(), e.counter(), e.details());
    }

    public List<AuditEntry> history(String caseRef) {
        return ctx.selectFrom(AUDIT_LOG).where(AUDIT_LOG.CASE_REF.eq(caseRef).and(AUDIT_LOG.ACTION.in(CASE_ACTIONS))).orderBy(AUDIT_LOG.ID)
                .fetch(AuditRepository::toEntry);
    }

    /**
     * The histories of every case of {@code office} on {@code date}, by case reference: one query
     * (the day's cases joined to their audit rows), not one per case.
     */
    public Map<String, List<AuditEntry>> historiesOfDay(String office, LocalDate date) {
        Map<String, List<AuditEntry>> byCase = new HashMap<>();
        ctx.select(AUDIT_LOG.fields()).from(AUDIT_LOG).join(CASE_FILE).on(CASE_FILE.CASE_REF.eq(AUDIT_LOG.CASE_REF))
                .where(CASE_FILE.OFFICE.eq(office).and(CASE_FILE.CASE_DATE.eq(date)).and(AUDIT_LOG.ACTION.in(CASE_ACTIONS)))
                .orderBy(AUDIT_LOG.CASE_REF, AUDIT_LOG.ID)
                .fetchInto(AUDIT_LOG)
                .forEach(r -> byCase.computeIfAbsent(r.getCaseRef(), k -> new ArrayList<>()).add(toEntry(r)));
        return byCase;
    }

    private static AuditEntry toEntry(AuditLogRecord r) {
        return new AuditEntry(r.getCaseRef(), CaseAction.valueOf(r.getAction()),
                r.getFromStatus() == null ? null : CaseStatus.valueOf(r.getFromStatus()),
                r.getToStatus() == null ? null : CaseStatus.valueOf(r.getToStatus()),
                r.getAt(), r.getOfficer(), r.getCounterNo(), r.getDetails());
    }
}
