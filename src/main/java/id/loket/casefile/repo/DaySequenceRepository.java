package id.loket.casefile.repo;

import static id.loket.db.jooq.Tables.DAY_SEQUENCE;

import java.time.LocalDate;
import org.jooq.DSLContext;

/**
 * Numbers that restart each day and never repeat: queue numbers per series, walk-in
 * references. The increment locks the day's row until the transaction ends, so counters
 * sharing one database wait for each other instead of taking the same number.
 */
public final class DaySequenceRepository {

    private final DSLContext ctx;

    public DaySequenceRepository(DSLContext ctx) {
        this.ctx = ctx;
    }

    public int next(String office, LocalDate date, String series) {
        ctx.insertInto(DAY_SEQUENCE, DAY_SEQUENCE.OFFICE, DAY_SEQUENCE.SEQ_DATE, DAY_SEQUENCE.SERIES, DAY_SEQUENCE.LAST_VALUE)
                .values(office, date, series, 0)
                .onConflictDoNothing()
                .execute();
        ctx.update(DAY_SEQUENCE)
                .set(DAY_SEQUENCE.LAST_VALUE, DAY_SEQUENCE.LAST_VALUE.plus(1))
                .where(DAY_SEQUENCE.OFFICE.eq(office).and(DAY_SEQUENCE.SEQ_DATE.eq(date)).and(DAY_SEQUENCE.SERIES.eq(series)))
                .execute();
        return ctx.select(DAY_SEQUENCE.LAST_VALUE).from(DAY_SEQUENCE)
                .where(DAY_SEQUENCE.OFFICE.eq(office).and(DAY_SEQUENCE.SEQ_DATE.eq(date)).and(DAY_SEQUENCE.SERIES.eq(series)))
                .fetchSingle(DAY_SEQUENCE.LAST_VALUE);
    }
}
