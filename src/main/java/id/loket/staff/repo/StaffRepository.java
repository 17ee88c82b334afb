package id.loket.staff.repo;

import static id.loket.db.jooq.Tables.STAFF;

import id.loket.staff.model.Role;
import id.loket.staff.model.Staff;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.DSLContext;

/** Staff accounts; only hashes of passwords are ever stored. */
public final class StaffRepository {

    /** An account with the hash to check a password against. */
    public record Account(Staff staff, String passwordHash, boolean active) {
    }

    private final DSLContext ctx;

    public StaffRepository(DSLContext ctx) {
        this.ctx = ctx;
    }

    public Optional<Account> find(String username) {
        return ctx.selectFrom(STAFF).where(STAFF.USERNAME.eq(username)).fetchOptional(r -> new Account(
                new Staff(r.getUsername(), r.getFullName(), Role.valueOf(r.getRole())), r.getPasswordHash(), r.getActive()));
    }

    public boolean exists(String username) {
        return ctx.fetchExists(STAFF, STAFF.USERNAME.eq(username));
    }

    public int count() {
        return ctx.fetchCount(STAFF);
    }

    public void insert(Staff staff, String passwordHash, OffsetDateTime now) {
        ctx.insertInto(STAFF)
                .set(STAFF.USERNAME, staff.username())
                .set(STAFF.FULL_NAME, staff.fullName())
                .set(STAFF.ROLE, staff.role().name())
                .set(STAFF.PASSWORD_HASH, passwordHash)
                .set(STAFF.ACTIVE, true)
                .set(STAFF.CREATED_AT, now)
                .execute();
    }

    public void updatePasswordHash(String username, String passwordHash) {
        ctx.update(STAFF).set(STAFF.PASSWORD_HASH, passwordHash).where(STAFF.USERNAME.eq(username)).execute();
    }
}
