package id.loket.casefile.repo;

import static id.loket.db.jooq.Tables.CASE_DOCUMENT;
import static id.loket.db.jooq.Tables.CASE_FILE;
import static id.loket.db.jooq.Tables.CASE_REJECTION_REASON;

import id.loket.appointment.model.PassportType;
import id.loket.appointment.model.ServiceType;
import id.loket.common.model.Sex;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.DocumentCheck;
import id.loket.casefile.model.DocumentResult;
import id.loket.casefile.model.DocumentType;
import id.loket.casefile.model.InterviewOutcome;
import id.loket.casefile.model.Person;
import id.loket.casefile.model.PriorityCategory;
import id.loket.casefile.model.QueueNumber;
import id.loket.casefile.model.QueueSeries;
import id.loket.casefile.model.RejectionReason;
import id.loket.casefile.model.Requirement;
import id.loket.db.jooq.tables.records.CaseDocumentRecord;
import id.loket.db.jooq.tables.records.CaseFileRecord;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Result;

/**
 * Cases in the local store, with their checklists and rejection reasons. Updates are
 * guarded by the row's version: a case changed meanwhile by another counter is not
 * overwritten (the caller is told, and reloads).
 */
public final class CaseRepository {

    private final DSLContext ctx;

    public CaseRepository(DSLContext ctx) {
        this.ctx = ctx;
    }

    /** Every write of a case's row names the case to the change feed, so that screens of the day read just it. */
    private void written(String caseRef) {
        id.loket.db.Database.caseWritten(ctx, caseRef);
    }

    public void insert(CaseFile c, OffsetDateTime now) {
        CaseFileRecord r = ctx.newRecord(CASE_FILE);
        fill(r, c);
        r.setRowVersion(1);
        r.setUpdatedAt(now);
        written(c.caseRef());
        r.insert();
        replaceDocuments(c.caseRef(), c.documents(), null, null);
    }

    /**
     * Writes the case's new state if nobody changed it since it was read ({@code c.rowVersion()});
     * answers false when somebody did.
     */
    public boolean update(CaseFile c, OffsetDateTime now) {
        CaseFileRecord r = ctx.newRecord(CASE_FILE);
        fill(r, c);
        r.setRowVersion(c.rowVersion() + 1);
        r.setUpdatedAt(now);
        r.changed(CASE_FILE.CASE_REF, false);
        written(c.caseRef());
        int n = ctx.update(CASE_FILE).set(r)
                .where(CASE_FILE.CASE_REF.eq(c.caseRef()).and(CASE_FILE.ROW_VERSION.eq(c.rowVersion())))
                .execute();
        if (n == 0) {
            return false;
        }
        ctx.deleteFrom(CASE_REJECTION_REASON).where(CASE_REJECTION_REASON.CASE_REF.eq(c.caseRef())).execute();
        for (RejectionReason reason : c.rejectionReasons()) {
            ctx.insertInto(CASE_REJECTION_REASON, CASE_REJECTION_REASON.CASE_REF, CASE_REJECTION_REASON.REASON)
                    .values(c.caseRef(), reason.name()).execute();
        }
        return true;
    }

    /**
     * Removes a case that was checked in by mistake and is still untouched: waiting, never
     * called, at version {@code rowVersion}. Answers false when it moved on meanwhile. Only
     * the check-in's undo calls this; the audit trail and the outbox keep their rows.
     */
    public boolean deleteUntouchedCheckIn(String caseRef, int rowVersion) {
        Condition untouched = CASE_FILE.CASE_REF.eq(caseRef).and(CASE_FILE.ROW_VERSION.eq(rowVersion))
                .and(CASE_FILE.STATUS.eq(CaseStatus.CHECKED_IN.name())).and(CASE_FILE.CALLED_AT.isNull()).and(CASE_FILE.COUNTER_NO.isNull());
        // lock the row first: a counter calling it now waits, then finds it gone
        if (ctx.selectFrom(CASE_FILE).where(untouched).forUpdate().fetchOptional().isEmpty()) {
            return false;
        }
        ctx.deleteFrom(CASE_DOCUMENT).where(CASE_DOCUMENT.CASE_REF.eq(caseRef)).execute();
        written(caseRef);
        return ctx.deleteFrom(CASE_FILE).where(untouched).execute() == 1;
    }

