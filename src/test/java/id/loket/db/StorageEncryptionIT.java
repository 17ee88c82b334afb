package id.loket.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.appointment.model.Appointment;
import id.loket.appointment.repo.AppointmentRepository;
import id.loket.common.model.UserFacingException;
import id.loket.settings.repo.SettingsRepository;
import id.loket.testing.SimulatedCentral;
import id.loket.testing.StorageFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Personal data sealed at rest: the file is encrypted with the folder's key, which lives outside the folder. */
class StorageEncryptionIT {

    private static final String TOKEN = "tok-3f9a1c77e0b24d5e9b1a";

    @TempDir
    Path dir;

    private final List<Appointment> day = StorageFixture.appointments(7, 40);
    private final Appointment someone = day.get(0);

    @Test
    void theFileHoldsNoNameNikOrTokenOfWhatWasWritten() throws Exception {
        try (Database db = Database.openFolder(dir)) {
            StorageFixture.store(db, day);
            new SettingsRepository(db.dsl()).put(SettingsRepository.CENTRAL_TOKEN, TOKEN);
        }
        Path file = dir.resolve("loket.mv.db");
        assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).startsWith("H2encrypt\n");
        assertThat(StorageFixture.fileContains(file, someone.applicant().nik())).as("NIK").isFalse();
        assertThat(StorageFixture.fileContains(file, someone.applicant().fullName())).as("name").isFalse();
        assertThat(StorageFixture.fileContains(file, TOKEN)).as("token").isFalse();

