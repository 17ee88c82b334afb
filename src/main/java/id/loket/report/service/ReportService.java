package id.loket.report.service;

import id.loket.audit.AuditTrail;
import id.loket.audit.model.OfficeAction;
import id.loket.common.model.AccessRefused;
import org.jooq.DSLContext;
import id.loket.staff.model.Guarded;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Session;
import id.loket.staff.model.Unguarded;
import id.loket.staff.service.Authorization;
import id.loket.staff.service.Officer;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import id.loket.common.model.UserFacingException;
import id.loket.report.model.Parameter;
import id.loket.report.model.ReportDefinition;
import id.loket.report.model.ReportResult;
import id.loket.report.repo.ReportQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import id.loket.report.repo.ReportReader;
import java.sql.SQLException;

/**
 * Runs a report of the catalogue against the database. Parameters come as text (from the
 * command line) and are checked here: a required one missing, a date that is not
 * {@code YYYY-MM-DD}, an end before the start, or a parameter the report does not take are
 * refused with a one-line message. Besides the report's own parameters the SQL may use
 * {@code :from_at} and {@code :until_at}: the start of {@code date} and the end of {@code to}
 * (or of {@code date}) in the office's time zone, for columns that hold instants, and
 * {@code :office}, the office's code.
 *
 * <p>Reports only read: the SQL runs as the {@link ReportReader}, a database user that may
 * SELECT the tables reports need and nothing else, and must be one query. What the database
 * refuses (a table not granted, a write, a file function) is refused in words naming the report.
 */
public final class ReportService {

    /** Derived parameters every report's SQL may use. */
    public static final String FROM_AT = "from_at";
    public static final String UNTIL_AT = "until_at";
    public static final String OFFICE = "office";

    /** H2: not enough rights for an object; admin rights required. */
    private static final int H2_NOT_ENOUGH_RIGHTS = 90096;
    private static final int H2_ADMIN_RIGHTS_REQUIRED = 90040;
    /** PostgreSQL: insufficient privilege; a write in a read-only transaction. */
    private static final String PG_INSUFFICIENT_PRIVILEGE = "42501";
    private static final String PG_READ_ONLY_TRANSACTION = "25006";

    private final ReportReader reader;
    private final DSLContext dsl;
    private final String office;
    private final ZoneId zone;
    private final Clock clock;
    private final Authorization authorization;

    /**
     * {@code reader} runs the reports' SQL (read only); {@code owner} only appends the audit row
     * of each run.
     */
    public ReportService(ReportReader reader, DSLContext owner, String office, ZoneId zone, Clock clock, Authorization authorization) {
        this.reader = reader;
        this.dsl = owner;
        this.authorization = authorization;
        this.office = office;
        this.zone = zone;
        this.clock = clock;
    }

    /** Checks and converts the given parameter texts (by name) against the definition. */
    @Unguarded("checks parameter texts; reads no data")
    public Map<String, Object> parameters(ReportDefinition def, Map<String, String> given) {
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (e.getValue() != null && def.parameter(e.getKey()).isEmpty()) {
                throw new UserFacingException("report.unusedParameter", def.name(), "--" + e.getKey());
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Parameter p : def.parameters()) {
            String text = given.get(p.name());
            if (text == null || text.isBlank()) {
                text = p.defaultValue();
                if (text != null && def.parameter(text).isPresent()) {
                    Object other = values.get(text); // e.g. "to" defaults to "date"
                    values.put(p.name(), other);
                    continue;
                }
            }
            if (text == null || text.isBlank()) {
                if (p.required()) {
                    throw new UserFacingException("report.missingParameter", def.name(), "--" + p.name());
                }
                values.put(p.name(), null);
                continue;
            }
            values.put(p.name(), convert(p, text.strip()));
        }
        Object from = values.get("date");
        Object to = values.get("to");
        if (from instanceof LocalDate f && to instanceof LocalDate t && t.isBefore(f)) {
            throw new UserFacingException("report.toBeforeDate", t.toString(), f.toString());
        }
        return values;
    }

