package id.loket.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.common.model.UserFacingException;
import id.loket.settings.repo.SettingsRepository;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local database file: created, migrated, locked to one Loket, closed cleanly, never silently replaced. */
class DatabaseIT {

    @TempDir
    Path dir;

    @Test
    void whatWasCommittedIsThereAfterReopening() {
        try (Database db = Database.openFolder(dir)) {
            new SettingsRepository(db.dsl()).put("office.code", "DPS");
        }
        try (Database db = Database.openFolder(dir)) {
            assertThat(new SettingsRepository(db.dsl()).get("office.code")).contains("DPS");
        }
        assertThat(dir.resolve("loket.mv.db")).exists();
    }

    @Test
    void secondOpenOfTheSameFolderIsRefusedWithTheOwner() {
        try (Database first = Database.openFolder(dir)) {
            assertThatThrownBy(() -> Database.openFolder(dir))
                    .isInstanceOfSatisfying(UserFacingException.class, e -> {
                        assertThat(e.key()).isEqualTo("data.inUse");
                        assertThat(e.args()).contains(Long.toString(ProcessHandle.current().pid()));
                    });
        }
    }

    @Test
    void closingFreesTheFolderForTheNextLoket() {
        Database.openFolder(dir).close();

        try (Database again = Database.openFolder(dir)) {
            assertThat(again.dsl().fetchValue("select 1")).isEqualTo(1);
        }
    }

    @Test
    void failedTransactionLeavesNothingBehind() {
        try (Database db = Database.openFolder(dir)) {
            assertThatThrownBy(() -> db.inTransactionRun(tx -> {
                new SettingsRepository(tx).put("office.code", "DPS");
                throw new IllegalStateException("half way");
            })).hasMessageContaining("half way");

            assertThat(new SettingsRepository(db.dsl()).get("office.code")).isEmpty();
        }
    }

    @Test
    void damagedFileIsMovedAsideAndReported() throws Exception {
        Path file = dir.resolve("loket.mv.db");
        byte[] garbage = "this is not an H2 database, it was damaged".repeat(200).getBytes(StandardCharsets.US_ASCII);
        Files.write(file, garbage);

        assertThatThrownBy(() -> Database.openFolder(dir))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("data.damagedMovedAsideNoBackup"));
        try (var moved = Files.list(dir)) {
            assertThat(moved.filter(p -> p.getFileName().toString().startsWith("loket.mv.db.damaged-")))
                    .singleElement().satisfies(p -> assertThat(Files.readAllBytes(p)).isEqualTo(garbage));
        }
        assertThatThrownBy(() -> Database.openFolder(dir))
                .as("the refusal frees the folder: a second try says the file is missing, not 'in use', and makes no empty database")
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("data.missingNoBackup"));
        assertThat(file).doesNotExist();
    }

    /**
     * A command's brief opening leaves H2's compaction to the desk (it costs seconds at every
     * close of a large file); the desk's opening, closing once a day, compacts what was left.
     */
    @Test
    void aBriefOpeningClosesWithoutCompactingAndTheDesksCompactsWhatItLeft() throws Exception {
        Path data = dir.resolve("compact");
        try (Database db = Database.openFolder(data, null)) {
            db.dsl().execute("CREATE TABLE junk AS SELECT \"X\" AS n, CAST(RANDOM_UUID() AS VARCHAR) || CAST(RANDOM_UUID() AS VARCHAR)"
                    + " AS filler FROM SYSTEM_RANGE(1, 100000)");
        }
        try (Database db = Database.openFolderBriefly(data, null)) {
            db.dsl().execute("DROP TABLE junk");
        }
        long full = Files.size(data.resolve("loket.mv.db"));
        try (Database db = Database.openFolderBriefly(data, null)) {
            db.dsl().fetch("SELECT 1");
        }
        assertThat(Files.size(data.resolve("loket.mv.db"))).as("a brief opening leaves the file as it was").isGreaterThanOrEqualTo(full);

        try (Database db = Database.openFolder(data, null)) {
            db.dsl().fetch("SELECT 1");
        }
        assertThat(Files.size(data.resolve("loket.mv.db"))).as("the desk's close compacts").isLessThan(full / 2);
    }
}
