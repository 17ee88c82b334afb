package id.loket.app;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.db.Database;
import id.loket.settings.repo.SettingsRepository;
import id.loket.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code loket backup} and {@code loket restore} as an administrator runs them on a folder being set up (no account yet). */
class BackupCommandIT {

    @TempDir
    Path tmp;

    /** A setting changed as Loket changes it (audited, the chain's head signed). */
    private void put(Path data, String key, String value) {
        try (AppContext app = AppContext.open(data, java.time.Clock.systemUTC(), id.loket.common.i18n.Messages.forLanguage("en"))) {
            app.settings().put(key, value);
        }
    }

    private String get(Path data, String key) {
        try (Database db = Database.openFolder(data)) {
            return new SettingsRepository(db.dsl()).get(key).orElse(null);
        }
    }

    @Test
    void aBackupIsWrittenAndRestoredOnTheCommandLine() throws Exception {
        Path data = tmp.resolve("data");
        Path out = tmp.resolve("b.zip");
        put(data, SettingsRepository.OFFICE_NAME, "in the backup");

        Cli.Run backup = Cli.loket("--data", data.toString(), "--lang", "en", "backup", "--out", out.toString());
        assertThat(backup.code()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("Backup written: " + out.toAbsolutePath());
        assertThat(out).exists();

        put(data, SettingsRepository.OFFICE_NAME, "after the backup");
        Cli.Run restore = Cli.loket("--data", data.toString(), "--lang", "en", "restore", out.toString());
        assertThat(restore.code()).as(restore.out() + restore.err()).isZero();
        assertThat(restore.out()).contains("Restored from " + out).contains("loket.mv.db.before-restore-")
                .containsPattern("audit chain is whole; entries \\d+ to \\d+, made after the backup, went with the restore");
        assertThat(get(data, SettingsRepository.OFFICE_NAME)).isEqualTo("in the backup");
    }

    @Test
    void aRestoreIsRefusedWhileADeskHasTheFolderOpen() throws Exception {
        Path data = tmp.resolve("data");
        Path out = tmp.resolve("b.zip");
        assertThat(Cli.loket("--data", data.toString(), "backup", "--out", out.toString()).code()).isZero();
        try (Database desk = Database.openFolder(data)) {
            new SettingsRepository(desk.dsl()).put(SettingsRepository.OFFICE_NAME, "the desk's");
            Cli.Run restore = Cli.loket("--data", data.toString(), "--lang", "en", "restore", out.toString());
            assertThat(restore.code()).isEqualTo(1);
            assertThat(restore.err().strip()).startsWith("Another Loket is using the data folder").doesNotContain("\n").doesNotContain("Exception");
            assertThat(new SettingsRepository(desk.dsl()).get(SettingsRepository.OFFICE_NAME)).contains("the desk's");
        }
        try (var files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("before-restore"));
        }
    }

    @Test
    void anotherFoldersBackupIsRefusedInOneLine() throws Exception {
        Path other = tmp.resolve("other");
        Path out = tmp.resolve("other.zip");
        assertThat(Cli.loket("--data", other.toString(), "backup", "--out", out.toString()).code()).isZero();
        Path data = tmp.resolve("data");
        put(data, SettingsRepository.OFFICE_NAME, "mine");

        Cli.Run restore = Cli.loket("--data", data.toString(), "--lang", "en", "restore", out.toString());
        assertThat(restore.code()).isEqualTo(1);
        assertThat(restore.err().strip()).contains("was made in another data folder. Nothing was changed.").doesNotContain("\n");
        assertThat(get(data, SettingsRepository.OFFICE_NAME)).isEqualTo("mine");
    }

    @Test
    void aBackupIsRestoredIntoANewFolderWithTheKeyFile() throws Exception {
        Path data = tmp.resolve("data");
        Path out = tmp.resolve("b.zip");
        put(data, SettingsRepository.OFFICE_NAME, "office");
        assertThat(Cli.loket("--data", data.toString(), "backup", "--out", out.toString()).code()).isZero();
        Path key = tmp.resolve("usb").resolve("office.key");
        Files.createDirectories(key.getParent());
        Files.copy(id.loket.db.KeyFile.defaultFor(data), key);

        Path fresh = tmp.resolve("new-pc");
        Cli.Run restore = Cli.loket("--data", fresh.toString(), "--key-file", key.toString(), "--lang", "en", "restore", out.toString());
        assertThat(restore.code()).as(restore.out() + restore.err()).isZero();
        assertThat(restore.out()).contains("into a data folder that had no database");
        try (Database db = Database.openFolder(fresh, key)) {
            assertThat(new SettingsRepository(db.dsl()).get(SettingsRepository.OFFICE_NAME)).contains("office");
        }
    }

    @Test
    void aBackupRestoredWhereTheDamagedFileWasMovedAsideLeavesAnIntactSignedAuditTrail() throws Exception {
        Path data = tmp.resolve("data");
        Path out = tmp.resolve("b.zip");
        withAdmin(data);
        put(data, SettingsRepository.OFFICE_NAME, "in the backup");
        assertThat(Cli.loket(args(data, "backup", "--out", out.toString())).code()).isZero();
        put(data, SettingsRepository.OFFICE_NAME, "after the backup"); // the signed head moves past the backup
        Files.write(data.resolve("loket.mv.db"), new byte[0]);

        Cli.Run restore = Cli.loket(args(data, "restore", out.toString()));
        assertThat(restore.code()).as(restore.out() + restore.err()).isZero();
        assertThat(restore.err()).contains("damaged").doesNotContain("Exception");
        assertThat(restore.out()).contains("into a data folder that had no database").contains("audit chain is whole; its head was signed again");
        try (var files = Files.list(data)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("the head of the database that is gone, kept with it")
                    .anyMatch(n -> n.startsWith("audit.head.before-restore-"));
        }
        Cli.Run verify = Cli.loket(args(data, "audit", "verify"));
        assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("intact");
        assertThat(get(data, SettingsRepository.OFFICE_NAME)).isEqualTo("in the backup");
    }

    @Test
    void aRestoreWhereTheDamagedFileWasMovedAsideWithoutSignInStandsAndSaysHowToCheckIt() throws Exception {
        Path data = tmp.resolve("data");
        Path out = tmp.resolve("b.zip");
        withAdmin(data);
        assertThat(Cli.loket(args(data, "backup", "--out", out.toString())).code()).isZero();
        Files.write(data.resolve("loket.mv.db"), new byte[0]);

        Cli.Run restore = Cli.loket("--data", data.toString(), "--lang", "en", "restore", out.toString());
        assertThat(restore.code()).isEqualTo(2);
        assertThat(restore.out()).contains("into a data folder that had no database");
        assertThat(restore.err()).contains("needs a login").contains("run the same restore again, signed in as an administrator")
                .doesNotContain("Exception");

        Cli.Run again = Cli.loket(args(data, "restore", out.toString()));
        assertThat(again.code()).as(again.out() + again.err()).isZero();
        assertThat(Cli.loket(args(data, "audit", "verify")).code()).isZero();
    }

    /** A folder with an administrator, who signs in with {@link Cli#signIn}. */
    private static void withAdmin(Path data) {
        try (Database db = Database.openFolder(data)) {
            id.loket.testing.TestSessions.account(db, "admin", "Siti Nurhaliza", id.loket.staff.model.Role.ADMIN);
        }
    }

    private static String[] args(Path data, String... command) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of("--data", data.toString(), "--lang", "en"));
        all.addAll(java.util.List.of(command));
        all.addAll(Cli.signIn("admin"));
        return all.toArray(String[]::new);
    }
}
