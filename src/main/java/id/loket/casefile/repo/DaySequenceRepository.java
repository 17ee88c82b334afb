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
        // The day's row is created by whichever counter comes first. Written as plain SQL because
        // jOOQ renders onConflictDoNothing() for H2 as a MERGE, which fails with a duplicate key
        // when two counters take the first number of a day at once; H2 (PostgreSQL mode) and
        // PostgreSQL both run this statement natively and then wait for each other.
        ctx.execute("INSERT INTO day_sequence (office, seq_date, series, last_value) VALUES (?, ?, ?, 0) ON CONFLICT DO NOTHING",
                office, date, series);
        ctx.update(DAY_SEQUENCE)
                .set(DAY_SEQUENCE.LAST_VALUE, DAY_SEQUENCE.LAST_VALUE.plus(1))
                .where(DAY_SEQUENCE.OFFICE.eq(office).and(DAY_SEQUENCE.SEQ_DATE.eq(date)).and(DAY_SEQUENCE.SERIES.eq(series)))
                .execute();
        return ctx.select(DAY_SEQUENCE.LAST_VALUE).from(DAY_SEQUENCE)
                .where(DAY_SEQUENCE.OFFICE.eq(office).and(DAY_SEQUENCE.SEQ_DATE.eq(date)).and(DAY_SEQUENCE.SERIES.eq(series)))
                .fetchSingle(DAY_SEQUENCE.LAST_VALUE);
    }
}
