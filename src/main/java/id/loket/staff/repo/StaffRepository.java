package id.loket.staff.repo;

import static id.loket.db.jooq.Tables.STAFF;

import id.loket.staff.model.Role;
import id.loket.staff.model.Staff;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Staff accounts; only hashes of passwords are ever stored. */
public final class StaffRepository {

    /** An account with the hash to check a password against, and its lockout. */
    public record Account(Staff staff, String passwordHash, boolean active, int failedLogins, OffsetDateTime lockedUntil) {
    }

    private final DSLContext ctx;

    public StaffRepository(DSLContext ctx) {
        this.ctx = ctx;
    }

    public Optional<Account> find(String username) {
        return ctx.selectFrom(STAFF).where(STAFF.USERNAME.eq(username)).fetchOptional(StaffRepository::account);
    }

    public List<Account> all() {
        return ctx.selectFrom(STAFF).orderBy(STAFF.USERNAME).fetch(StaffRepository::account);
    }

    private static Account account(id.loket.db.jooq.tables.records.StaffRecord r) {
        return new Account(new Staff(r.getUsername(), r.getFullName(), Role.valueOf(r.getRole())), r.getPasswordHash(), r.getActive(),
                r.getFailedLogins(), r.getLockedUntil());
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

    /** Counts one more wrong password; answers how many in a row now. */
    public int loginFailed(String username) {
        Record r = ctx.update(STAFF).set(STAFF.FAILED_LOGINS, STAFF.FAILED_LOGINS.plus(1)).where(STAFF.USERNAME.eq(username))
                .returningResult(STAFF.FAILED_LOGINS).fetchOne();
        return r == null ? 0 : r.get(STAFF.FAILED_LOGINS);
    }

    /** Locks the account until {@code until}, starting the count of wrong passwords again. */
    public void lock(String username, OffsetDateTime until) {
        ctx.update(STAFF).set(STAFF.LOCKED_UNTIL, until).set(STAFF.FAILED_LOGINS, 0).where(STAFF.USERNAME.eq(username)).execute();
    }

    /** A right password (or an admin's unlock): no count, no lock. */
    public void loginSucceeded(String username) {
        ctx.update(STAFF).set(STAFF.FAILED_LOGINS, 0).setNull(STAFF.LOCKED_UNTIL).where(STAFF.USERNAME.eq(username)).execute();
    }

    public void setRole(String username, Role role) {
        ctx.update(STAFF).set(STAFF.ROLE, role.name()).where(STAFF.USERNAME.eq(username)).execute();
    }

    public void setActive(String username, boolean active) {
        ctx.update(STAFF).set(STAFF.ACTIVE, active).where(STAFF.USERNAME.eq(username)).execute();
    }
}
