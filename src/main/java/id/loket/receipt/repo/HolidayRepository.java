package id.loket.receipt.repo;

import static id.loket.db.jooq.Tables.HOLIDAY;

import id.loket.receipt.model.Holiday;
import id.loket.receipt.model.HolidayKind;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;

/** The days the office is closed besides weekends (seeded for 2026 and 2027; the office keeps them). */
public final class HolidayRepository {

    private final DSLContext ctx;

    public HolidayRepository(DSLContext ctx) {
        this.ctx = ctx;
    }

    public List<Holiday> byYear(int year) {
        return between(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** Holidays from {@code first} to {@code last}, both included, in date order. */
    public List<Holiday> between(LocalDate first, LocalDate last) {
        return ctx.selectFrom(HOLIDAY).where(HOLIDAY.HOLIDAY_DATE.between(first, last)).orderBy(HOLIDAY.HOLIDAY_DATE)
                .fetch(r -> new Holiday(r.getHolidayDate(), r.getName(), HolidayKind.valueOf(r.getKind())));
    }

    /** Adds the day, or renames it if it is already there. */
    public void put(Holiday h) {
        int updated = ctx.update(HOLIDAY).set(HOLIDAY.NAME, h.name()).set(HOLIDAY.KIND, h.kind().name())
                .where(HOLIDAY.HOLIDAY_DATE.eq(h.date())).execute();
        if (updated == 0) {
            ctx.insertInto(HOLIDAY, HOLIDAY.HOLIDAY_DATE, HOLIDAY.NAME, HOLIDAY.KIND).values(h.date(), h.name(), h.kind().name()).execute();
        }
    }

    public boolean remove(LocalDate date) {
        return ctx.deleteFrom(HOLIDAY).where(HOLIDAY.HOLIDAY_DATE.eq(date)).execute() > 0;
    }
}
