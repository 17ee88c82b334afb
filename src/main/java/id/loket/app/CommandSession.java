package id.loket.app;

import static id.loket.db.jooq.Tables.STAFF;
import static id.loket.db.jooq.Tables.STAFF_SESSION;

import id.loket.common.model.UserFacingException;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Role;
import id.loket.staff.model.Session;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HexFormat;

/**
 * TEMPORARY, to be deleted when the storage branch is merged with main's {@code SignIn}: the
 * session {@code backup} and {@code restore} act with. It knows only the bootstrap case of
 * issue 9 (a data folder without any account runs commands as its setup session, which is
 * what {@code AuthService.setupSession()} writes on main); a folder with accounts is refused.
 * On main each command's {@code CommandSession.of(app, P)} becomes
 * {@code signIn.session(app, P)} with {@code @Mixin SignIn signIn;}.
 */
final class CommandSession {

    private static final SecureRandom RANDOM = new SecureRandom();

    private CommandSession() {
    }

    static Session of(AppContext app, Permission needed) {
        return app.database().inTransaction(tx -> {
            if (tx.fetchCount(STAFF) > 0) {
                throw new UserFacingException("storage.signInPending", needed);
            }
            byte[] id = new byte[24];
            RANDOM.nextBytes(id);
            String token = HexFormat.of().formatHex(id);
            OffsetDateTime now = OffsetDateTime.now(app.clock());
            tx.insertInto(STAFF_SESSION).set(STAFF_SESSION.ID, token).set(STAFF_SESSION.KIND, Session.Kind.SETUP.name())
                    .set(STAFF_SESSION.USERNAME, "setup").set(STAFF_SESSION.ROLE, Role.ADMIN.name()).set(STAFF_SESSION.STARTED_AT, now).execute();
            return new Session(token, Session.Kind.SETUP, "setup", Role.ADMIN, now, null);
        });
    }
}
