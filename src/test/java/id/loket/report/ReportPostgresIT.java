package id.loket.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.db.Database;
import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import id.loket.report.model.Column;
import id.loket.report.model.Format;
import id.loket.report.model.ReportDefinition;
import id.loket.report.model.Text;
import id.loket.staff.model.Role;
import id.loket.report.repo.ReportReader;
import id.loket.report.service.ReportCsv;
import id.loket.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every report of the catalogue runs on a real PostgreSQL and gives there, figure for figure, the
 * CSV it gives on H2: the scenario's day is copied row by row from its H2 file into a fresh schema.
 * Both run as the report reader (read only). Planted reports are refused on PostgreSQL too, by
 * the statement check and by the database itself (the role's grants and the read-only transaction).
 */
class ReportPostgresIT {

    /** The tables the reports read, parents first. */
    private static final List<String> TABLES = List.of("setting", "appointment", "case_file", "case_document", "case_rejection_reason",
            "case_receipt", "audit_log", "outbox_event", "sync_run");

    @TempDir
    static Path dir;

    private static ReportScenario day;
    private static TestDatabase pg;
    private static ReportReader pgReader;

    @BeforeAll
    static void seed() {
        day = new ReportScenario(dir.resolve("h2"));
        pg = TestDatabase.open(TestDatabase.Backend.POSTGRES, dir.resolve("pg"), "report_postgres");
        DSLContext from = h2().dsl();
        DSLContext to = pg.db().dsl();
        to.execute("delete from setting");
        for (String table : TABLES) {
            for (Record r : from.fetch("select * from " + table)) {
                List<org.jooq.Field<?>> fields = java.util.Arrays.stream(r.fields())
                        .<org.jooq.Field<?>>map(f -> DSL.field(DSL.name(f.getName()), f.getDataType())).toList();
                to.insertInto(DSL.table(DSL.name(table)), fields).values(r.intoArray()).execute();
            }
        }
        // the copied audit trail goes on where H2's ended: its identity and the chain's head follow the copy
        to.execute("select setval(pg_get_serial_sequence('audit_log', 'id'), (select max(id) from audit_log))");
        to.execute("update audit_head set seq = (select max(seq) from audit_log), hash = (select hash from audit_log where seq = (select max(seq) from audit_log))");
        to.execute("insert into staff (username, full_name, role, password_hash, active, created_at) values"
                + " ('admin', 'Admin', 'ADMIN', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA', true, current_timestamp)");
        to.execute("insert into setting (setting_key, setting_value) values ('central.token', 'central-token-s3cret')");
        pgReader = Reports.postgresReader(pg.db());
    }

    /** A report as an attacker would plant it: its SQL taken as it is (the catalogue's own checks left out). */
    private static ReportDefinition planted(String sql) {
        return new ReportDefinition("planted", new Text("Ditanam", "Planted"), new Text("", ""), List.of(), sql,
                List.of(new Column("n", new Text("n", "n"), Format.TEXT, Map.of())), null, List.of(), null, Set.of(Role.SUPERVISOR));
    }

    private static String snapshot() {
        DSLContext dsl = pg.db().dsl();
        return dsl.fetch("select * from audit_log order by id").formatCSV() + dsl.fetch("select * from staff order by username").formatCSV()
                + dsl.fetch("select * from setting order by setting_key").formatCSV();
    }

    @Test
    void plantedReportsAreRefusedInWordsOnPostgresAndChangeNothing() {
        String before = snapshot();
        assertThat(before).contains("central-token-s3cret", "$argon2id");
        String[][] plants = {
                {"DELETE FROM audit_log", "report.notAQuery"},
                {"UPDATE staff SET role = 'ADMIN', password_hash = 'x'", "report.notAQuery"},
                {"SELECT 1 AS n; DELETE FROM audit_log", "report.multipleStatements"},
                {"SELECT E'\\' -- '; DELETE FROM audit_log", "report.unclearSql"},
                {"SELECT * FROM setting", "report.notPermitted"},
                {"SELECT password_hash AS n FROM staff", "report.notPermitted"},
                {"SELECT id AS n FROM staff_session", "report.notPermitted"},
                {"WITH d AS (DELETE FROM audit_log RETURNING id) SELECT COUNT(*) AS n FROM d", "report.notPermitted"},
                {"SELECT set_config('role', 'loket', true) AS n, query_to_xml('select * from staff', true, true, '') AS x", "report.notPermitted"},
                {"SELECT pg_read_file('/etc/hostname') AS n", "report.notPermitted"},
                {"SELECT lo_import('/etc/hostname') AS n", "report.notPermitted"},
                {"SELECT nextval('audit_log_id_seq') AS n", "report.notPermitted"},
        };
        Messages en = Messages.forLanguage("en");
        for (String[] plant : plants) {
            assertThatThrownBy(() -> Reports.run(pgReader, day.clock, planted(plant[0]))).as(plant[0])
                    .isInstanceOfSatisfying(UserFacingException.class, e -> {
                        assertThat(e.key()).as(plant[0]).isEqualTo(plant[1]);
                        assertThat(en.of(e)).as(plant[0]).startsWith("Report \"planted\"").doesNotContain("Exception").doesNotContain("\n");
                    });
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void postgresRefusesTheReaderEvenWithoutTheStatementCheck() {
        String before = snapshot();
        for (String sql : List.of("DELETE FROM audit_log", "UPDATE staff SET role = 'ADMIN'",
                "INSERT INTO holiday (holiday_date, name, kind) VALUES (DATE '2026-12-31', 'x', 'NATIONAL')",
                "COPY audit_log TO '/tmp/loket-report-copy.csv'", "CREATE TABLE mine (a INT)", "CREATE TEMP TABLE mine (a INT)",
                "GRANT SELECT ON staff TO loket_report", "SELECT 1; DELETE FROM audit_log", "SELECT * FROM staff")) {
            assertThatThrownBy(() -> pgReader.read(dsl -> dsl.execute(sql))).as(sql).isInstanceOf(DataAccessException.class)
                    .hasMessageFindingMatch("(permission denied|read-only transaction|must be (superuser|owner))");
        }
        assertThat(snapshot()).isEqualTo(before);
        assertThat(java.nio.file.Path.of("/tmp/loket-report-copy.csv")).doesNotExist();
    }

    @Test
    void theReaderIsItsOwnRoleInAReadOnlyTransactionThatHoldsEvenWhenTheRoleWasGrantedTooMuch() {
        assertThat((Object) pgReader.read(dsl -> dsl.fetchValue("select current_user || ' ' || current_setting('transaction_read_only')")))
                .isEqualTo(Reports.PG_REPORT_USER + " on");
        String before = snapshot();
        pg.db().dsl().execute("grant delete on audit_log to " + Reports.PG_REPORT_USER);
        try {
            assertThatThrownBy(() -> pgReader.read(dsl -> dsl.execute("DELETE FROM audit_log")))
                    .hasMessageContaining("cannot execute DELETE in a read-only transaction");
        } finally {
            pg.db().dsl().execute("revoke delete on audit_log from " + Reports.PG_REPORT_USER);
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @AfterAll
    static void close() {
        if (pg != null) {
            pg.close();
        }
        if (day != null) {
            day.close();
        }
    }

    private static Database h2() {
        return day.app().caseWork(day.clock).db();
    }

    /** Both run as the report reader: on H2 the user Loket makes, on PostgreSQL the role loket_report, read only. */
    private static ReportReader reader(Database db) {
        return db == h2() ? day.app().reportReader() : pgReader;
    }

    private static String csv(Database db, String name, String... params) {
        return new String(ReportCsv.write(Reports.run(reader(db), day.clock, name, params), ReportScenario.ZONE), StandardCharsets.UTF_8);
    }

    @Test
    void everyReportGivesTheSameFiguresOnPostgresAsOnH2() {
        String pickupPlus5 = day.receiptB.receipt().pickupDate().plusDays(5).toString();
        for (ReportDefinition def : Reports.CATALOG.all()) {
            String[] params = def.name().equals("pending-pickups") ? new String[] {"date", pickupPlus5, "days", "3"}
                    : new String[] {"date", "2026-11-27"};
            String onH2 = csv(h2(), def.name(), params);
            String onPg = csv(pg.db(), def.name(), params);
            assertThat(onPg).as(def.name()).isEqualTo(onH2);
            assertThat(onH2.split("\r\n")).as(def.name()).hasSizeGreaterThan(1);
        }
        assertThat(csv(pg.db(), "daily-summary", "date", "2026-11-27")).contains("arrivals,6,3,3,0,0\r\n", "rejected,1,1,0,0,0\r\n");
        assertThat(csv(pg.db(), "officer-throughput", "date", "2026-11-27", "officer", "petugas1"))
                .contains("petugas1,4,2,2,1,2,1,4,11.3\r\n");
        assertThat(csv(pg.db(), "wait-times", "date", "2026-11-27")).contains("09:00,3,2,22.5,22.5,36.5\r\n");
    }

    @Test
    void aRangeOfDaysRunsOnPostgres() {
        assertThat(csv(pg.db(), "daily-summary", "date", "2026-11-26", "to", "2026-11-28")).contains("arrivals,6,3,3,0,0\r\n");
    }
}
