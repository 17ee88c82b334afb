package id.loket.display.service;

import id.loket.display.repo.QueueCallRepository;
import id.loket.casefile.model.QueueNumber;
import id.loket.staff.model.Unguarded;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;

/**
 * Recording a queue call for the waiting-room display, inside the transaction of the CALL step
 * (or a recall) of the counter that called. Other features use this, never the repository.
 */
public final class QueueCalls {

    private final QueueCallRepository repo;

    public QueueCalls(DSLContext tx) {
        this.repo = new QueueCallRepository(tx);
    }

    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public void add(String office, LocalDate date, QueueNumber number, String counter, OffsetDateTime at, boolean recalled, String caseRef) {
        repo.add(office, date, number, counter, at, recalled, caseRef);
    }
}
