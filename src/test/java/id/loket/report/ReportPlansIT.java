package id.loket.report;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.db.Database;
import org.jooq.DSLContext;
import org.jooq.Record;
import id.loket.report.model.ReportDefinition;
import id.loket.report.service.ReportService;
import id.loket.staff.service.Authorization;
import id.loket.testing.TestSessions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every shipped report of one day reads the history through indexes: its plan ({@code EXPLAIN},
 * on the desk's H2 file holding the report scenario's day) scans none of the tables that grow
 * with the office's history. A report that would read a year of audit rows or outbox events to
 * count one day fails here, however small the test's day is.
 */
class ReportPlansIT {

    /** The tables that grow with every day the office works. */
    static final List<String> HISTORY = List.of("appointment", "appointment_guardian", "case_file", "case_document",
            "case_rejection_reason", "case_receipt", "audit_log", "outbox_event", "sync_run", "no_show", "queue_call",
            "sync_conflict");

    /** How H2 names each table access in a plan: {@code /* public.INDEX: CONDITION *\/} or {@code /* public.TABLE.tableScan *\/}. */
    private static final Pattern ACCESS = Pattern.compile("/\\*\\s*public\\.(\\w+)(\\.tableScan)?(?::\\s*(.*?))?\\s*\\*/", Pattern.DOTALL);
    /** A condition on the office alone: {@code office = 'DPS'}, {@code office IS NOT DISTINCT FROM ?1}. */
    private static final Pattern OFFICE_ONLY = Pattern.compile("\\b\\w*\\.?office\\s*(=|IS NOT DISTINCT FROM)\\s*(CAST\\([^)]*\\)|\\S+)");

    @TempDir
    static Path dir;

    private static ReportScenario day;

    /** Days of history copied behind the scenario's day: enough for the planner to see the tables as large and the day as small. */
    private static final int HISTORY_DAYS = 250;

    @BeforeAll
    static void seed() {
        day = new ReportScenario(dir);
        DSLContext dsl = day.app().caseWork(day.clock).db().dsl();
        for (String table : List.of("appointment", "case_file", "case_rejection_reason", "case_receipt", "audit_log", "outbox_event", "sync_run")) {
            copyBackInTime(dsl, table, HISTORY_DAYS);
        }
        dsl.execute("ANALYZE");
    }

    /**
     * Copies every row of {@code table} {@code days} times, each copy {@code x} days earlier: its
     * dates and instants moved back, its keys and references made its own (the copy's number
     * in front of their last 32 letters), identities new.
     */
    private static void copyBackInTime(DSLContext dsl, String table, int days) {
        List<String> into = new ArrayList<>();
        List<String> select = new ArrayList<>();
        for (Record c : dsl.resultQuery("SELECT column_name, data_type, is_identity FROM information_schema.columns"
                + " WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position", table)) {
            String col = c.get(0, String.class);
            String type = c.get(1, String.class);
            if ("YES".equals(c.get(2, String.class))) {
                continue;
            }
            into.add(col);
            if (KEYS.contains(col)) {
                select.add("'h' || LPAD(CAST(x AS VARCHAR), 3, '0') || RIGHT(" + col + ", 32)");
            } else if (col.equals("seq")) {
                select.add("seq + x * 1000000");
            } else if (type.toUpperCase(Locale.ROOT).startsWith("DATE") || type.toUpperCase(Locale.ROOT).startsWith("TIMESTAMP")) {
                select.add("DATEADD(DAY, -x, " + col + ")");
            } else {
                select.add(col);
            }
        }
        dsl.execute("INSERT INTO " + table + " (" + String.join(", ", into) + ") SELECT " + String.join(", ", select)
                + " FROM " + table + ", (SELECT \"X\" AS x FROM SYSTEM_RANGE(1, " + days + ")) r");
    }

    /** Columns whose values must stay unique or point at a copied row. */
    private static final List<String> KEYS = List.of("id", "case_ref", "appointment_id", "event_id", "receipt_number");

    @AfterAll
    static void close() {
        if (day != null) {
            day.close();
        }
    }

    static Stream<String> reports() {
        return Reports.CATALOG.all().stream().map(ReportDefinition::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void readsOneDayOfHistoryThroughIndexes(String name) {
        ReportDefinition def = Reports.CATALOG.get(name);
        Database db = day.app().reportReader().database();
        ReportService service = new ReportService(day.app().reportReader(), db.dsl(), "DPS", ReportScenario.ZONE, day.clock,
                new Authorization(db));
        Map<String, Object> values = service.parameters(def, Map.of("date", "2026-11-27"));
        String plan = service.plan(TestSessions.reader(db), def, values);

        assertThat(plan).as("the plan of %s", name).contains("FROM");
        assertThat(unboundedReads(plan, indexTable(db))).as("history read whole by %s:%n%s", name, plan).isEmpty();
    }

    /**
     * The history tables the plan reads whole: a table scan, an index read without a condition
     * (all of it, in the index's order), or one whose only condition is the office (on a desk's
     * file, every row is the office's).
     */
    static List<String> unboundedReads(String plan, Map<String, String> indexTable) {
        List<String> whole = new ArrayList<>();
        Matcher m = ACCESS.matcher(plan);
        while (m.find()) {
            String table = m.group(2) != null ? m.group(1) : indexTable.get(m.group(1).toLowerCase(Locale.ROOT));
            if (table == null || !HISTORY.contains(table)) {
                continue;
            }
            String condition = m.group(3) == null ? "" : OFFICE_ONLY.matcher(m.group(3)).replaceAll("").replaceAll("\\bAND\\b|\\s", "");
            if (m.group(2) != null || condition.isEmpty()) {
                whole.add(table + " (" + m.group(0).replaceAll("\\s+", " ") + ")");
            }
        }
        return whole;
    }

    /** Index name (lower case) to its table, from the database's own catalogue. */
    private static Map<String, String> indexTable(Database db) {
        Map<String, String> map = new HashMap<>();
        db.dsl().resultQuery("SELECT index_name, table_name FROM information_schema.indexes WHERE table_schema = 'public'")
                .fetch().forEach(r -> map.put(r.get(0, String.class).toLowerCase(Locale.ROOT), r.get(1, String.class).toLowerCase(Locale.ROOT)));
        return map;
    }
}
