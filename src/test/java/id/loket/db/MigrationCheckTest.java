package id.loket.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.common.model.UserFacingException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** The cheap "nothing to migrate" check at every start, and that Flyway still runs when there is something. */
class MigrationCheckTest {

    private static JdbcDataSource database() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        return ds;
    }

    private static Map<String, MigrationCheck.Script> shipped() {
        return MigrationCheck.shipped(MigrationCheckTest.class.getClassLoader()).orElseThrow();
    }

    private static String newest() {
        return shipped().keySet().stream().max((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b))).orElseThrow();
    }

    private static long count(JdbcDataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(JdbcDataSource ds, String sql) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void shippedScriptsAreReadWithFlywaysChecksums() {
        Flyway flyway = Flyway.configure().dataSource(database()).locations("classpath:db/migration").load();
        Map<String, MigrationCheck.Script> shipped = shipped();
        assertThat(shipped).hasSize(flyway.info().all().length);
        for (var info : flyway.info().all()) {
            assertThat(shipped.get(MigrationCheck.normalize(info.getVersion().getVersion())).checksum())
                    .as("checksum of %s", info.getScript()).isEqualTo(info.getChecksum());
        }
    }

    @Test
    void checksumIgnoresLineEndingsAndTheByteOrderMark() throws Exception {
        int lf = MigrationCheck.checksum(new ByteArrayInputStream("CREATE TABLE a (x INT);\nSELECT 1;\n".getBytes(StandardCharsets.UTF_8)));
        int crlf = MigrationCheck.checksum(new ByteArrayInputStream("\uFEFFCREATE TABLE a (x INT);\r\nSELECT 1;".getBytes(StandardCharsets.UTF_8)));
        assertThat(crlf).isEqualTo(lf);
        assertThat(MigrationCheck.normalize("1_01")).isEqualTo("1.1");
        assertThat(MigrationCheck.normalize("17.0")).isEqualTo("17");
    }

    @Test
    void aNewDatabaseIsMigratedThenFoundUpToDate() throws Exception {
        JdbcDataSource ds = database();
        assertThat(MigrationCheck.upToDate(ds)).isFalse(); // no history table yet
        Database.migrate(ds, "test");
        assertThat(MigrationCheck.upToDate(ds)).isTrue();
        // the check takes nothing away: a second migrate applies nothing
        long rows = count(ds, "SELECT COUNT(*) FROM flyway_schema_history");
        Database.migrate(ds, "test");
        assertThat(count(ds, "SELECT COUNT(*) FROM flyway_schema_history")).isEqualTo(rows);
    }

    @Test
    void aPendingMigrationIsStillApplied() throws Exception {
        JdbcDataSource ds = database();
        String newest = newest();
        String before = shipped().keySet().stream().filter(v -> !v.equals(newest))
                .max((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b))).orElseThrow();
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").target(before).load().migrate();
        assertThat(count(ds, "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '" + newest + "'")).isZero();
        assertThat(MigrationCheck.upToDate(ds)).isFalse();

        Database.migrate(ds, "test");

        assertThat(count(ds, "SELECT COUNT(*) FROM flyway_schema_history WHERE version = '" + newest + "' AND success")).isEqualTo(1);
        assertThat(MigrationCheck.upToDate(ds)).isTrue();
    }

    @Test
    void aChangedMigrationIsNotTakenForUpToDateAndFlywayRefusesIt() throws Exception {
        JdbcDataSource ds = database();
        Database.migrate(ds, "test");
        execute(ds, "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '1'");

        assertThat(MigrationCheck.upToDate(ds)).isFalse();
        assertThatThrownBy(() -> Database.migrate(ds, "test"))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("data.migrationFailed"));
    }

    @Test
    void aFailedMigrationIsNotTakenForUpToDate() throws Exception {
        JdbcDataSource ds = database();
        Database.migrate(ds, "test");
        execute(ds, "UPDATE flyway_schema_history SET success = FALSE WHERE version = '" + newest() + "'");
        assertThat(MigrationCheck.upToDate(ds)).isFalse();
    }
}
