package id.loket.sync.repo;

import id.loket.db.Columns;
import static id.loket.db.jooq.Tables.SYNC_CONFLICT;
import static id.loket.db.jooq.Tables.SYNC_CONFLICT_AUDIT;

import id.loket.db.jooq.tables.records.SyncConflictRecord;
import id.loket.sync.model.Conflict;
import id.loket.sync.model.ConflictKind;
import id.loket.sync.model.ConflictState;
import id.loket.sync.model.Resolution;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Conflicts with central and the audit of every decision on them. Bound to one
 * {@link DSLContext}: a detector records a conflict in the transaction that found it.
 */
public final class ConflictRepository {

    /** One line of a conflict's history. */
    public record AuditLine(long conflictId, String caseRef, String action, OffsetDateTime at, String officer,
            String counter, String details) {
    }

    private final DSLContext ctx;

    public ConflictRepository(DSLContext ctx) {
        this.ctx = ctx;
    }

    /** Stores a new OPEN conflict and answers it with its id. */
    public Conflict insert(ConflictKind kind, String caseRef, String appointmentId, String eventId, String officeSide,
            String centralSide, String reason, OffsetDateTime detectedAt) {
        long id = ctx.insertInto(SYNC_CONFLICT)
                .set(SYNC_CONFLICT.KIND, kind.name())
                .set(SYNC_CONFLICT.CASE_REF, caseRef)
                .set(SYNC_CONFLICT.APPOINTMENT_ID, appointmentId)
                .set(SYNC_CONFLICT.EVENT_ID, eventId)
                .set(SYNC_CONFLICT.OFFICE_SIDE, officeSide)
                .set(SYNC_CONFLICT.CENTRAL_SIDE, centralSide)
                .set(SYNC_CONFLICT.REASON, Columns.cut(reason, 200))
                .set(SYNC_CONFLICT.DETECTED_AT, detectedAt)
                .set(SYNC_CONFLICT.STATE, ConflictState.OPEN.name())
                .returningResult(SYNC_CONFLICT.ID)
                .fetchOne(0, Long.class);
        return find(id).orElseThrow();
    }

    public Optional<Conflict> find(long id) {
        return ctx.selectFrom(SYNC_CONFLICT).where(SYNC_CONFLICT.ID.eq(id)).fetchOptional(ConflictRepository::toConflict);
    }

    /** The conflict, its row locked until the transaction ends: two supervisors never settle it twice. */
    public Optional<Conflict> lock(long id) {
        return ctx.selectFrom(SYNC_CONFLICT).where(SYNC_CONFLICT.ID.eq(id)).forUpdate().fetchOptional(ConflictRepository::toConflict);
    }

    /**
     * How many conflicts wait for a supervisor: the one count the status bar, the conflicts list
     * and the dashboard show (the list shows exactly these rows, {@link #open()}).
     */
    public int countOpen() {
        return ctx.fetchCount(SYNC_CONFLICT, SYNC_CONFLICT.STATE.eq(ConflictState.OPEN.name()));
    }

    public List<Conflict> open() {
        return ctx.selectFrom(SYNC_CONFLICT).where(SYNC_CONFLICT.STATE.eq(ConflictState.OPEN.name()))
                .orderBy(SYNC_CONFLICT.ID).fetch(ConflictRepository::toConflict);
    }

    public List<Conflict> followUps() {
        return ctx.selectFrom(SYNC_CONFLICT).where(SYNC_CONFLICT.RESOLUTION.eq(Resolution.MANUAL_FOLLOW_UP.name()))
                .orderBy(SYNC_CONFLICT.ID).fetch(ConflictRepository::toConflict);
    }

    public List<Conflict> forCase(String caseRef) {
        return ctx.selectFrom(SYNC_CONFLICT).where(SYNC_CONFLICT.CASE_REF.eq(caseRef))
                .orderBy(SYNC_CONFLICT.ID).fetch(ConflictRepository::toConflict);
    }

    public void resolve(long id, Resolution r, String by, OffsetDateTime at, String note) {
        ctx.update(SYNC_CONFLICT)
                .set(SYNC_CONFLICT.STATE, ConflictState.RESOLVED.name())
                .set(SYNC_CONFLICT.RESOLUTION, r.name())
                .set(SYNC_CONFLICT.RESOLVED_BY, by)
                .set(SYNC_CONFLICT.RESOLVED_AT, at)
                .set(SYNC_CONFLICT.NOTE, Columns.cut(note, 2000))
                .where(SYNC_CONFLICT.ID.eq(id))
                .execute();
    }

    public void audit(AuditLine line) {
        ctx.insertInto(SYNC_CONFLICT_AUDIT)
                .set(SYNC_CONFLICT_AUDIT.CONFLICT_ID, line.conflictId())
                .set(SYNC_CONFLICT_AUDIT.CASE_REF, line.caseRef())
                .set(SYNC_CONFLICT_AUDIT.ACTION, line.action())
                .set(SYNC_CONFLICT_AUDIT.AT, line.at())
                .set(SYNC_CONFLICT_AUDIT.OFFICER, line.officer())
                .set(SYNC_CONFLICT_AUDIT.COUNTER_NO, line.counter())
                .set(SYNC_CONFLICT_AUDIT.DETAILS, Columns.cut(line.details(), 4000))
                .execute();
    }

    public List<AuditLine> history(long conflictId) {
        return ctx.selectFrom(SYNC_CONFLICT_AUDIT).where(SYNC_CONFLICT_AUDIT.CONFLICT_ID.eq(conflictId))
                .orderBy(SYNC_CONFLICT_AUDIT.ID)
                .fetch(r -> new AuditLine(r.getConflictId(), r.getCaseRef(), r.getAction(), r.getAt(), r.getOfficer(),
                        r.getCounterNo(), r.getDetails()));
    }

    private static Conflict toConflict(SyncConflictRecord r) {
        return new Conflict(r.getId(), ConflictKind.valueOf(r.getKind()), r.getCaseRef(), r.getAppointmentId(), r.getEventId(),
                r.getOfficeSide(), r.getCentralSide(), r.getReason(), r.getDetectedAt(), ConflictState.valueOf(r.getState()),
                r.getResolution() == null ? null : Resolution.valueOf(r.getResolution()), r.getResolvedBy(), r.getResolvedAt(),
                r.getNote());
    }
}