    /** Stores the checklist as given, stamping results that changed with who and when. */
    public void replaceDocuments(String caseRef, List<DocumentCheck> documents, String checkedBy, OffsetDateTime at) {
        Map<DocumentType, CaseDocumentRecord> before = new HashMap<>();
        for (CaseDocumentRecord r : ctx.selectFrom(CASE_DOCUMENT).where(CASE_DOCUMENT.CASE_REF.eq(caseRef)).fetch()) {
            before.put(DocumentType.valueOf(r.getDocType()), r);
        }
        ctx.deleteFrom(CASE_DOCUMENT).where(CASE_DOCUMENT.CASE_REF.eq(caseRef)).execute();
        int ordinal = 0;
        for (DocumentCheck d : documents) {
            CaseDocumentRecord old = before.get(d.type());
            boolean changed = old == null || !java.util.Objects.equals(old.getResult(), name(d.result()))
                    || !java.util.Objects.equals(old.getNote(), d.note());
            ctx.insertInto(CASE_DOCUMENT)
                    .set(CASE_DOCUMENT.CASE_REF, caseRef)
                    .set(CASE_DOCUMENT.DOC_TYPE, d.type().name())
                    .set(CASE_DOCUMENT.REQUIREMENT, d.requirement().name())
                    .set(CASE_DOCUMENT.ORDINAL, ordinal++)
                    .set(CASE_DOCUMENT.RESULT, name(d.result()))
                    .set(CASE_DOCUMENT.NOTE, d.note())
                    .set(CASE_DOCUMENT.CHECKED_BY, changed && d.result() != null ? checkedBy : old == null ? null : old.getCheckedBy())
                    .set(CASE_DOCUMENT.CHECKED_AT, changed && d.result() != null ? at : old == null ? null : old.getCheckedAt())
                    .execute();
        }
    }

    public Optional<CaseFile> find(String caseRef) {
        return load(CASE_FILE.CASE_REF.eq(caseRef)).stream().findFirst();
    }

    public Optional<CaseFile> findByAppointment(String appointmentId) {
        return load(CASE_FILE.APPOINTMENT_ID.eq(appointmentId)).stream().findFirst();
    }

    /** The cases of a day, in queue order (series, then number). */
    public List<CaseFile> findDay(String office, LocalDate date) {
        return load(CASE_FILE.OFFICE.eq(office).and(CASE_FILE.CASE_DATE.eq(date)));
    }

    /** The cases {@code caseRefs} that are of the day at {@code office}, in queue order. */
    public List<CaseFile> findOfDay(String office, LocalDate date, java.util.Collection<String> caseRefs) {
        return caseRefs.isEmpty() ? List.of()
                : load(CASE_FILE.OFFICE.eq(office).and(CASE_FILE.CASE_DATE.eq(date)).and(CASE_FILE.CASE_REF.in(caseRefs)));
    }

    /** Cases of the day by NIK (an applicant may have a walk-in case as well as a booking). */
    public List<CaseFile> findByNik(String office, LocalDate date, String nik) {
        return load(CASE_FILE.OFFICE.eq(office).and(CASE_FILE.CASE_DATE.eq(date)).and(CASE_FILE.NIK.eq(nik)));
    }

    /** Waiting cases (checked in, not yet called), the ones "call next" picks from. */
    public List<CaseFile> waiting(String office, LocalDate date) {
        return load(waitingOn(office, date));
    }

    /**
     * The waiting cases (checked in, not yet called) without their checklists and rejection
     * reasons: what "call next" puts in the office's order before it takes one. One query, so a
     * long queue stays cheap to read at every call.
     */
    public List<CaseFile> waitingHeads(String office, LocalDate date) {
        Result<CaseFileRecord> rows = ctx.selectFrom(CASE_FILE).where(waitingOn(office, date))
                .orderBy(CASE_FILE.QUEUE_SERIES, CASE_FILE.QUEUE_NUMBER).fetch();
        List<CaseFile> list = new ArrayList<>(rows.size());
        for (CaseFileRecord r : rows) {
            list.add(toCase(r, List.of(), Set.of()));
        }
        return list;
    }

    private static Condition waitingOn(String office, LocalDate date) {
        return CASE_FILE.OFFICE.eq(office).and(CASE_FILE.CASE_DATE.eq(date))
                .and(CASE_FILE.STATUS.eq(CaseStatus.CHECKED_IN.name())).and(CASE_FILE.COUNTER_NO.isNull());
    }

    /**
     * The case as it is now, its row locked until the caller's transaction ends: another step on
     * the same case waits for this one and then sees its outcome.
     */
    public Optional<CaseFile> findLocked(String caseRef) {
        boolean exists = ctx.select(CASE_FILE.CASE_REF).from(CASE_FILE).where(CASE_FILE.CASE_REF.eq(caseRef))
                .forUpdate().fetchOptional().isPresent();
        return exists ? find(caseRef) : Optional.empty();
    }

