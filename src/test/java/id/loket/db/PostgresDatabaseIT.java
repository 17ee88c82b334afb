package id.loket.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.common.model.UserFacingException;
import id.loket.settings.repo.SettingsRepository;
import id.loket.testing.TestDatabase;
import java.nio.file.Path;
import java.util.List;
import org.jooq.SQLDialect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a PostgreSQL database: the same migrations as on H2, run once, into the schema the
 * URL chooses; refusals that name the server without its password. Needs the server of
 * {@link TestDatabase} ({@code .ci/run} provides it).
 */
class PostgresDatabaseIT {

    @TempDir
    Path dir;

    @Test
    void migratesAFreshSchemaOnceAndASecondDeskSharesIt() {
        try (TestDatabase pg = TestDatabase.open(TestDatabase.Backend.POSTGRES, dir, "postgres_database_migrates")) {
            Database db = pg.db();
            assertThat(db.dialect()).isEqualTo(SQLDialect.POSTGRES);
            assertThat(db.dsl().fetchValue("select current_schema()")).isEqualTo("it_postgres_database_migrates");
            assertThat(db.dsl().fetch("select version from flyway_schema_history where success order by installed_rank")
                    .getValues(0, String.class)).as("every migration in db/migration, once, in order").containsExactlyElementsOf(migrationVersions());
            List<String> tables = db.dsl().fetch("select table_name from information_schema.tables where table_schema = current_schema()")
                    .getValues(0, String.class);
            assertThat(tables).contains("appointment", "staff", "setting", "case_file", "case_document", "audit_log", "outbox_event",
                    "day_sequence", "holiday", "case_receipt", "sync_conflict", "push_status");
            new SettingsRepository(db.dsl()).put("office.code", "DPS");

            try (Database second = pg.openAgain()) {
                assertThat(new SettingsRepository(second.dsl()).get("office.code")).contains("DPS");
                assertThat(second.dsl().fetchCount(org.jooq.impl.DSL.table("flyway_schema_history")))
                        .as("the second desk migrates nothing again").isEqualTo(migrationVersions().size());
            }
        }
    }

    @Test
    void anAddressThatIsNotPostgresIsRefused() {
        assertThatThrownBy(() -> Database.openPostgres("jdbc:h2:mem:x?password=s3cret", "loket", "loket"))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.key()).isEqualTo("data.notPostgresUrl");
                    assertThat(e.args()).containsExactly("jdbc:h2:mem:x");
                });
    }

    @Test
    void aServerThatDoesNotAnswerIsReportedWithoutTheUrlsParameters() {
        assertThatThrownBy(() -> Database.openPostgres("jdbc:postgresql://127.0.0.1:1/loket_test?password=s3cret&connectTimeout=5",
                "loket", "loket"))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.key()).isEqualTo("data.serverUnreachable");
                    assertThat(e.args()).containsExactly("jdbc:postgresql://127.0.0.1:1/loket_test");
                });
    }

    /** The versions of the migration files, in order: V1__x.sql → "1". */
    private static List<String> migrationVersions() {
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(Path.of("db", "migration"))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__"))).sorted(java.util.Comparator.comparingInt(Integer::parseInt)).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
