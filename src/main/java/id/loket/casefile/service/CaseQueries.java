package id.loket.casefile.service;

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

    public CaseQueries(Database db) {
        this.db = db;
    }

    public Optional<CaseFile> find(String caseRef) {
        return new CaseRepository(db.dsl()).find(caseRef);
    }

    public Optional<CaseFile> findByAppointment(String appointmentId) {
        return new CaseRepository(db.dsl()).findByAppointment(appointmentId);
    }

    public List<CaseFile> day(String office, LocalDate date) {
        return new CaseRepository(db.dsl()).findDay(office, date);
    }

    public List<AuditEntry> history(String caseRef) {
        return new AuditRepository(db.dsl()).history(caseRef);
    }

    public List<OutboxEvent> events(String caseRef) {
        return new OutboxRepository(db.dsl()).forCase(caseRef);
    }

    public List<OutboxEvent> allEvents() {
        return new OutboxRepository(db.dsl()).all();
    }
}