    /**
     * The case as it is now if it still waits and no other transaction holds its row at this
     * moment ({@code SELECT ... FOR UPDATE SKIP LOCKED}): a row another counter is claiming right
     * now is passed over at once instead of waited for. Empty when the case was taken, or is
     * being taken. The row stays locked until the caller's transaction ends.
     */
    public Optional<CaseFile> findIfWaitingAndFree(String caseRef) {
        String ref = ctx.select(CASE_FILE.CASE_REF).from(CASE_FILE)
                .where(CASE_FILE.CASE_REF.eq(caseRef)
                        .and(CASE_FILE.STATUS.eq(CaseStatus.CHECKED_IN.name()))
                        .and(CASE_FILE.COUNTER_NO.isNull()))
                .forUpdate().skipLocked()
                .fetchOne(CASE_FILE.CASE_REF);
        return ref == null ? Optional.empty() : find(ref);
    }

    /**
     * Lets go of a case held by a counter (its desk stopped): the counter and officer are cleared,
     * the state and what was done stay; the next step by any counter takes it. False if the case
     * changed meanwhile ({@code rowVersion}).
     */
    public boolean release(String caseRef, int rowVersion, OffsetDateTime now) {
        written(caseRef);
        return ctx.update(CASE_FILE)
                .set(CASE_FILE.COUNTER_NO, (String) null)
                .set(CASE_FILE.OFFICER, (String) null)
                .set(CASE_FILE.ROW_VERSION, rowVersion + 1)
                .set(CASE_FILE.UPDATED_AT, now)
                .where(CASE_FILE.CASE_REF.eq(caseRef).and(CASE_FILE.ROW_VERSION.eq(rowVersion)))
                .execute() == 1;
    }

    /**
     * Hands a waiting case to a counter: succeeds for exactly one caller, because it only
     * takes a case that is still waiting and unassigned when the row is written.
     */
    public boolean claim(String caseRef, int rowVersion, String counter, String officer, OffsetDateTime now) {
        written(caseRef);
        return ctx.update(CASE_FILE)
                .set(CASE_FILE.COUNTER_NO, counter)
                .set(CASE_FILE.OFFICER, officer)
                .set(CASE_FILE.CALLED_AT, now)
                .set(CASE_FILE.STATUS, CaseStatus.IN_VERIFICATION.name())
                .set(CASE_FILE.ROW_VERSION, rowVersion + 1)
                .set(CASE_FILE.UPDATED_AT, now)
                .where(CASE_FILE.CASE_REF.eq(caseRef)
                        .and(CASE_FILE.ROW_VERSION.eq(rowVersion))
                        .and(CASE_FILE.STATUS.eq(CaseStatus.CHECKED_IN.name()))
                        .and(CASE_FILE.COUNTER_NO.isNull()))
                .execute() == 1;
    }

    /** Central's id for a walk-in, kept on the case the first time central's answer brings it. */
    public void rememberCentralAppointment(String caseRef, String appointmentId) {
        written(caseRef);
        ctx.update(CASE_FILE)
                .set(CASE_FILE.CENTRAL_APPOINTMENT_ID, appointmentId)
                .where(CASE_FILE.CASE_REF.eq(caseRef)).and(CASE_FILE.WALK_IN.isTrue()).and(CASE_FILE.CENTRAL_APPOINTMENT_ID.isNull())
                .execute();
    }

    /** Central's id for the case's appointment, when central gave one (a walk-in's, once its registration went). */
    public Optional<String> centralAppointmentId(String caseRef) {
        return ctx.select(CASE_FILE.CENTRAL_APPOINTMENT_ID).from(CASE_FILE).where(CASE_FILE.CASE_REF.eq(caseRef))
                .fetchOptional(CASE_FILE.CENTRAL_APPOINTMENT_ID);
    }

