package id.loket.staff.repo;

import static id.loket.db.jooq.Tables.STAFF_LOOK;

import id.loket.staff.model.Look;
import java.util.Optional;
import org.jooq.DSLContext;

/** Each officer's look of the desk (table {@code staff_look}, one row per officer who chose one). */
public final class LookRepository {

    private final DSLContext ctx;

    public LookRepository(DSLContext ctx) {
        this.ctx = ctx;
    }

    public Optional<Look> find(String username) {
        return ctx.select(STAFF_LOOK.DARK, STAFF_LOOK.TEXT_PERCENT).from(STAFF_LOOK).where(STAFF_LOOK.USERNAME.eq(username))
                .fetchOptional(r -> new Look(r.value1(), r.value2()));
    }

    public void save(String username, Look look) {
        int updated = ctx.update(STAFF_LOOK).set(STAFF_LOOK.DARK, look.dark()).set(STAFF_LOOK.TEXT_PERCENT, look.textPercent())
                .where(STAFF_LOOK.USERNAME.eq(username)).execute();
        if (updated == 0) {
            ctx.insertInto(STAFF_LOOK, STAFF_LOOK.USERNAME, STAFF_LOOK.DARK, STAFF_LOOK.TEXT_PERCENT)
                    .values(username, look.dark(), look.textPercent()).execute();
        }
    }
}
