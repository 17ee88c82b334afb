package id.loket.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import id.loket.db.Database;
import id.loket.report.model.Column;
import id.loket.report.model.Format;
import id.loket.report.model.ReportDefinition;
import id.loket.report.model.Text;
import id.loket.report.repo.ReportReader;
import id.loket.settings.repo.SettingsRepository;
import id.loket.staff.model.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports only read, on H2: reports planted with writes, file functions and reads of what no
 * report may see are each refused in words, and afterwards the audit trail, the accounts and the
 * settings are as they were and no file was written. The database refuses them by itself too:
 * the same statements run as the reader without the statement check fail on the reader's rights.
 */
class ReportReadOnlyIT {

    @TempDir
    static Path dir;

    private static ReportScenario day;
    private static Path loot;

    @BeforeAll
    static void seed() throws IOException {
        day = new ReportScenario(dir.resolve("data"));
        day.app().settings().put(SettingsRepository.CENTRAL_TOKEN, "central-token-s3cret");
        owner().dsl().execute("insert into staff (username, full_name, role, password_hash, active, created_at) values"
                + " ('kepala', 'Kepala Kantor', 'ADMIN', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA', true, current_timestamp)");
        loot = Files.createDirectories(dir.resolve("loot"));
    }

    @AfterAll
    static void close() {
        if (day != null) {
            day.close();
        }
    }

    private static Database owner() {
        return day.app().caseWork(day.clock).db();
    }

    /** A report as an attacker would plant it: its SQL taken as it is (the catalogue's own checks left out). */
    private static ReportDefinition planted(String sql) {
        return new ReportDefinition("planted", new Text("Ditanam", "Planted"), new Text("", ""), List.of(), sql,
                List.of(new Column("n", new Text("n", "n"), Format.TEXT, Map.of())), null, List.of(), null, Set.of(Role.SUPERVISOR));
    }

    /** What a planted report must not change: every audit row, every account with its hash, every setting. */
    private static String snapshot() {
        DSLContext dsl = owner().dsl();
        return dsl.fetch("SELECT * FROM audit_log ORDER BY id").formatCSV() + dsl.fetch("SELECT * FROM staff ORDER BY username").formatCSV()
                + dsl.fetch("SELECT * FROM setting ORDER BY setting_key").formatCSV();
    }

