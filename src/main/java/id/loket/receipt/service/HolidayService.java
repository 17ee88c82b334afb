package id.loket.receipt.service;

import id.loket.casefile.model.Actor;
import id.loket.common.model.UserFacingException;
import id.loket.db.Database;
import id.loket.receipt.model.Holiday;
import id.loket.receipt.model.HolidayKind;
import id.loket.receipt.model.WorkingDays;
import id.loket.receipt.repo.HolidayRepository;
import id.loket.staff.model.Role;
import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The office's holiday calendar: anyone may read it; only an administrator changes it. */
public final class HolidayService {

    private static final Logger LOG = LoggerFactory.getLogger(HolidayService.class);
    private static final int NAME_MAX = 200;

    private final Database db;

    public HolidayService(Database db) {
        this.db = db;
    }

    public List<Holiday> list(int year) {
        return new HolidayRepository(db.dsl()).byYear(year);
    }

    public void add(Actor actor, LocalDate date, String name, HolidayKind kind) {
        requireAdmin(actor);
        if (date == null || kind == null) {
            throw new UserFacingException("holiday.incomplete");
        }
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > NAME_MAX) {
            throw new UserFacingException("holiday.badName", NAME_MAX);
        }
        new HolidayRepository(db.dsl()).put(new Holiday(date, clean, kind));
        LOG.info("Holiday {} ({}) set by {}", date, kind, actor.username());
    }

    public void remove(Actor actor, LocalDate date) {
        requireAdmin(actor);
        if (new HolidayRepository(db.dsl()).remove(date)) {
            LOG.info("Holiday {} removed by {}", date, actor.username());
        }
    }

    private static void requireAdmin(Actor actor) {
        if (actor == null || actor.role() != Role.ADMIN) {
            throw new UserFacingException("holiday.adminOnly");
        }
    }

    /** The working-day calendar from {@code from} on (a year ahead is far more than any pickup needs). */
    public static WorkingDays calendarFrom(DSLContext tx, LocalDate from) {
        return new WorkingDays(new HolidayRepository(tx).between(from, from.plusYears(1)).stream().map(Holiday::date).toList());
    }
}
