package id.loket.sync.repo;

import static id.loket.db.jooq.Tables.PUSH_STATUS;

import id.loket.casefile.model.OutboxSummary;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The last push of each office ({@code push_status}). The outbox itself belongs to the case
 * file (casefile.service.Outbox). Bound to one {@link DSLContext} (a transaction's, when in one).
 */
public final class PushRepository {

    private final DSLContext ctx;

    public PushRepository(DSLContext ctx) {
        this.ctx = ctx;
    }

    /** The outbox's {@code backlog} with the office's last push and the open conflicts. */
    public OutboxSummary summary(OutboxSummary backlog, String office) {
        var last = ctx.selectFrom(PUSH_STATUS).where(PUSH_STATUS.OFFICE.eq(office)).fetchOptional();
        return backlog.withPush(last.map(r -> r.getLastPushAt()), last.map(r -> r.getLastProblem()),
                last.map(r -> r.getLastSuccessAt()), new ConflictRepository(ctx).countOpen());
    }

    /** Overwrites the office's last push: when, and what stopped it (null when nothing did). */
    public void recordPush(String office, OffsetDateTime at, int sent, String problem) {
        String p = id.loket.db.Columns.cut(problem, 1000);
        int updated = ctx.update(PUSH_STATUS)
                .set(PUSH_STATUS.LAST_PUSH_AT, at)
                .set(PUSH_STATUS.LAST_SENT, sent)
                .set(PUSH_STATUS.LAST_PROBLEM, p)
                .set(PUSH_STATUS.LAST_SUCCESS_AT, problem == null ? DSL.val(at) : PUSH_STATUS.LAST_SUCCESS_AT)
                .where(PUSH_STATUS.OFFICE.eq(office))
                .execute();
        if (updated == 0) {
            ctx.insertInto(PUSH_STATUS)
                    .set(PUSH_STATUS.OFFICE, office)
                    .set(PUSH_STATUS.LAST_PUSH_AT, at)
                    .set(PUSH_STATUS.LAST_SENT, sent)
                    .set(PUSH_STATUS.LAST_PROBLEM, p)
                    .set(PUSH_STATUS.LAST_SUCCESS_AT, problem == null ? at : null)
                    .execute();
        }
    }
}
