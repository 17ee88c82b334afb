package id.loket.sync.service;

import org.jooq.DSLContext;
import id.loket.staff.model.Unguarded;
import id.loket.audit.AuditTrail;
import id.loket.audit.model.OfficeAction;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.CaseAction;
import id.loket.casefile.service.Outbox;
import id.loket.staff.service.Authorization;
import id.loket.staff.service.Officer;
import id.loket.staff.model.Session;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Guarded;
import id.loket.common.model.UserFacingException;
import id.loket.db.Database;
import id.loket.staff.model.Role;
import id.loket.sync.model.Conflict;
import id.loket.sync.model.ConflictKind;
import id.loket.sync.model.Resolution;
import id.loket.sync.repo.ConflictRepository;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conflicts between the office and central, and how a supervisor settles them. Each decision
 * changes the held events and writes its audit line in one transaction.
 */
public final class ConflictService {

    /** Who a conflict found by the machine is recorded by. */
    public static final String SYSTEM = "loket-sync";

    private static final Logger LOG = LoggerFactory.getLogger(ConflictService.class);

    private final Database db;
    private final Clock clock;
    private final Authorization authorization;

    public ConflictService(Database db, Clock clock) {
        this.authorization = new Authorization(db);
        this.db = db;
        this.clock = clock;
    }

    /** Conflicts waiting for a supervisor, oldest first. */
    @Guarded(Permission.RESOLVE_CONFLICT)
    public List<Conflict> open(Session session) {
        authorization.require(session, Permission.RESOLVE_CONFLICT);
        return new ConflictRepository(db.dsl()).open();
    }

    /** Conflicts put aside for a manual follow-up: their events stay held until settled otherwise. */
    @Guarded(Permission.RESOLVE_CONFLICT)
    public List<Conflict> followUps(Session session) {
        authorization.require(session, Permission.RESOLVE_CONFLICT);
        return new ConflictRepository(db.dsl()).followUps();
    }

    @Guarded(Permission.RESOLVE_CONFLICT)
    public List<Conflict> forCase(Session session, String caseRef) {
        authorization.require(session, Permission.RESOLVE_CONFLICT);
        return new ConflictRepository(db.dsl()).forCase(caseRef);
    }

    @Guarded(Permission.RESOLVE_CONFLICT)
    public Conflict get(Session session, long id) {
        authorization.require(session, Permission.RESOLVE_CONFLICT);
        return new ConflictRepository(db.dsl()).find(id).orElseThrow(() -> new UserFacingException("conflict.unknown", id));
    }

    /** How many events the conflict keeps from central now. */
    @Guarded(Permission.RESOLVE_CONFLICT)
    public int heldEvents(Session session, long id) {
        authorization.require(session, Permission.RESOLVE_CONFLICT);
        return new Outbox(db.dsl()).countHeldBy(id);
    }

    @Guarded(Permission.RESOLVE_CONFLICT)
    public List<ConflictRepository.AuditLine> history(Session session, long id) {
        authorization.require(session, Permission.RESOLVE_CONFLICT);
        return new ConflictRepository(db.dsl()).history(id);
    }

    /**
     * Records a conflict found elsewhere (the pull: central cancelled or rescheduled an
     * appointment already served, a walk-in duplicating a booking, verified data changed).
     * Sides are JSON text. It holds no events: only a refused or invalid event does.
     */
    @Guarded(Permission.PULL)
    public Conflict record(Session session, ConflictKind kind, String caseRef, String appointmentId, String eventId, String officeSide,
            String centralSide, String reason) {
        authorization.require(session, Permission.PULL);
        OffsetDateTime now = now();
        return db.inTransaction(tx -> {
            ConflictRepository repo = new ConflictRepository(tx);
            Conflict c = repo.insert(kind, caseRef, appointmentId, eventId, officeSide, centralSide, reason, now);
            repo.audit(new ConflictRepository.AuditLine(c.id(), caseRef, "RECORDED", now, SYSTEM, null, kind + ": " + reason));
            LOG.warn("Conflict {} on case {}: {} ({})", c.id(), caseRef, kind, reason);
            return c;
        });
    }

    /**
     * A supervisor settles a conflict (an open one, or one put aside for follow-up):
     * KEEP_OFFICE sends its held events again (a failed event stays failed but no longer keeps
     * its case back); ACCEPT_CENTRAL supersedes them, never sent, and central's side is written
     * in the audit line; MANUAL_FOLLOW_UP leaves them held.
     */
    @Guarded(Permission.RESOLVE_CONFLICT)
    public Conflict resolve(long id, Session session, Resolution r, String note) {
        Officer actor = authorization.require(session, Permission.RESOLVE_CONFLICT);
        if (r == null) {
            throw new UserFacingException("conflict.resolutionMissing");
        }
        OffsetDateTime now = now();
        return db.inTransaction(tx -> {
            ConflictRepository conflicts = new ConflictRepository(tx);
            Conflict c = conflicts.lock(id).orElseThrow(() -> new UserFacingException("conflict.unknown", id));
            if (!c.unsettled()) {
                throw new UserFacingException("conflict.alreadyResolved", id, c.resolution(), c.resolvedBy());
            }
            Outbox outbox = new Outbox(tx);
            String details = switch (r) {
                case KEEP_OFFICE -> outbox.release(id) + " events to send again";
                case ACCEPT_CENTRAL -> outbox.supersede(id) + " events superseded; central: " + c.reason() + " " + c.centralSide();
                case MANUAL_FOLLOW_UP -> outbox.countHeldBy(id) + " events stay held for follow-up";
            };
            conflicts.resolve(id, r, actor.username(), now, note);
            conflicts.audit(new ConflictRepository.AuditLine(id, c.caseRef(), r.name(), now, actor.username(), actor.counter(),
                    details + (note == null || note.isBlank() ? "" : "; note: " + note)));
            String line = "conflict " + id + " " + c.kind() + ": " + r + "; " + details;
            line = line.length() > 3900 ? line.substring(0, 3900) + "…" : line;
            AuditTrail audit = new AuditTrail(tx);
            java.util.Optional<id.loket.casefile.model.CaseFile> onCase = c.caseRef() == null ? java.util.Optional.empty()
                    : new id.loket.casefile.service.Cases(tx).find(c.caseRef());
            if (onCase.isPresent()) {
                CaseStatus status = onCase.get().status();
                audit.appendCaseStep(c.caseRef(), CaseAction.CONFLICT_RESOLVED.name(), status.name(), status.name(), now, actor.username(), actor.counter(), line);
            } else {
                audit.appendOffice(OfficeAction.CONFLICT_RESOLVED, actor.username(), actor.counter(), line + " (case " + c.caseRef() + ")", now);
            }
            LOG.info("Conflict {} on case {} settled {} by {}", id, c.caseRef(), r, actor.username());
            return conflicts.find(id).orElseThrow();
        });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
    }
}
