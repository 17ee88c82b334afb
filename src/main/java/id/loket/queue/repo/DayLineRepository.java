package id.loket.queue.repo;

import id.loket.queue.model.DayCounts;
import java.time.LocalDate;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Counts the lines of the view {@code day_line}: the only place in Java that turns the view into
 * the day's figures. The view says what each line is; this only adds them up.
 */
public final class DayLineRepository {

    private static final Table<Record> DAY_LINE = DSL.table(DSL.name("day_line"));
    private static final Field<String> OFFICE = DSL.field(DSL.name("office"), SQLDataType.VARCHAR);
    private static final Field<LocalDate> DAY = DSL.field(DSL.name("line_date"), SQLDataType.LOCALDATE);
    private static final Field<Integer> BOOKED = DSL.field(DSL.name("booked"), SQLDataType.INTEGER);
    private static final Field<Integer> ARRIVED = DSL.field(DSL.name("arrived"), SQLDataType.INTEGER);
    private static final Field<Integer> WALK_IN = DSL.field(DSL.name("walk_in"), SQLDataType.INTEGER);
    private static final Field<String> STATE = DSL.field(DSL.name("day_state"), SQLDataType.VARCHAR);
    private static final Field<String> SLOT_START = DSL.field(DSL.name("slot_start"), SQLDataType.VARCHAR);
    private static final Field<String> SLOT_END = DSL.field(DSL.name("slot_end"), SQLDataType.VARCHAR);

    private final DSLContext ctx;

    public DayLineRepository(DSLContext ctx) {
        this.ctx = ctx;
    }

    public DayCounts counts(String office, LocalDate day) {
        Record r = ctx.select(
                        DSL.coalesce(DSL.sum(BOOKED), 0),
                        DSL.coalesce(DSL.sum(ARRIVED), 0),
                        DSL.coalesce(DSL.sum(WALK_IN), 0),
                        DSL.count().filterWhere(STATE.eq("NOT_YET_ARRIVED")),
                        DSL.count().filterWhere(STATE.eq("NO_SHOW")),
                        DSL.count().filterWhere(STATE.eq("WAITING")))
                .from(DAY_LINE).where(OFFICE.eq(office).and(DAY.eq(day))).fetchOne();
        return r == null ? DayCounts.NONE : new DayCounts(r.get(0, Integer.class), r.get(1, Integer.class), r.get(2, Integer.class),
                r.get(3, Integer.class), r.get(4, Integer.class), r.get(5, Integer.class));
    }

    /** The end ({@code HH:MM}) of the day's last booked slot (its start when it has no end), or null with no booking. */
    public String lastSlotEnd(String office, LocalDate day) {
        return ctx.select(DSL.max(DSL.coalesce(SLOT_END, SLOT_START))).from(DAY_LINE)
                .where(OFFICE.eq(office).and(DAY.eq(day)).and(BOOKED.eq(1))).fetchOne(0, String.class);
    }
}
