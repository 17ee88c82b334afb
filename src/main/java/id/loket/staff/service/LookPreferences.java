package id.loket.staff.service;

import id.loket.db.Database;
import id.loket.staff.model.Look;
import id.loket.staff.repo.LookRepository;
import id.loket.staff.model.Guarded;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Session;

/**
 * The signed-in officer's own look of the desk (dark or light, text size): read at sign-in,
 * written when they change it in the View menu. Each officer reads and writes only their own row.
 */
public final class LookPreferences {

    private final Database db;
    private final Authorization authorization;

    public LookPreferences(Database db, Authorization authorization) {
        this.db = db;
        this.authorization = authorization;
    }

    /** The look {@code session}'s officer chose last, or the default. */
    @Guarded(Permission.DESK_PREFERENCE)
    public Look of(Session session) {
        Officer me = authorization.require(session, Permission.DESK_PREFERENCE);
        return new LookRepository(db.dsl()).find(me.username()).orElse(Look.DEFAULT);
    }

    /** Remembers {@code look} for {@code session}'s officer. */
    @Guarded(Permission.DESK_PREFERENCE)
    public void save(Session session, Look look) {
        db.inTransactionRun(tx -> {
            Officer me = authorization.require(tx, session, Permission.DESK_PREFERENCE);
            new LookRepository(tx).save(me.username(), look);
        });
    }
}
