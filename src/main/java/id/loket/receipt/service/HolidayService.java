package id.loket.receipt.service;

import id.loket.audit.AuditTrail;
import id.loket.staff.service.Authorization;
import id.loket.audit.model.OfficeAction;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import id.loket.staff.model.Unguarded;
import id.loket.staff.service.Officer;
import id.loket.staff.model.Session;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Guarded;
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
    private final Authorization authorization;
    private final Clock clock;

    public HolidayService(Database db, Clock clock) {
        this.authorization = new Authorization(db);
        this.db = db;
        this.clock = clock;
    }

    @Unguarded("the public holiday calendar")
    public List<Holiday> list(int year) {
        return new HolidayRepository(db.dsl()).byYear(year);
    }

    @Guarded(Permission.MANAGE_HOLIDAYS)
    public void add(Session session, LocalDate date, String name, HolidayKind kind) {
        Officer actor = authorization.require(session, Permission.MANAGE_HOLIDAYS);
        if (date == null || kind == null) {
            throw new UserFacingException("holiday.incomplete");
        }
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > NAME_MAX) {
            throw new UserFacingException("holiday.badName", NAME_MAX);
        }
        db.inTransactionRun(tx -> {
            new HolidayRepository(tx).put(new Holiday(date, clean, kind));
            new AuditTrail(tx).appendOffice(OfficeAction.HOLIDAY_ADDED, actor.username(), actor.counter(), date + " " + kind + " " + clean,
                    OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
        });
        LOG.info("Holiday {} ({}) set by {}", date, kind, actor.username());
    }

    @Guarded(Permission.MANAGE_HOLIDAYS)
    public void remove(Session session, LocalDate date) {
        Officer actor = authorization.require(session, Permission.MANAGE_HOLIDAYS);
        boolean removed = db.inTransaction(tx -> {
            boolean gone = new HolidayRepository(tx).remove(date);
            if (gone) {
                new AuditTrail(tx).appendOffice(OfficeAction.HOLIDAY_REMOVED, actor.username(), actor.counter(), date.toString(),
                        OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
            }
            return gone;
        });
        if (removed) {
            LOG.info("Holiday {} removed by {}", date, actor.username());
        }
    }

    /** The working-day calendar from {@code from} on (a year ahead is far more than any pickup needs). */
    @Unguarded("plumbing inside a transaction of a service that checked the session")
    public static WorkingDays calendarFrom(DSLContext tx, LocalDate from) {
        return new WorkingDays(new HolidayRepository(tx).between(from, from.plusYears(1)).stream().map(Holiday::date).toList());
    }
}
