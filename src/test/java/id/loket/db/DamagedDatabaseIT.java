package id.loket.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import id.loket.settings.repo.SettingsRepository;
import id.loket.testing.StorageFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database file that is empty, short, cut off or missing is never replaced by a new empty
 * database: it is moved aside, and the refusal says how to restore the last backup. Only a
 * folder that never had a database starts empty.
 */
class DamagedDatabaseIT {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("loket.mv.db");
    }

    /** A folder with a real database in it, as a desk leaves it. */
    private void realFolder(int appointments) {
        try (Database db = Database.openFolder(dir)) {
            new SettingsRepository(db.dsl()).put(SettingsRepository.OFFICE_CODE, "DPS");
            if (appointments > 0) {
                StorageFixture.store(db, StorageFixture.appointments(3, appointments));
            }
        }
    }

    @Test
    void onlyAFolderThatNeverHadADatabaseStartsEmpty() {
        Database.openFolder(dir).close();
        assertThat(file()).exists();
        assertThat(dir.resolve("loket.id")).exists();
    }

    @Test
    void anEmptyFileIsMovedAsideAndNotReplaced() throws Exception {
        realFolder(0);
        Files.write(file(), new byte[0]);

        UserFacingException e = refusal();
        assertThat(e.key()).isEqualTo("data.damagedMovedAsideNoBackup");
        assertThat(e.args()).contains(DatabaseDamage.EMPTY);
        Path moved = movedAside();
        assertThat(Files.size(moved)).isZero();
        assertThat(file()).doesNotExist();
        assertThat(refusal().key()).as("the next start does not make an empty database either").isEqualTo("data.missingNoBackup");
        assertThat(file()).doesNotExist();
    }

    @Test
    void fourKibOfGarbageIsMovedAsideAsItWas() throws Exception {
        realFolder(0);
        byte[] garbage = new byte[4096];
        new Random(9).nextBytes(garbage);
        Files.write(file(), garbage);

        UserFacingException e = refusal();
        assertThat(e.key()).isEqualTo("data.damagedMovedAsideNoBackup");
        assertThat(e.args()).contains(DatabaseDamage.NOT_H2);
        assertThat(Files.readAllBytes(movedAside())).isEqualTo(garbage);
        assertThat(file()).doesNotExist();
    }

    @Test
    void aRealFileCutOffAtABlockIsMovedAsideInsteadOfOpeningAnOlderState() throws Exception {
        realFolder(300);
        byte[] whole = Files.readAllBytes(file());
        int cut = (whole.length / 2) / DataFolder.BLOCK * DataFolder.BLOCK;
        byte[] half = Arrays.copyOf(whole, cut);
        Files.write(file(), half);

        UserFacingException e = refusal();
        assertThat(e.key()).isEqualTo("data.damagedMovedAsideNoBackup");
        assertThat(e.args()).containsAnyOf(DatabaseDamage.CUT_OFF, DatabaseDamage.UNREADABLE);
        assertThat(Files.readAllBytes(movedAside())).isEqualTo(half);
    }

    @Test
    void aRealFileCutOffMidBlockIsMovedAside() throws Exception {
        realFolder(300);
        byte[] whole = Files.readAllBytes(file());
        byte[] cut = Arrays.copyOf(whole, whole.length - 1000);
        Files.write(file(), cut);

        UserFacingException e = refusal();
        assertThat(e.args()).contains(DatabaseDamage.SHORT);
        assertThat(Files.readAllBytes(movedAside())).isEqualTo(cut);
    }

    @Test
    void aMissingFileWhereTheIdAndKeyExistIsRefusedNotStartedAfresh() throws Exception {
        realFolder(0);
        Path key = KeyFile.defaultFor(dir);
        Files.delete(file());
        assertThat(key).exists();

        UserFacingException e = refusal();
        assertThat(e.key()).isEqualTo("data.missingNoBackup");
        assertThat(file()).doesNotExist();
        assertThat(Messages.forLanguage("en").of(e)).contains("loket restore FILE").doesNotContain("{");
    }

    @Test
    void theRefusalNamesTheNewestBackupAndTheRestoreCommand() throws Exception {
        realFolder(0);
        Path backups = Files.createDirectories(dir.resolve("backups"));
        Path older = Files.writeString(backups.resolve("loket-20261201-180000.zip"), "x");
        Path newer = Files.writeString(backups.resolve("loket-20261202-180000.zip"), "x");
        Files.setLastModifiedTime(older, FileTime.fromMillis(1_000_000_000_000L));
        Files.setLastModifiedTime(newer, FileTime.fromMillis(1_100_000_000_000L));
        Files.write(file(), new byte[0]);

        UserFacingException e = refusal();
        assertThat(e.key()).isEqualTo("data.damagedMovedAside");
        String en = Messages.forLanguage("en").of(e);
        assertThat(en).contains("loket restore \"" + newer.toAbsolutePath() + "\"").contains(movedAside().getFileName().toString());
        assertThat(Messages.forLanguage("id").of(e)).contains("loket restore").contains("kosong");
    }

    @Test
    void aDamagedFileOfAnEarlierLoketWithoutIdIsNotFollowedByAnEmptyDatabase() throws Exception {
        Files.createDirectories(dir);
        Files.writeString(file(), "an earlier Loket's file, damaged ".repeat(300));

        assertThat(refusal().key()).isEqualTo("data.damagedMovedAsideNoBackup");
        assertThat(refusal().key()).isEqualTo("data.missingNoBackup");
        assertThat(file()).doesNotExist();
    }

    @Test
    void theRefusalFreesTheFolder() throws Exception {
        realFolder(0);
        Files.write(file(), new byte[0]);
        refusal();
        assertThat(refusal().key()).as("not 'in use'").isEqualTo("data.missingNoBackup");
    }

    private UserFacingException refusal() {
        try {
            Database.openFolder(dir).close();
        } catch (UserFacingException e) {
            return e;
        }
        throw new AssertionError("the folder opened");
    }

    private Path movedAside() throws Exception {
        try (var s = Files.list(dir)) {
            List<Path> moved = s.filter(p -> p.getFileName().toString().matches("loket\\.mv\\.db\\.damaged-\\d{8}-\\d{6}(-\\d+)?")).toList();
            assertThat(moved).hasSize(1);
            return moved.get(0);
        }
    }
}
