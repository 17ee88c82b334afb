package id.loket.casefile.service;

import id.loket.staff.service.Authorization;
import id.loket.staff.model.Session;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Guarded;
import id.loket.casefile.model.AuditEntry;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.OutboxEvent;
import id.loket.casefile.repo.AuditRepository;
import id.loket.casefile.repo.CaseRepository;
import id.loket.casefile.repo.OutboxRepository;
import id.loket.db.Database;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Reading cases, their history and their events: for the screen, the exports and the tests. */
public final class CaseQueries {

    private final Database db;
    private final Authorization authorization;

    public CaseQueries(Database db) {
        this.authorization = new Authorization(db);
        this.db = db;
    }

    @Guarded(Permission.VIEW_QUEUE)
    public Optional<CaseFile> find(Session session, String caseRef) {
        authorization.require(session, Permission.VIEW_QUEUE);
        return new CaseRepository(db.dsl()).find(caseRef);
    }

    @Guarded(Permission.VIEW_QUEUE)
    public Optional<CaseFile> findByAppointment(Session session, String appointmentId) {
        authorization.require(session, Permission.VIEW_QUEUE);
        return new CaseRepository(db.dsl()).findByAppointment(appointmentId);
    }

    @Guarded(Permission.VIEW_QUEUE)
    public List<CaseFile> day(Session session, String office, LocalDate date) {
        authorization.require(session, Permission.VIEW_QUEUE);
        return new CaseRepository(db.dsl()).findDay(office, date);
    }

    @Guarded(Permission.VIEW_QUEUE)
    public List<AuditEntry> history(Session session, String caseRef) {
        authorization.require(session, Permission.VIEW_QUEUE);
        return new AuditRepository(db.dsl()).history(caseRef);
    }

    @Guarded(Permission.VIEW_QUEUE)
    public List<OutboxEvent> events(Session session, String caseRef) {
        authorization.require(session, Permission.VIEW_QUEUE);
        return new OutboxRepository(db.dsl()).forCase(caseRef);
    }

    @Guarded(Permission.VIEW_OUTBOX)
    public List<OutboxEvent> allEvents(Session session) {
        authorization.require(session, Permission.VIEW_OUTBOX);
        return new OutboxRepository(db.dsl()).all();
    }
}
