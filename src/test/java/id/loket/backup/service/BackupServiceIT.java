package id.loket.backup.service;

import static id.loket.db.jooq.Tables.AUDIT_LOG;
import static id.loket.db.jooq.Tables.SETTING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.appointment.model.Appointment;
import id.loket.backup.model.AfterRestore;
import id.loket.backup.model.BackupResult;
import id.loket.backup.model.RestoreResult;
import id.loket.common.model.UserFacingException;
import id.loket.db.Database;
import id.loket.settings.repo.SettingsRepository;
import id.loket.staff.model.Role;
import id.loket.staff.model.Session;
import id.loket.staff.service.Authorization;
import id.loket.testing.StorageFixture;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups made while the database serves, kept encrypted, pruned to the last N; restores that check the key first. */
class BackupServiceIT {

    private static final ZoneId ZONE = ZoneId.of("Asia/Makassar");

    @TempDir
    Path tmp;

    private Path dir;
    private Database db;
    private Session admin;
    private final List<Appointment> day = StorageFixture.appointments(11, 30);

    @BeforeEach
    void open() {
        dir = tmp.resolve("data");
        db = Database.openFolder(dir);
        StorageFixture.store(db, day);
        admin = StorageFixture.signedIn(db, "admin", Role.ADMIN);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private BackupService service(Clock clock) {
        return new BackupService(db, new Authorization(db), clock, AfterRestore.NONE);
    }

    private BackupService service() {
        return service(Clock.system(ZONE));
    }

    private String setting(String key) {
        return new SettingsRepository(db.dsl()).get(key).orElse(null);
    }

    @Test
    void aBackupIsMadeWhileAnotherConnectionKeepsWriting() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger written = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                while (!stop.get()) {
                    int i = written.get();
                    db.inTransactionRun(tx -> new SettingsRepository(tx).put("test.write." + i, "v" + i));
                    written.incrementAndGet();
                }
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "writer");
        writer.start();
        while (written.get() < 50) {
            Thread.sleep(5);
        }
        int before = written.get();
        BackupResult made = service().backup(admin, tmp.resolve("out").resolve("during.zip"));
        int after = written.get();
        Thread.sleep(200);
        stop.set(true);
        writer.join(10_000);

        assertThat(failure.get()).as("the writer was never refused or stalled").isNull();
        assertThat(after).as("writes went on during the backup").isGreaterThan(before);
        assertThat(made.bytes()).isEqualTo(Files.size(made.file()));