    private static List<String> lootFiles() throws IOException {
        try (Stream<Path> files = Files.list(loot)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static String q(Path p) {
        return p.toString().replace("'", "''");
    }

    @Test
    void plantedReportsAreRefusedInWordsAndChangeNothing() throws IOException {
        String before = snapshot();
        assertThat(before).contains("central-token-s3cret", "$argon2");
        int auditRows = owner().dsl().fetchCount(owner().dsl().selectFrom("audit_log"));
        assertThat(auditRows).isGreaterThan(10);
        String[][] plants = {
                {"DELETE FROM audit_log", "report.notAQuery"},
                {"UPDATE staff SET role = 'ADMIN', password_hash = 'x'", "report.notAQuery"},
                {"CALL CSVWRITE('" + q(loot.resolve("x.csv")) + "', 'SELECT * FROM staff')", "report.notAQuery"},
                {"SCRIPT TO '" + q(loot.resolve("x.sql")) + "'", "report.notAQuery"},
                {"CREATE ALIAS SHELL AS 'String shell(String c) throws Exception { return new String(Runtime.getRuntime().exec(c).getInputStream().readAllBytes()); }'",
                        "report.notAQuery"},
                {"SHUTDOWN", "report.notAQuery"},
                {"SET PASSWORD 'mine'", "report.notAQuery"},
                {"SELECT 1 AS n; DELETE FROM audit_log", "report.multipleStatements"},
                {"SELECT 1 AS n;\nDELETE FROM audit_log;", "report.multipleStatements"},
                {"SELECT * FROM setting", "report.notPermitted"},
                {"SELECT setting_value AS n FROM setting WHERE setting_key = 'central.token'", "report.notPermitted"},
                {"SELECT password_hash AS n FROM staff", "report.notPermitted"},
                {"SELECT id AS n FROM staff_session", "report.notPermitted"},
                {"SELECT nik AS n FROM appointment_guardian", "report.notPermitted"},
                {"SELECT CSVWRITE('" + q(loot.resolve("y.csv")) + "', 'SELECT * FROM staff') AS n", "report.notPermitted"},
                {"SELECT FILE_WRITE('x', '" + q(loot.resolve("w.txt")) + "') AS n", "report.notPermitted"},
                {"SELECT FILE_READ('/etc/hostname') AS n", "report.notPermitted"},
                {"SELECT * FROM CSVREAD('/etc/hostname')", "report.notPermitted"},
                {"SELECT * FROM LINK_SCHEMA('stolen', '', 'jdbc:h2:mem:x', 'sa', '', 'PUBLIC')", "report.notPermitted"},
                {"WITH d AS (DELETE FROM audit_log) SELECT 1 AS n", "report.queryFailed"}, // not even H2's grammar
        };
        Messages en = Messages.forLanguage("en");
        for (String[] plant : plants) {
            assertThatThrownBy(() -> Reports.run(day.app().reportReader(), day.clock, planted(plant[0]))).as(plant[0])
                    .isInstanceOfSatisfying(UserFacingException.class, e -> {
                        assertThat(e.key()).as(plant[0]).isEqualTo(plant[1]);
                        assertThat(en.of(e)).as(plant[0]).startsWith("Report \"planted\"").doesNotContain("Exception").doesNotContain("\n");
                    });
        }
        assertThat(snapshot()).isEqualTo(before);
        assertThat(lootFiles()).isEmpty();
        assertThat(owner().dsl().fetchValue("SELECT 1")).as("the database is still open").isNotNull();
    }

    @Test
    void theRefusalSaysWhatWasRefused() {
        assertThatThrownBy(() -> Reports.run(day.app().reportReader(), day.clock, planted("SELECT password_hash AS n FROM staff")))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(Messages.forLanguage("en").of(e)).isEqualTo(
                        "Report \"planted\" is refused: a report may only read the data reports are allowed to, and the database refused this"
                                + " (Not enough rights for object \"public.staff\")."));
        assertThatThrownBy(() -> Reports.run(day.app().reportReader(), day.clock, planted("DELETE FROM audit_log")))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(Messages.forLanguage("id").of(e)).isEqualTo(
                        "Laporan \"planted\" ditolak: laporan hanya boleh membaca, SQL-nya harus satu SELECT (dimulai dengan \"DELETE\")."));
    }

    @Test
    void theDatabaseRefusesTheReaderEvenWithoutTheStatementCheck() throws IOException {
        String before = snapshot();
        ReportReader reader = day.app().reportReader();
        for (String sql : List.of("DELETE FROM audit_log", "UPDATE staff SET role = 'ADMIN'", "INSERT INTO holiday (holiday_date, name) VALUES (DATE '2026-12-31', 'x')",
                "CALL CSVWRITE('" + q(loot.resolve("x.csv")) + "', 'SELECT * FROM staff')", "SCRIPT TO '" + q(loot.resolve("x.sql")) + "'",
                "SCRIPT", "BACKUP TO '" + q(loot.resolve("b.zip")) + "'", "RUNSCRIPT FROM '" + q(loot.resolve("none.sql")) + "'",
                "CREATE ALIAS X FOR 'java.lang.System.getProperty'", "CREATE TABLE mine (a INT)", "GRANT SELECT ON staff TO loket_report",
                "CREATE LINKED TABLE l ('org.h2.Driver', 'jdbc:h2:mem:z', 'sa', '', 't')", "SET EXCLUSIVE 1", "CHECKPOINT", "SHUTDOWN",
                "SELECT 1; DELETE FROM audit_log")) {
            assertThatThrownBy(() -> reader.read(dsl -> dsl.execute(sql))).as(sql).isInstanceOf(DataAccessException.class)
                    .hasMessageFindingMatch("(Not enough rights|Admin rights are required)");
        }
        assertThat(snapshot()).isEqualTo(before);
        assertThat(lootFiles()).isEmpty();
        assertThat(owner().dsl().fetchValue("SELECT 1")).as("the database is still open").isNotNull();
    }