        Path plain = plainFolder(dir.resolve("control"));
        assertThat(StorageFixture.fileContains(plain.resolve("loket.mv.db"), someone.applicant().fullName()))
                .as("the same check finds the name in a plain file").isTrue();
    }

    @Test
    void h2ShellOpensTheFileWithTheKeyAsTheDocsSay() throws Exception {
        Path keyPath;
        try (Database db = Database.openFolder(dir)) {
            new SettingsRepository(db.dsl()).put(SettingsRepository.OFFICE_CODE, "DPS");
            keyPath = db.keyFile().orElseThrow().path();
        }
        List<String> lines = Files.readAllLines(keyPath, StandardCharsets.US_ASCII);
        String url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("loket") + ";CIPHER=AES;DATABASE_TO_LOWER=TRUE;MODE=PostgreSQL";
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.h2.tools.Shell",
                "-url", url, "-user", "loket", "-password", lines.get(0) + " " + lines.get(1),
                "-sql", "SELECT setting_value FROM setting WHERE setting_key = 'office.code'").redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("DPS");
    }

    @Test
    void withoutTheKeyTheFileDoesNotOpen() throws Exception {
        Path keyPath;
        try (Database db = Database.openFolder(dir)) {
            keyPath = db.keyFile().orElseThrow().path();
        }
        String name = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("loket") + ";DATABASE_TO_LOWER=TRUE;IFEXISTS=TRUE";
        assertThatThrownBy(() -> DriverManager.getConnection(name, "loket", "")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> DriverManager.getConnection(name + ";CIPHER=AES", "loket", "0123456789abcdef0123456789abcdef x"))
                .isInstanceOf(SQLException.class);

        byte[] before = Files.readAllBytes(dir.resolve("loket.mv.db"));
        Files.delete(keyPath);
        assertThatThrownBy(() -> Database.openFolder(dir))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("key.missing"));
        assertThat(Files.readAllBytes(dir.resolve("loket.mv.db"))).isEqualTo(before);
    }

    @Test
    void anotherFoldersKeyIsRefusedAndTheFileLeftAsItIs() throws Exception {
        Path other = dir.resolve("other");
        Path otherKey;
        try (Database db = Database.openFolder(other)) {
            otherKey = db.keyFile().orElseThrow().path();
        }
        Path mine = dir.resolve("mine");
        Database.openFolder(mine).close();
        byte[] before = Files.readAllBytes(mine.resolve("loket.mv.db"));

        assertThatThrownBy(() -> Database.openFolder(mine, otherKey))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("key.doesNotFit"));
        assertThat(Files.readAllBytes(mine.resolve("loket.mv.db"))).isEqualTo(before);
        try (var files = Files.list(mine)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("damaged"));
        }
        Database.openFolder(mine).close();
    }

    @Test
    void aNewFolderGetsItsKeyOutsideTheFolderMode600() throws Exception {
        Path keyPath;
        try (Database db = Database.openFolder(dir)) {
            keyPath = db.keyFile().orElseThrow().path();
            assertThat(db.notices()).as("a new folder is said in the log, not on the console").isEmpty();
        }
        assertThat(keyPath).isEqualTo(KeyFile.defaultFor(dir));
        assertThat(keyPath.toAbsolutePath().startsWith(dir.toAbsolutePath())).isFalse();
        assertThat(keyPath.toString()).contains("test-config").endsWith(Files.readString(dir.resolve("loket.id")).strip() + ".key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyPath))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyPath.getParent()))).isEqualTo("rwx------");
        List<String> lines = Files.readAllLines(keyPath);
        assertThat(lines).hasSize(2).allMatch(l -> l.matches("[0-9a-f]{64}"));
        try (Database again = Database.openFolder(dir)) {
            assertThat(again.notices()).isEmpty();
            assertThat(again.auditKey()).hasSize(32).isEqualTo(KeyFile.read(keyPath).auditKey());
        }
    }

    @Test
    void anExplicitKeyFileIsMadeAndUsedWhereItIsNamed() throws Exception {
        Path key = dir.resolve("elsewhere").resolve("office.key");
        Path data = dir.resolve("data");
        Database.openFolder(data, key).close();
        assertThat(key).exists();
        assertThat(KeyFile.defaultFor(data)).doesNotExist();
        Database.openFolder(data, key).close();
        assertThatThrownBy(() -> Database.openFolder(data))
                .isInstanceOfSatisfying(UserFacingException.class, e -> assertThat(e.key()).isEqualTo("key.missing"));
    }

    @Test
    void aPlainFolderOfTheEarlierLoketIsEncryptedInPlaceKeepingItsData() throws Exception {
        plainFolder(dir);
        Path file = dir.resolve("loket.mv.db");
        assertThat(StorageFixture.fileContains(file, someone.applicant().nik())).isTrue();
        assertThat(dir.resolve("loket.id")).doesNotExist();

        try (Database db = Database.openFolder(dir)) {
            assertThat(db.notices()).extracting(Database.Notice::key).containsExactly("data.encryptedNow");
            assertThat(new AppointmentRepository(db.dsl()).countByDate(SimulatedCentral.OFFICE, SimulatedCentral.DAY)).isEqualTo(day.size());
            assertThat(new AppointmentRepository(db.dsl()).findById(someone.id()).orElseThrow().applicant().nik())
                    .isEqualTo(someone.applicant().nik());
            assertThat(new SettingsRepository(db.dsl()).get(SettingsRepository.CENTRAL_TOKEN)).contains(TOKEN);
        }
        assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).startsWith("H2encrypt\n");
        assertThat(StorageFixture.fileContains(file, someone.applicant().nik())).isFalse();
        assertThat(StorageFixture.fileContains(file, TOKEN)).isFalse();
        try (var left = Files.list(dir.resolve("backups"))) {
            assertThat(left).as("the plain copy was removed once the encrypted file was checked").isEmpty();
        }
        try (Database again = Database.openFolder(dir)) {
            assertThat(again.notices()).isEmpty();
        }
    }

    @Test
    void aPlainCopyLeftByAnEncryptionCutShortIsRemovedAtTheNextStart() throws Exception {
        Database.openFolder(dir).close();
        Path left = dir.resolve("backups").resolve("loket-before-encryption-20261201-080000.mv.db");
        Files.createDirectories(left.getParent());
        Files.writeString(left, "plain pages with " + someone.applicant().fullName());
        try (Database db = Database.openFolder(dir)) {
            assertThat(db.notices()).extracting(Database.Notice::key).containsExactly("data.plainCopyRemoved");
        }
        assertThat(left).doesNotExist();
    }

    @Test
    void theFolderIsTightenedToItsOwnerWithoutTouchingOtherFiles() throws Exception {
        Database.openFolder(dir).close();
        Files.setPosixFilePermissions(dir.resolve("loket.mv.db"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.createDirectories(dir.resolve("logs"));
        Files.writeString(dir.resolve("logs").resolve("loket.log"), "a log line\n");
        Files.createDirectories(dir.resolve("backups"));
        Files.writeString(dir.resolve("backups").resolve("old.zip"), "zip");
        Files.writeString(dir.resolve("notes.txt"), "someone's notes");
        for (Path p : List.of(dir.resolve("logs").resolve("loket.log"), dir.resolve("backups").resolve("old.zip"), dir.resolve("notes.txt"))) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        }
        for (Path p : List.of(dir, dir.resolve("logs"), dir.resolve("backups"))) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Database.openFolder(dir).close();

        assertThat(mode(dir)).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("logs"))).isEqualTo("rwx------");
        assertThat(mode(dir.resolve("backups"))).isEqualTo("rwx------");
        for (String f : List.of("loket.mv.db", "loket.lock", "loket.id", "logs/loket.log", "backups/old.zip")) {
            assertThat(mode(dir.resolve(f))).as(f).isEqualTo("rw-------");
        }
        assertThat(mode(dir.resolve("notes.txt"))).as("not Loket's").isEqualTo("rw-r--r--");
    }

    @Test
    void aNewDataFolderIsMade700() throws Exception {
        Path fresh = dir.resolve("a").resolve("b");
        Database.openFolder(fresh).close();
        assertThat(mode(fresh)).isEqualTo("rwx------");
        assertThat(mode(fresh.resolve("loket.mv.db"))).isEqualTo("rw-------");
        assertThat(fresh.resolve("loket.trace.db")).as("H2's trace file would hold failed statements in clear").doesNotExist();
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    /** A data folder as the earlier Loket left it: plain H2, user loket without a password, migrated, with the day and a token. */
    private Path plainFolder(Path folder) throws Exception {
        Files.createDirectories(folder);
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + folder.toAbsolutePath().resolve("loket") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        ds.setUser("loket");
        ds.setPassword("");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        try (Connection c = ds.getConnection()) {
            new AppointmentRepository(DSL.using(c, SQLDialect.H2)).upsertNewer(new ArrayList<>(day), OffsetDateTime.now());
            new SettingsRepository(DSL.using(c, SQLDialect.H2)).put(SettingsRepository.CENTRAL_TOKEN, TOKEN);
            try (Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        }
        return folder;
    }
}
