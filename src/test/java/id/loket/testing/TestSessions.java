package id.loket.testing;

import static id.loket.db.jooq.Tables.STAFF;
import static id.loket.db.jooq.Tables.STAFF_SESSION;

import id.loket.db.Database;
import id.loket.staff.model.Role;
import id.loket.staff.model.Session;
import id.loket.staff.service.AuthService;
import id.loket.staff.service.Authorization;
import id.loket.staff.service.PasswordHasher;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;

/**
 * Staff sessions for tests, as a login would leave them: an account (password {@link #PASSWORD})
 * and a row in {@code staff_session}, registered in the test's database. The services check them
 * exactly as they check a session from {@code AuthService.login}.
 */
public final class TestSessions {

    /** The password of every account made here. */
    public static final String PASSWORD = "sandi-uji-loket-7";
    /** Argon2id of {@link #PASSWORD} (m=19 MiB, t=2, p=1), made once so tests do not hash. */
    private static final String HASH = "$argon2id$v=19$m=19456,t=2,p=1$nIBgb3DbOQGggkB0JEQGng$YzUSEaPLHGS63suZllQin4QQTB1EbuIusQkaImlinw8";
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private TestSessions() {
    }

    /** A staff session (not yet known to any database: {@link #register} it). */
    public static Session staff(String username, Role role, String counter) {
        return new Session("test-" + username + "-" + counter, Session.Kind.STAFF, username, fullName(username), role, T0, counter);
    }

    private static String fullName(String username) {
        return switch (username) {
            case "petugas1" -> "Ni Luh Putu Ayu Lestari";
            case "petugas2" -> "I Made Wirawan";
            case "supervisor" -> "Ketut Sudarsana";
            case "admin" -> "Siti Nurhaliza";
            default -> "Petugas " + username;
        };
    }

    /** Makes the accounts (if missing) and the sessions known to {@code db}. */
    public static void register(Database db, Session... sessions) {
        register(db.dsl(), sessions);
    }

    public static void register(DSLContext ctx, Session... sessions) {
        for (Session s : sessions) {
            if (!ctx.fetchExists(STAFF, STAFF.USERNAME.eq(s.username()))) {
                ctx.insertInto(STAFF).set(STAFF.USERNAME, s.username()).set(STAFF.FULL_NAME, s.fullName())
                        .set(STAFF.ROLE, s.role().name()).set(STAFF.PASSWORD_HASH, HASH).set(STAFF.ACTIVE, true)
                        .set(STAFF.CREATED_AT, T0).execute();
            }
            if (!ctx.fetchExists(STAFF_SESSION, STAFF_SESSION.ID.eq(s.id()))) {
                ctx.insertInto(STAFF_SESSION).set(STAFF_SESSION.ID, s.id()).set(STAFF_SESSION.KIND, s.kind().name())
                        .set(STAFF_SESSION.USERNAME, s.username()).set(STAFF_SESSION.ROLE, s.role() == null ? null : s.role().name())
                        .set(STAFF_SESSION.STARTED_AT, T0).execute();
            }
        }
    }

    /** A supervisor's session registered in {@code db}, for tests that read what the screens or commands would show. */
    public static Session reader(Database db) {
        Session s = staff("supervisor", Role.SUPERVISOR, "S");
        register(db, s);
        return s;
    }

    /** An account with {@link #PASSWORD}, to sign in with at the desk or on the command line. */
    public static void account(Database db, String username, String fullName, Role role) {
        db.dsl().insertInto(STAFF).set(STAFF.USERNAME, username).set(STAFF.FULL_NAME, fullName).set(STAFF.ROLE, role.name())
                .set(STAFF.PASSWORD_HASH, HASH).set(STAFF.ACTIVE, true).set(STAFF.CREATED_AT, T0).execute();
    }

    /** The system principal's session on {@code db}, as the composition root makes it. */
    public static Session system(Database db) {
        return new AuthService(db, new PasswordHasher(), new Authorization(db), Clock.systemUTC()).systemSession();
    }
}
