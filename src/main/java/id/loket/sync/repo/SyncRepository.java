package id.loket.sync.repo;

import static id.loket.db.jooq.Tables.SYNC_CURSOR;
import static id.loket.db.jooq.Tables.SYNC_REJECTED_ITEM;
import static id.loket.db.jooq.Tables.SYNC_RUN;

import id.loket.sync.model.PullReport;
import id.loket.sync.model.RejectedItem;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** Cursors, set-aside items and pull runs. Bound to one {@link DSLContext} (a transaction's, when in one). */
public final class SyncRepository {

    private final DSLContext ctx;

    public SyncRepository(DSLContext ctx) {
        this.ctx = ctx;
    }

    public Optional<String> cursor(String office, LocalDate date) {
        return ctx.select(SYNC_CURSOR.CURSOR_VALUE).from(SYNC_CURSOR)
                .where(SYNC_CURSOR.OFFICE.eq(office).and(SYNC_CURSOR.SYNC_DATE.eq(date)))
                .fetchOptional(SYNC_CURSOR.CURSOR_VALUE);
    }

    public void saveCursor(String office, LocalDate date, String cursor, OffsetDateTime now) {
        int updated = ctx.update(SYNC_CURSOR)
                .set(SYNC_CURSOR.CURSOR_VALUE, cursor)
                .set(SYNC_CURSOR.UPDATED_AT, now)
                .where(SYNC_CURSOR.OFFICE.eq(office).and(SYNC_CURSOR.SYNC_DATE.eq(date)))
                .execute();
        if (updated == 0) {
            ctx.insertInto(SYNC_CURSOR, SYNC_CURSOR.OFFICE, SYNC_CURSOR.SYNC_DATE, SYNC_CURSOR.CURSOR_VALUE, SYNC_CURSOR.UPDATED_AT)
                    .values(office, date, cursor, now)
                    .execute();
        }
    }

    public void addRejected(RejectedItem item, String rawJson, OffsetDateTime now) {
        ctx.insertInto(SYNC_REJECTED_ITEM)
                .set(SYNC_REJECTED_ITEM.OFFICE, item.office())
                .set(SYNC_REJECTED_ITEM.SYNC_DATE, item.date())
                .set(SYNC_REJECTED_ITEM.ITEM_ID, item.itemId())
                .set(SYNC_REJECTED_ITEM.BOOKING_CODE, item.bookingCode())
                .set(SYNC_REJECTED_ITEM.REASON, item.reason())
                .set(SYNC_REJECTED_ITEM.RAW_JSON, rawJson)
                .set(SYNC_REJECTED_ITEM.REJECTED_AT, now)
                .execute();
    }

    public List<RejectedItem> rejected(String office, LocalDate date) {
        return ctx.selectFrom(SYNC_REJECTED_ITEM)
                .where(SYNC_REJECTED_ITEM.OFFICE.eq(office).and(SYNC_REJECTED_ITEM.SYNC_DATE.eq(date)))
                .orderBy(SYNC_REJECTED_ITEM.ID)
                .fetch(r -> new RejectedItem(r.getOffice(), r.getSyncDate(), r.getItemId(), r.getBookingCode(), r.getReason()));
    }

    public void recordRun(String office, OffsetDateTime started, OffsetDateTime finished, PullReport report) {
        ctx.insertInto(SYNC_RUN)
                .set(SYNC_RUN.OFFICE, office)
                .set(SYNC_RUN.STARTED_AT, started)
                .set(SYNC_RUN.FINISHED_AT, finished)
                .set(SYNC_RUN.SUCCEEDED, report.complete())
                .set(SYNC_RUN.ITEMS_RECEIVED, report.received())
                .set(SYNC_RUN.ITEMS_APPLIED, report.applied())
                .set(SYNC_RUN.ITEMS_IGNORED, report.ignored())
                .set(SYNC_RUN.ITEMS_REJECTED, report.rejected().size())
                .set(SYNC_RUN.MESSAGE, report.failure().map(m -> m.length() > 1000 ? m.substring(0, 1000) : m).orElse(null))
                .execute();
    }

    public Optional<OffsetDateTime> lastSuccessfulPull(String office) {
        return ctx.select(DSL.max(SYNC_RUN.FINISHED_AT)).from(SYNC_RUN)
                .where(SYNC_RUN.OFFICE.eq(office).and(SYNC_RUN.SUCCEEDED.isTrue()))
                .fetchOptional(0, OffsetDateTime.class);
    }
}
