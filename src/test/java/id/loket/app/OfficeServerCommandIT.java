package id.loket.app;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.appointment.model.Appointment;
import id.loket.casefile.model.CaseFile;
import id.loket.db.Database;
import id.loket.settings.repo.PcSettings;
import id.loket.testing.Cli;
import id.loket.testing.OfficeFixture;
import id.loket.testing.PlainJdbc;
import id.loket.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command on the office's PostgreSQL server: chosen with --db (remembered on the PC, or from
 * the environment), the same outputs as on the H2 file, and {@code db copy} moving a one-counter
 * office's folder onto the server whole.
 */
class OfficeServerCommandIT {

    @TempDir
    Path dir;

    private static Cli.Run loket(Object... args) {
        return Cli.loket(Stream.of(args).map(String::valueOf).toArray(String[]::new));
    }

    private static List<String> admin() {
        return Cli.signIn("admin");
    }

    private Cli.Run addAdmin(Path data, String... db) {
        List<String> args = new ArrayList<>(List.of("--data", data.toString(), "--lang", "en"));
        args.addAll(List.of(db));
        args.addAll(List.of("staff", "add", "--username", "admin", "--name", "Admin Kantor", "--role", "ADMIN"));
        java.io.InputStream in = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream((id.loket.testing.TestSessions.PASSWORD + "\n").getBytes()));
            return Cli.loket(args.toArray(String[]::new));
        } finally {
            System.setIn(in);
        }
    }

    @Test
    void aServerGivenOnceIsRememberedByThePcAndEveryCommandAnswersAsOnTheH2File() throws Exception {
        try (TestDatabase.PostgresSchema pg = TestDatabase.postgresSchema("OfficeServerCommandIT_remembered")) {
            Path pc = dir.resolve("pc");
            Path pw = pg.passwordFile(dir);
            Cli.Run made = addAdmin(pc, "--db", pg.url(), "--db-user", pg.user(), "--db-password-file", pw.toString());
            assertThat(made.code()).as(made.err()).isZero();

            // the PC remembers the server, never its password; the data folder has no H2 file
            String remembered = Files.readString(pc.resolve(PcSettings.FILE));
            assertThat(remembered).contains("db.url=").contains("db.user=" + pg.user()).doesNotContain("db.password=");
            assertThat(pc.resolve("loket.mv.db")).doesNotExist();

            // without --db the next command works on the server: the account is there
            Cli.Run listed = loket("--data", pc, "--lang", "en", "staff", "list", admin().get(0), admin().get(1), admin().get(2), admin().get(3));
            assertThat(listed.code()).as(listed.err()).isZero();
            assertThat(listed.out()).contains("admin");
            try (Database server = pg.open()) {
                assertThat(server.dsl().fetchCount(id.loket.db.jooq.Tables.STAFF)).isEqualTo(1);
            }

            // the same command on an H2 folder prints the same
            Path h2 = dir.resolve("h2");
            assertThat(addAdmin(h2).code()).isZero();
            Cli.Run onH2 = loket("--data", h2, "--lang", "en", "staff", "list", admin().get(0), admin().get(1), admin().get(2), admin().get(3));
            assertThat(onH2.out()).isEqualTo(listed.out());
            Cli.Run holidaysPg = loket("--data", pc, "--lang", "en", "holidays", "list", "--year", "2026");
            Cli.Run holidaysH2 = loket("--data", h2, "--lang", "en", "holidays", "list", "--year", "2026");
            assertThat(holidaysPg.code()).isZero();
            assertThat(holidaysPg.out()).isEqualTo(holidaysH2.out()).isNotBlank();

            // reports run as the server's read-only role, which the PC names
            String[] report = {"--data", pc.toString(), "--lang", "en", "report", "daily-summary", "--date", "2026-11-27", "--format", "csv",
                "--out", dir.resolve("summary.csv").toString(), admin().get(0), admin().get(1), admin().get(2), admin().get(3)};
            Cli.Run unnamed = Cli.loket(report);
            assertThat(unnamed.code()).isEqualTo(1);
            assertThat(unnamed.err().strip()).hasLineCount(1).contains("LOKET_DB_REPORT_USER");
            Path readerPw = dir.resolve("report-pw");
            Files.writeString(readerPw, System.getenv().getOrDefault("LOKET_TEST_PG_REPORT_PASSWORD", "loket_report") + "\n");
            PcSettings settings = new PcSettings(pc);
            settings.put(PcSettings.DB_REPORT_USER, System.getenv().getOrDefault("LOKET_TEST_PG_REPORT_USER", "loket_report"));
            settings.put(PcSettings.DB_REPORT_PASSWORD_FILE, readerPw.toString());
            Cli.Run named = Cli.loket(report);
            assertThat(named.code()).as(named.err()).isZero();
            assertThat(dir.resolve("summary.csv")).isNotEmptyFile();

            // a backup of the server's database is pg_dump's work, said in words
            Cli.Run backup = loket("--data", pc, "--lang", "en", "backup", "--out", dir.resolve("b.zip"), admin().get(0), admin().get(1),
                    admin().get(2), admin().get(3));
            assertThat(backup.code()).isEqualTo(1);
            assertThat(backup.err().strip()).contains("pg_dump").doesNotContain("Exception").hasLineCount(1);

            // --db local forgets the server: the folder's own H2 file again (a new, empty one)
            Cli.Run local = addAdmin(pc, "--db", "local");
            assertThat(local.code()).as(local.err()).isZero();
            assertThat(Files.readString(pc.resolve(PcSettings.FILE))).doesNotContain("db.url");
            assertThat(pc.resolve("loket.mv.db")).exists();
        }
    }

    @Test
    void wrongDatabaseOptionsAreOneLineAndTouchNothing() throws Exception {
        Path pc = dir.resolve("pc");
        Path pw = dir.resolve("pw");
        Files.writeString(pw, "x\n");
        for (String[] args : List.of(
                new String[] {"--db", "http://server/loket", "--db-user", "loket", "--db-password-file", pw.toString()},
                new String[] {"--db", "jdbc:postgresql://127.0.0.1:5432/loket", "--db-password-file", pw.toString()},
                new String[] {"--db", "jdbc:postgresql://127.0.0.1:5432/loket", "--db-user", "loket"},
                new String[] {"--db-user", "loket"},
                new String[] {"--db", "local", "--db-user", "loket"})) {
            List<String> all = new ArrayList<>(List.of("--data", pc.toString(), "--lang", "en"));
            all.addAll(List.of(args));
            all.addAll(List.of("holidays", "list", "--year", "2026"));
            Cli.Run run = Cli.loket(all.toArray(String[]::new));
            assertThat(run.code()).as(String.join(" ", args)).isIn(1, 2);
            assertThat(run.err().strip()).as(String.join(" ", args)).hasLineCount(1).doesNotContain("Exception").doesNotContain("\tat ");
        }
        assertThat(pc.resolve("loket.mv.db")).doesNotExist();
        assertThat(pc.resolve(PcSettings.FILE)).doesNotExist();
    }

    @Test
    void aServerThatDoesNotAnswerIsSaidInWords() throws Exception {
        Path pw = dir.resolve("pw");
        Files.writeString(pw, "x\n");
        Cli.Run run = loket("--data", dir.resolve("pc"), "--lang", "en", "--db", "jdbc:postgresql://127.0.0.1:1/loket", "--db-user", "loket",
                "--db-password-file", pw, "holidays", "list", "--year", "2026");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().strip()).hasLineCount(1).contains("does not answer").contains("127.0.0.1:1/loket");
    }

    @Test
    void aOneCounterOfficeMovesOntoTheServerWholeAndOnlyOntoAnEmptyOne() throws Exception {
        Path folder = dir.resolve("office");
        try (OfficeFixture office = new OfficeFixture(folder)) {
            List<Appointment> booked = office.booked(a -> true);
            for (int i = 0; i < 6; i++) {
                office.checkIn().checkIn(booked.get(i).id(), OfficeFixture.OFFICER);
            }
            CaseFile called = office.checkIn().callNext(OfficeFixture.OFFICER).orElseThrow();
            office.verification().reject(called.caseRef(), OfficeFixture.OFFICER, java.util.Set.of(id.loket.casefile.model.RejectionReason.values()[0]), "tes");
            office.checkIn().callNext(OfficeFixture.OFFICER_2).orElseThrow();
        }
        try (TestDatabase.PostgresSchema pg = TestDatabase.postgresSchema("OfficeServerCommandIT_copy")) {
            Path pw = pg.passwordFile(dir);
            List<String> args = new ArrayList<>(List.of("--lang", "en", "--db-user", pg.user(), "--db-password-file", pw.toString(),
                    "db", "copy", "--from-data", folder.toString(), "--to", pg.url()));
            args.addAll(admin());
            Cli.Run copy = Cli.loket(args.toArray(String[]::new));
            assertThat(copy.code()).as(copy.out() + copy.err()).isZero();
            assertThat(copy.out()).contains("case_file: 6 rows").contains("The audit trail on the server: Audit trail intact: ").doesNotContain("staff_session");

            // every table holds the same rows, the outbox and the audit chain in the same order with the same hashes
            try (Connection h2 = PlainJdbc.open(folder); Connection server = java.sql.DriverManager.getConnection(pg.url(), pg.user(), pg.password())) {
                for (String table : List.of("appointment", "case_file", "case_document", "staff", "setting", "holiday", "day_sequence")) {
                    assertThat(count(server, table)).as(table).isEqualTo(count(h2, table)).isPositive();
                }
                assertThat(rows(server, "SELECT seq, case_ref, event_type FROM outbox_event ORDER BY seq"))
                        .isEqualTo(rows(h2, "SELECT seq, case_ref, event_type FROM outbox_event ORDER BY seq")).isNotEmpty();
                assertThat(rows(server, "SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq"))
                        .isEqualTo(rows(h2, "SELECT seq, prev_hash, hash FROM audit_log ORDER BY seq")).isNotEmpty();
            }

            // the server goes on numbering after the copied rows
            Path desk = dir.resolve("desk");
            Cli.Run audit = loket("--data", desk, "--lang", "en", "--db", pg.url(), "--db-user", pg.user(), "--db-password-file", pw,
                    "audit", "verify", admin().get(0), admin().get(1), admin().get(2), admin().get(3));
            assertThat(audit.code()).as(audit.out() + audit.err()).isZero();
            assertThat(audit.out()).contains("intact");

            // a second copy finds the server in use and changes nothing
            long before;
            try (Connection server = java.sql.DriverManager.getConnection(pg.url(), pg.user(), pg.password())) {
                before = count(server, "audit_log");
            }
            Cli.Run again = Cli.loket(args.toArray(String[]::new));
            assertThat(again.code()).isEqualTo(1);
            assertThat(again.err().strip()).hasLineCount(1).contains("already holds office data");
            try (Connection server = java.sql.DriverManager.getConnection(pg.url(), pg.user(), pg.password())) {
                assertThat(count(server, "audit_log")).isEqualTo(before);
            }
        }
    }

    private static long count(Connection c, String table) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<String> rows(Connection c, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    b.append(rs.getString(i)).append('|');
                }
                out.add(b.toString());
            }
        }
        return out;
    }
}