    private static Object convert(Parameter p, String text) {
        return switch (p.type()) {
            case "date" -> {
                try {
                    yield LocalDate.parse(text);
                } catch (DateTimeParseException e) {
                    throw new UserFacingException("report.badDate", "--" + p.name(), text);
                }
            }
            case "integer" -> {
                try {
                    int v = Integer.parseInt(text);
                    if (v < 0) {
                        throw new NumberFormatException();
                    }
                    yield v;
                } catch (NumberFormatException e) {
                    throw new UserFacingException("report.badInteger", "--" + p.name(), text);
                }
            }
            default -> text;
        };
    }

    /**
     * Runs the report with checked parameter values ({@link #parameters}) for the signed-in
     * {@code session}, who is named on it; the run is audited.
     */
    @Guarded(Permission.RUN_REPORT)
    public ReportResult run(Session session, ReportDefinition def, Map<String, Object> values) {
        Officer officer = mayRun(session, def);
        String by = officer.username();
        List<Map<String, Object>> rows;
        try {
            rows = new ReportQuery(reader).run(def.name(), def.sql(), binds(values));
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e, "report.badDefinition", def.name(), e.getMessage());
        } catch (org.jooq.exception.DataAccessException e) {
            SQLException refusal = refusalByRights(e);
            if (refusal != null) {
                String why = firstLine(refusal.getMessage()).replaceFirst(";? ?SQL statement:?$", "").strip();
                throw new UserFacingException(e, "report.notPermitted", def.name(), why);
            }
            throw new UserFacingException(e, "report.queryFailed", def.name(), firstLine(e.getMessage()));
        }
        new AuditTrail(dsl).appendOffice(OfficeAction.REPORT_RUN, by, officer.counter(), def.name() + " " + values,
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS));
        return new ReportResult(def, values, rows, clock.instant(), by);
    }

    /**
     * How the database would run the report with these values ({@code EXPLAIN}): which indexes it
     * uses, for an administrator checking a report against a year of history, and for the test
     * that keeps every shipped report off full scans of the large tables.
     */
    @Guarded(Permission.RUN_REPORT)
    public String plan(Session session, ReportDefinition def, Map<String, Object> values) {
        mayRun(session, def);
        return new ReportQuery(reader).plan(def.name(), def.sql(), binds(values));
    }

    /** The signed-in officer, who may run reports and this one (its layout.json names the roles). */
    private Officer mayRun(Session session, ReportDefinition def) {
        Officer officer = authorization.require(session, Permission.RUN_REPORT);
        if (!def.mayRun(officer.role())) {
            throw new AccessRefused("report.notForRole", def.name(), officer.role(), def.roles());
        }
        return officer;
    }

    /** The report's values and the ones every report may use: the office and the dates' first and last instants. */
    private Map<String, Object> binds(Map<String, Object> values) {
        Map<String, Object> binds = new HashMap<>(values);
        LocalDate from = values.get("date") instanceof LocalDate d ? d : LocalDate.now(clock.withZone(zone));
        LocalDate to = values.get("to") instanceof LocalDate d ? d : from;
        binds.put(FROM_AT, from.atStartOfDay(zone).toOffsetDateTime());
        binds.put(OFFICE, office);
        binds.put(UNTIL_AT, to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        return binds;
    }

    /** The database's refusal of the query for the reader's rights (or of a write in its read-only transaction), if that is what failed. */
    private static SQLException refusalByRights(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                int code = sql.getErrorCode();
                String state = sql.getSQLState();
                if (code == H2_NOT_ENOUGH_RIGHTS || code == H2_ADMIN_RIGHTS_REQUIRED
                        || PG_INSUFFICIENT_PRIVILEGE.equals(state) || PG_READ_ONLY_TRANSACTION.equals(state)) {
                    return sql;
                }
            }
        }
        return null;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
