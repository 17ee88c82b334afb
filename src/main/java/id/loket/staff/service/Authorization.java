package id.loket.staff.service;

import id.loket.staff.model.Unguarded;
import static id.loket.db.jooq.Tables.SETTING;
import static id.loket.db.jooq.Tables.STAFF;
import static id.loket.db.jooq.Tables.STAFF_SESSION;

import id.loket.common.model.AccessRefused;
import id.loket.common.model.UserFacingException;
import id.loket.db.Database;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Role;
import id.loket.staff.model.Session;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one policy every service asks before it changes data or returns personal data. It never
 * trusts the session it is handed: it looks the session up by its id, re-reads the account
 * (active, role) and checks {@link Permission}'s table. A forged or ended session, a deactivated
 * account and a role without the permission are refused in words.
 */
public final class Authorization {

    /** The setting that marks a training folder (made by {@code demo} or {@code simulate}). */
    public static final String TRAINING_SETTING = "folder.training";

    private static final Logger LOG = LoggerFactory.getLogger(Authorization.class);

    private final Database db;

    public Authorization(Database db) {
        this.db = db;
    }

    /** Checks {@code session} may do {@code permission} now; answers who it is. */
    @Unguarded("it is the check every guarded method makes")
    public Officer require(Session session, Permission permission) {
        return require(db.dsl(), session, permission);
    }

    /** The same inside a transaction, so the check and the change see the same account. */
    @Unguarded("it is the check every guarded method makes")
    public Officer require(DSLContext tx, Session session, Permission permission) {
        if (session == null || session.id() == null) {
            throw new AccessRefused("auth.noSession");
        }
        // the session and its account in one read
        Record s = tx.select(STAFF_SESSION.KIND, STAFF_SESSION.USERNAME, STAFF_SESSION.ROLE, STAFF_SESSION.ENDED_AT,
                        STAFF.FULL_NAME, STAFF.ROLE, STAFF.ACTIVE)
                .from(STAFF_SESSION).leftJoin(STAFF).on(STAFF.USERNAME.eq(STAFF_SESSION.USERNAME))
                .where(STAFF_SESSION.ID.eq(session.id())).fetchOne();
        if (s == null || s.get(STAFF_SESSION.ENDED_AT) != null || !s.get(STAFF_SESSION.USERNAME).equals(session.username())
                || !s.get(STAFF_SESSION.KIND).equals(session.kind().name())) {
            LOG.warn("Refused a session the database does not know (or that has ended) for {}", permission);
            throw new AccessRefused("auth.sessionUnknown");
        }
        Session.Kind kind = Session.Kind.valueOf(s.get(STAFF_SESSION.KIND));
        String username = s.get(STAFF_SESSION.USERNAME);
        switch (kind) {
            case SYSTEM -> {
                if (!permission.system()) {
                    throw forbidden(permission);
                }
                return new Officer(username, username, null, session.counter());
            }
            case SETUP -> {
                if (tx.fetchCount(STAFF) > 0) {
                    throw new AccessRefused("auth.setupOver");
                }
                if (permission.system()) {
                    throw forbidden(permission);
                }
                return new Officer(username, username, Role.ADMIN, session.counter());
            }
            case TRAINING -> {
                boolean training = tx.fetchExists(SETTING, SETTING.SETTING_KEY.eq(TRAINING_SETTING).and(SETTING.SETTING_VALUE.eq("true")));
                Role role = Role.valueOf(s.get(STAFF_SESSION.ROLE));
                if (!training) {
                    throw new AccessRefused("auth.notTraining");
                }
                if (!permission.roles().contains(role)) {
                    throw forbidden(permission);
                }
                return new Officer(username, username, role, session.counter());
            }
            default -> {
                if (!Boolean.TRUE.equals(s.get(STAFF.ACTIVE))) {
                    throw new AccessRefused("auth.inactive", username);
                }
                Role role = Role.valueOf(s.get(STAFF.ROLE));
                if (!permission.roles().contains(role)) {
                    LOG.info("Refused {} to {} ({})", permission, username, role);
                    throw forbidden(permission);
                }
                return new Officer(username, s.get(STAFF.FULL_NAME), role, session.counter());
            }
        }
    }

    private static UserFacingException forbidden(Permission permission) {
        return new AccessRefused("auth.forbidden", permission);
    }
}
