package id.loket.receipt.service;

import id.loket.receipt.model.Receipt;
import id.loket.receipt.repo.ReceiptRepository;
import id.loket.staff.model.Unguarded;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * The receipts as other features (pickup, the printed papers) may read and update them: inside
 * the caller's transaction, after the caller checked the session. Other features use this, never
 * the repository (ArchitectureTest).
 */
public final class Receipts {

    private final ReceiptRepository repo;

    /** The receipts inside the caller's transaction {@code tx}. */
    public Receipts(DSLContext tx) {
        this.repo = new ReceiptRepository(tx);
    }

    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public Optional<Receipt> byCase(String caseRef) {
        return repo.byCase(caseRef);
    }

    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public Optional<Receipt> byNumber(String receiptNumber) {
        return repo.byNumber(receiptNumber);
    }

    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public List<Receipt> pickupBy(LocalDate date) {
        return repo.pickupBy(date);
    }

    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public List<Receipt> byCaseStatus(String office, String status) {
        return repo.byCaseStatus(office, status);
    }

    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public void update(Receipt r) {
        repo.update(r);
    }
}
