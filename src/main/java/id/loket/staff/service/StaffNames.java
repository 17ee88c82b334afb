package id.loket.staff.service;

import id.loket.staff.model.Unguarded;
import id.loket.staff.repo.StaffRepository;
import org.jooq.DSLContext;

/**
 * Officers' full names as the staff accounts hold them, for other features that print or show
 * who did something (the printed papers). Other features use this, never the repository
 * (ArchitectureTest).
 */
public final class StaffNames {

    private final StaffRepository repo;

    /** The names inside the caller's transaction (or plain connection) {@code tx}. */
    public StaffNames(DSLContext tx) {
        this.repo = new StaffRepository(tx);
    }

    /** The full name of {@code username}; the username itself where there is no such account or it has no name. */
    @Unguarded("plumbing for a service that checked the session; a name is no personal data of an applicant")
    public String fullName(String username) {
        if (username == null) {
            return null;
        }
        return repo.find(username).map(a -> a.staff().fullName()).filter(n -> !n.isBlank()).orElse(username);
    }
}
