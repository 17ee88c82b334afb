package id.loket.casefile.service;

import id.loket.casefile.model.AuditEntry;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.EventType;
import id.loket.casefile.model.OutboxEvent;
import id.loket.casefile.repo.AuditRepository;
import id.loket.casefile.repo.CaseRepository;
import id.loket.casefile.repo.DaySequenceRepository;
import id.loket.casefile.repo.OutboxRepository;
import id.loket.staff.model.Unguarded;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The cases as other features may read and change them: inside the caller's transaction, after
 * the caller checked the session. Other features use this (or {@link CaseWork} for a step on a
 * case), never the case repositories (ArchitectureTest).
 */
public final class Cases {

    private final DSLContext tx;
    private final CaseRepository cases;

    /** The cases inside the caller's transaction {@code tx}. */
    public Cases(DSLContext tx) {
        this.tx = tx;
        this.cases = new CaseRepository(tx);
    }

    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public Optional<CaseFile> find(String caseRef) {
        return cases.find(caseRef);
    }

    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public Optional<CaseFile> findByAppointment(String appointmentId) {
        return cases.findByAppointment(appointmentId);
    }

    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public List<CaseFile> findDay(String office, LocalDate date) {
        return cases.findDay(office, date);
    }

    /** The cases {@code caseRefs} that are of the day at {@code office}, in queue order. */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public List<CaseFile> findOfDay(String office, LocalDate date, java.util.Collection<String> caseRefs) {
        return cases.findOfDay(office, date, caseRefs);
    }

    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public List<CaseFile> findByNik(String office, LocalDate date, String nik) {
        return cases.findByNik(office, date, nik);
    }

    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public List<CaseFile> waitingHeads(String office, LocalDate date) {
        return cases.waitingHeads(office, date);
    }

    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public Optional<CaseFile> findIfWaitingAndFree(String caseRef) {
        return cases.findIfWaitingAndFree(caseRef);
    }

    /** Takes a waiting case for a counter if its row is still at {@code rowVersion}; false when another counter was first. */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public boolean claim(String caseRef, int rowVersion, String counter, String officer, OffsetDateTime now) {
        return cases.claim(caseRef, rowVersion, counter, officer, now);
    }

    /** Frees a case held at a counter if its row is still at {@code rowVersion}. */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public boolean release(String caseRef, int rowVersion, OffsetDateTime now) {
        return cases.release(caseRef, rowVersion, now);
    }

    /** The case's steps, oldest first. */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public List<AuditEntry> history(String caseRef) {
        return new AuditRepository(tx).history(caseRef);
    }

    /** The case's events in the outbox, oldest first. */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public List<OutboxEvent> events(String caseRef) {
        return new OutboxRepository(tx).forCase(caseRef);
    }

    /** The next number of a day's series (queue numbers, receipt numbers) at {@code office}. */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public int nextInSeries(String office, LocalDate date, String series) {
        return new DaySequenceRepository(tx).next(office, date, series);
    }

    /** Holds the case's pending {@code type} event back from central until {@code notBefore} (the undo window). */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public int holdBack(String caseRef, EventType type, OffsetDateTime notBefore) {
        return new OutboxRepository(tx).holdBack(caseRef, type, notBefore);
    }

    /** Withdraws the case's {@code type} event still held back at {@code now}; 0 when it is no longer held (too late to undo). */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public int withdrawHeldBack(String caseRef, EventType type, OffsetDateTime now) {
        return new OutboxRepository(tx).withdrawHeldBack(caseRef, type, now);
    }

    /** Deletes a case nobody touched since its check-in if its row is still at {@code rowVersion}; false otherwise. */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public boolean deleteUntouchedCheckIn(String caseRef, int rowVersion) {
        return cases.deleteUntouchedCheckIn(caseRef, rowVersion);
    }

    /** Appends a step of the case to its audited history. */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public void record(AuditEntry step) {
        new AuditRepository(tx).append(step);
    }
}