    /**
     * The cases {@code where} selects, with their checklists and rejection reasons. Each of the
     * three tables is read once, by the same condition joined to the case (never by a list of the
     * cases' references, which the database would check row by row): the cost grows with the
     * number of cases, not with its square.
     */
    private List<CaseFile> load(Condition where) {
        Result<CaseFileRecord> rows = ctx.selectFrom(CASE_FILE).where(where)
                .orderBy(CASE_FILE.QUEUE_SERIES, CASE_FILE.QUEUE_NUMBER).fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<DocumentCheck>> docs = new HashMap<>();
        for (CaseDocumentRecord d : ctx.select(CASE_DOCUMENT.fields()).from(CASE_DOCUMENT)
                .join(CASE_FILE).on(CASE_FILE.CASE_REF.eq(CASE_DOCUMENT.CASE_REF)).where(where)
                .orderBy(CASE_DOCUMENT.CASE_REF, CASE_DOCUMENT.ORDINAL).fetchInto(CASE_DOCUMENT)) {
            docs.computeIfAbsent(d.getCaseRef(), k -> new ArrayList<>()).add(new DocumentCheck(DocumentType.valueOf(d.getDocType()),
                    Requirement.valueOf(d.getRequirement()), d.getResult() == null ? null : DocumentResult.valueOf(d.getResult()), d.getNote()));
        }
        Map<String, Set<RejectionReason>> reasons = new HashMap<>();
        ctx.select(CASE_REJECTION_REASON.CASE_REF, CASE_REJECTION_REASON.REASON).from(CASE_REJECTION_REASON)
                .join(CASE_FILE).on(CASE_FILE.CASE_REF.eq(CASE_REJECTION_REASON.CASE_REF)).where(where)
                .forEach(r -> reasons.computeIfAbsent(r.value1(), k -> EnumSet.noneOf(RejectionReason.class))
                        .add(RejectionReason.valueOf(r.value2())));
        List<CaseFile> list = new ArrayList<>(rows.size());
        for (CaseFileRecord r : rows) {
            list.add(toCase(r, docs.getOrDefault(r.getCaseRef(), List.of()), reasons.getOrDefault(r.getCaseRef(), Set.of())));
        }
        return list;
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static void fill(CaseFileRecord r, CaseFile c) {
        r.setCaseRef(c.caseRef());
        r.setOffice(c.office());
        r.setCaseDate(c.date());
        r.setAppointmentId(c.appointmentId());
        r.setWalkIn(c.walkIn());
        r.setQueueSeries(c.queueNumber().series().name());
        r.setQueueNumber(c.queueNumber().number());
        r.setStatus(c.status().name());
        r.setService(c.service().name());
        r.setPassportType(c.passportType().name());
        r.setValidityYears(c.validityYears());
        r.setSlotStart(c.slotStart());
        r.setPriority(name(c.priority()));
        r.setNik(c.applicant().nik());
        r.setFullName(c.applicant().fullName());
        r.setBirthDate(c.applicant().birthDate());
        r.setBirthPlace(c.applicant().birthPlace());
        r.setSex(c.applicant().sex().name());
        r.setMarried(c.applicant().married());
        r.setCounterNo(c.counter());
        r.setOfficer(c.officer());
        r.setCheckedInAt(c.checkedInAt());
        r.setCalledAt(c.calledAt());
        r.setFlagged(c.flagged());
        r.setFlagNote(c.flagNote());
        r.setHoldReturnBy(c.holdReturnBy());
        r.setRejectionNote(c.rejectionNote());
        r.setInterviewOutcome(name(c.interviewOutcome()));
        r.setInterviewNote(c.interviewNote());
        r.setInterviewedBy(c.interviewedBy());
        r.setInterviewedAt(c.interviewedAt());
        r.setApprovedBy(c.approvedBy());
        r.setApprovedAt(c.approvedAt());
        r.setPaymentNtpn(c.paymentNtpn());
        r.setPaymentNtpnConfirmed(c.paymentNtpnConfirmed());
    }

    private static CaseFile toCase(CaseFileRecord r, List<DocumentCheck> docs, Set<RejectionReason> reasons) {
        return new CaseFile(r.getCaseRef(), r.getOffice(), r.getCaseDate(), r.getAppointmentId(), r.getWalkIn(),
                new QueueNumber(QueueSeries.valueOf(r.getQueueSeries()), r.getQueueNumber()), CaseStatus.valueOf(r.getStatus()),
                ServiceType.valueOf(r.getService()), PassportType.valueOf(r.getPassportType()), r.getValidityYears(), r.getSlotStart(),
                r.getPriority() == null ? null : PriorityCategory.valueOf(r.getPriority()),
                new Person(r.getNik(), r.getFullName(), r.getBirthDate(), r.getBirthPlace(), Sex.valueOf(r.getSex()), r.getMarried()),
                r.getCounterNo(), r.getOfficer(), r.getCheckedInAt(), r.getCalledAt(), r.getFlagged(), r.getFlagNote(),
                r.getHoldReturnBy(), r.getRejectionNote(), reasons,
                r.getInterviewOutcome() == null ? null : InterviewOutcome.valueOf(r.getInterviewOutcome()), r.getInterviewNote(),
                r.getInterviewedBy(), r.getInterviewedAt(), r.getApprovedBy(), r.getApprovedAt(), r.getPaymentNtpn(),
                r.getPaymentNtpnConfirmed(), docs, r.getRowVersion());
    }
}