        Path copy = tmp.resolve("copy");
        try (Database restored = BackupService.restoreIntoFolderWithoutDatabase(copy, db.keyFile().orElseThrow().path(), made.file(), Clock.systemUTC()).database()) {
            int rows = restored.dsl().fetchCount(SETTING, SETTING.SETTING_KEY.startsWith("test.write."));
            assertThat(rows).as("a consistent state between the start and the end of the backup").isBetween(before, after + 1);
            for (int i = 0; i < rows; i++) {
                assertThat(new SettingsRepository(restored.dsl()).get("test.write." + i)).as("no gap: row " + i).contains("v" + i);
            }
        }
    }

    @Test
    void theBackupStaysEncrypted() throws Exception {
        new SettingsRepository(db.dsl()).put(SettingsRepository.CENTRAL_TOKEN, "tok-77aa55cc33ee11");
        BackupResult made = service().backup(admin, tmp.resolve("b.zip"));

        Appointment someone = day.get(3);
        Path unzipped = tmp.resolve("unzipped.mv.db");
        try (ZipFile zip = new ZipFile(made.file().toFile()); InputStream in = zip.getInputStream(zip.getEntry("loket.mv.db"))) {
            Files.copy(in, unzipped);
        }
        for (Path f : List.of(made.file(), unzipped)) {
            assertThat(StorageFixture.fileContains(f, someone.applicant().nik())).as("NIK in " + f.getFileName()).isFalse();
            assertThat(StorageFixture.fileContains(f, someone.applicant().fullName())).as("name in " + f.getFileName()).isFalse();
            assertThat(StorageFixture.fileContains(f, "tok-77aa55cc33ee11")).as("token in " + f.getFileName()).isFalse();
        }
        assertThat(Files.readString(unzipped, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("H2encrypt\n");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(made.file()))).isEqualTo("rw-------");
    }

    @Test
    void aBackupIsAuditedWithWhoMadeIt() {
        service().backup(admin, tmp.resolve("b.zip"));
        assertThat(db.dsl().selectFrom(AUDIT_LOG).where(AUDIT_LOG.ACTION.eq("BACKUP_MADE")).fetch())
                .singleElement().satisfies(r -> {
                    assertThat(r.getOfficer()).isEqualTo("admin");
                    assertThat(r.getCaseRef()).isNull();
                    assertThat(r.getDetails()).contains("b.zip");
                });
    }

    @Test
    void aCounterOfficerMayNotMakeABackup() {
        Session counter = StorageFixture.signedIn(db, "petugas1", Role.COUNTER);
        assertThatThrownBy(() -> service().backup(counter, tmp.resolve("b.zip")))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("auth.forbidden"));
        assertThat(tmp.resolve("b.zip")).doesNotExist();
        assertThatThrownBy(() -> service().backup(new Session("forged", Session.Kind.STAFF, "admin", "Siti", Role.ADMIN, null, null), tmp.resolve("b.zip")))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("auth.sessionUnknown"));
    }

    @Test
    void aBackupIsNeverWrittenOverTheDatabase() throws Exception {
        byte[] before = Files.readAllBytes(dir.resolve("loket.id"));
        assertThatThrownBy(() -> service().backup(admin, dir.resolve("loket.mv.db")))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("backup.outIsDatabase"));
        assertThatThrownBy(() -> service().backup(admin, dir.resolve("loket.id")))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("backup.outIsDatabase"));
        assertThat(Files.readAllBytes(dir.resolve("loket.id"))).isEqualTo(before);
        assertThat(setting(SettingsRepository.OFFICE_CODE)).isNull();
    }

    @Test
    void theDailyBackupKeepsTheLastOnesTheSettingSays() throws Exception {
        new SettingsRepository(db.dsl()).put(BackupService.KEEP_SETTING, "3");
        Path backups = dir.resolve("backups");
        Files.createDirectories(backups);
        Path manual = Files.writeString(backups.resolve("before-upgrade.zip"), "kept by hand");
        Instant day1 = Instant.parse("2026-12-01T10:00:00Z");
        for (int d = 0; d < 5; d++) {
            service(Clock.fixed(day1.plus(Duration.ofDays(d)), ZONE)).dailyBackup(admin);
        }
        try (var files = Files.list(backups)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted()).containsExactly(
                    "before-upgrade.zip", "loket-20261203-180000.zip", "loket-20261204-180000.zip", "loket-20261205-180000.zip");
        }
        assertThat(manual).exists();
        BackupResult sixth = service(Clock.fixed(day1.plus(Duration.ofDays(5)), ZONE)).dailyBackup(admin);
        assertThat(sixth.removed()).extracting(p -> p.getFileName().toString()).containsExactly("loket-20261203-180000.zip");
    }

    @Test
    void aBadKeepSettingIsRefusedInWords() {
        new SettingsRepository(db.dsl()).put(BackupService.KEEP_SETTING, "-2");
        assertThatThrownBy(() -> service().dailyBackup(admin))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("backup.badKeep"));
    }

    @Test
    void aRestoreBringsBackWhatTheBackupHeldAndKeepsTheReplacedDatabase() throws Exception {
        new SettingsRepository(db.dsl()).put(SettingsRepository.OFFICE_NAME, "before the backup");
        Path backup = service().backup(admin, tmp.resolve("b.zip")).file();
        new SettingsRepository(db.dsl()).put(SettingsRepository.OFFICE_NAME, "after the backup");
        new SettingsRepository(db.dsl()).put("test.after", "x");

        RestoreResult result = service().restore(admin, backup);

        assertThat(setting(SettingsRepository.OFFICE_NAME)).isEqualTo("before the backup");
        assertThat(setting("test.after")).isNull();
        assertThat(result.keptAs()).get().satisfies(p -> {
            assertThat(p.getFileName().toString()).matches("loket\\.mv\\.db\\.before-restore-\\d{8}-\\d{6}");
            assertThat(p).exists();
        });
        assertThat(db.dsl().selectFrom(AUDIT_LOG).where(AUDIT_LOG.ACTION.eq("RESTORED")).fetch())
                .singleElement().satisfies(r -> assertThat(r.getOfficer()).isEqualTo("admin"));
        assertThat(result.check().status()).isEqualTo(id.loket.backup.model.RestoreCheck.Status.NOT_CHECKED);
        db.close();
        try (Database again = Database.openFolder(dir)) {
            assertThat(new SettingsRepository(again.dsl()).get(SettingsRepository.OFFICE_NAME)).contains("before the backup");
        }
    }

    @Test
    void aBackupOfAnotherFolderIsRefusedAndNothingChanges() throws Exception {
        Path otherBackup;
        Path other = tmp.resolve("other");
        try (Database o = Database.openFolder(other)) {
            Session otherAdmin = StorageFixture.signedIn(o, "admin", Role.ADMIN);
            otherBackup = new BackupService(o, new Authorization(o), Clock.systemUTC(), AfterRestore.NONE).backup(otherAdmin, tmp.resolve("other.zip")).file();
        }
        new SettingsRepository(db.dsl()).put(SettingsRepository.OFFICE_NAME, "mine");
        byte[] mine = Files.readAllBytes(dir.resolve("loket.id"));

        assertThatThrownBy(() -> service().restore(admin, otherBackup))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("restore.otherKey"));

        assertThat(setting(SettingsRepository.OFFICE_NAME)).as("still open and the same").isEqualTo("mine");
        assertThat(Files.readAllBytes(dir.resolve("loket.id"))).isEqualTo(mine);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("before-restore") || n.startsWith(".restore"));
        }
    }

    @Test
    void aFileThatIsNoBackupIsRefused() throws Exception {
        Path junk = Files.writeString(tmp.resolve("junk.zip"), "not a zip");
        assertThatThrownBy(() -> service().restore(admin, junk))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("restore.notBackup"));
        assertThatThrownBy(() -> service().restore(admin, tmp.resolve("absent.zip")))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("restore.noFile"));
        assertThat(db.dsl().fetchValue("select 1")).isEqualTo(1);
    }

    @Test
    void onlyAnAdministratorRestores() throws Exception {
        Path backup = service().backup(admin, tmp.resolve("b.zip")).file();
        Session supervisor = StorageFixture.signedIn(db, "supervisor", Role.SUPERVISOR);
        new SettingsRepository(db.dsl()).put("test.after", "x");
        assertThatThrownBy(() -> service().restore(supervisor, backup))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("auth.forbidden"));
        assertThat(setting("test.after")).isEqualTo("x");
    }

    @Test
    void aFolderWhoseDamagedFileWasMovedAsideIsRestoredWithItsKey() throws Exception {
        new SettingsRepository(db.dsl()).put(SettingsRepository.OFFICE_NAME, "in the backup");
        Path backup = service().dailyBackup(admin).file();
        db.close();
        Files.write(dir.resolve("loket.mv.db"), new byte[0]);
        assertThatThrownBy(() -> Database.openFolder(dir))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.key()).isEqualTo("data.damagedMovedAside");
                    assertThat(e.args()).contains(backup);
                });

        try (Database restored = BackupService.restoreIntoFolderWithoutDatabase(dir, null, backup, Clock.systemUTC()).database()) {
            assertThat(new SettingsRepository(restored.dsl()).get(SettingsRepository.OFFICE_NAME)).contains("in the backup");
            assertThat(restored.dsl().selectFrom(AUDIT_LOG).where(AUDIT_LOG.ACTION.eq("RESTORED")).fetch())
                    .singleElement().satisfies(r -> assertThat(r.getOfficer()).isEqualTo("-"));
        }
        db = Database.openFolder(dir);
    }

    @Test
    void aNewFolderOnAnotherMachineIsRestoredWithTheKeyNamedByTheBackupsFolderId() throws Exception {
        Path backup = service().backup(admin, tmp.resolve("b.zip")).file();
        Path fresh = tmp.resolve("new-pc");
        try (Database restored = BackupService.restoreIntoFolderWithoutDatabase(fresh, null, backup, Clock.systemUTC()).database()) {
            assertThat(restored.auditKey()).isEqualTo(db.auditKey());
        }
        assertThat(Files.readString(fresh.resolve("loket.id"))).isEqualTo(Files.readString(dir.resolve("loket.id")));
    }

    @Test
    void restoringIntoAFolderThatIsOpenIsRefused() throws Exception {
        Path backup = service().backup(admin, tmp.resolve("b.zip")).file();
        assertThatThrownBy(() -> BackupService.restoreIntoFolderWithoutDatabase(dir, null, backup, Clock.systemUTC()))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("data.inUse"));
        assertThat(db.dsl().fetchValue("select 1")).isEqualTo(1);
    }

    @Test
    void aFolderWithADatabaseIsNotReplacedWithoutSignIn() throws Exception {
        Path backup = service().backup(admin, tmp.resolve("b.zip")).file();
        db.close();
        assertThatThrownBy(() -> BackupService.restoreIntoFolderWithoutDatabase(dir, null, backup, Clock.systemUTC()))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("restore.hasDatabase"));
        db = Database.openFolder(dir);
    }
}