    @Test
    void theReaderReadsExactlyTheTablesReportsMayRead() {
        ReportReader reader = day.app().reportReader();
        List<String> tables = owner().dsl().fetch("SELECT table_name FROM information_schema.tables WHERE table_schema = CURRENT_SCHEMA ORDER BY 1")
                .getValues(0, String.class);
        assertThat(tables).containsAll(ReportReader.READABLE).containsAll(ReportReader.NEVER);
        for (String table : tables) {
            boolean readable;
            try {
                reader.read(dsl -> dsl.fetch("SELECT * FROM " + table + " WHERE 1 = 0"));
                readable = true;
            } catch (DataAccessException e) {
                readable = false;
            }
            assertThat(readable).as(table).isEqualTo(ReportReader.READABLE.contains(table));
        }
        assertThat(owner().dsl().fetchValue("SELECT is_admin FROM information_schema.users WHERE user_name = ?", ReportReader.H2_USER))
                .isEqualTo(false);
    }

    @Test
    void feesSeeTheFeeTableThroughTheirViewAndNothingElseOfTheSettings() {
        List<String> keys = day.app().reportReader().read(dsl -> dsl.fetch("SELECT setting_key FROM report_fee_setting").getValues(0, String.class));
        assertThat(keys).allMatch(k -> k.startsWith("fee."));
        assertThat(owner().dsl().fetchCount(owner().dsl().selectFrom("setting"))).isGreaterThan(keys.size());
    }

    @Test
    void h2IgnoresReadOnlyConnectionsSoTheReadersRightsAreTheWall() {
        Database db = owner();
        int rows = db.dsl().fetchCount(db.dsl().selectFrom("audit_log"));
        int deleted = db.dsl().connectionResult(c -> {
            c.setReadOnly(true);
            c.setAutoCommit(false);
            try (java.sql.Statement s = c.createStatement()) {
                return s.executeUpdate("DELETE FROM audit_log");
            } finally {
                c.rollback();
                c.setAutoCommit(true);
                c.setReadOnly(false);
            }
        });
        assertThat(deleted).as("the owner deletes on a 'read-only' connection").isEqualTo(rows);
        assertThat(db.dsl().fetchCount(db.dsl().selectFrom("audit_log"))).isEqualTo(rows);
    }

    @Test
    void aGrantMadeByHandIsTakenBackAndAReaderThatCanReadTooMuchRunsNothing() {
        Database db = owner();
        day.app().reportReader().read(dsl -> dsl.fetch("SELECT 1")); // the user exists from the first report on
        db.dsl().execute("GRANT SELECT ON staff TO " + ReportReader.H2_USER);
        ReportReader fresh = ReportReader.of(db);
        assertThatThrownBy(() -> fresh.read(dsl -> dsl.fetch("SELECT password_hash FROM staff"))).isInstanceOf(DataAccessException.class);

        db.dsl().execute("GRANT SELECT ON setting TO PUBLIC");
        try {
            ReportReader another = ReportReader.of(db);
            assertThatThrownBy(() -> another.read(dsl -> dsl.fetch("SELECT 1"))).isInstanceOfSatisfying(UserFacingException.class, e -> {
                assertThat(e.key()).isEqualTo("report.readerTooStrong");
                assertThat(e.args()).containsExactly(ReportReader.H2_USER, "setting");
            });
        } finally {
            db.dsl().execute("REVOKE SELECT ON setting FROM PUBLIC");
        }
        // the context's own reader set a password of its own before: it sets it again and goes on
        assertThat(Reports.run(day.app().reportReader(), day.clock, planted("SELECT 'ok' AS n")).rows()).hasSize(1);
    }
}
