package id.loket.backup.service;

import id.loket.settings.Settings;
import id.loket.audit.AuditTrail;
import id.loket.backup.model.AfterRestore;
import id.loket.backup.model.BackupResult;
import id.loket.backup.model.RestoreCheck;
import id.loket.backup.model.RestoreResult;
import id.loket.audit.model.OfficeAction;
import id.loket.common.model.UserFacingException;
import id.loket.db.Database;
import id.loket.staff.model.Guarded;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Session;
import id.loket.staff.model.Unguarded;
import id.loket.staff.service.Authorization;
import id.loket.staff.service.Officer;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups of a desk's database while it serves, the automatic one when the day is closed
 * (into {@code backups/}, the last {@code backup.keep} kept), and restoring one. Every method
 * checks the session first and audits what it did: a backup in the database it copied, a
 * restore in the database restored.
 */
public final class BackupService {

    /** The setting that says how many automatic backups {@code backups/} keeps. */
    public static final String KEEP_SETTING = "backup.keep";
    public static final int DEFAULT_KEEP = 14;
    private static final int MAX_KEEP = 365;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** The automatic backups' names, {@code loket-<yyyyMMdd-HHmmss>[-n].zip}: only these are ever removed. */
    private static final Pattern DAILY = Pattern.compile("loket-\\d{8}-\\d{6}(-\\d+)?\\.zip");
    private static final Logger LOG = LoggerFactory.getLogger(BackupService.class);

    private final Database db;
    private final Authorization authorization;
    private final Clock clock;
    private final AfterRestore afterRestore;

    public BackupService(Database db, Authorization authorization, Clock clock, AfterRestore afterRestore) {
        this.db = db;
        this.authorization = authorization;
        this.clock = clock;
        this.afterRestore = afterRestore;
    }

    /** Writes a backup to {@code out} (a zip file, encrypted as the database is) while the database goes on serving. */
    @Guarded(Permission.BACKUP)
    public BackupResult backup(Session session, Path out) {
        authorization.require(session, Permission.BACKUP);
        Path dataDir = db.dataDir().orElseThrow(() -> new UserFacingException("backup.notH2"));
        refuseFolderFiles(dataDir, out);
        return write(session, out);
    }

    /**
     * The automatic backup of closing the day: {@code backups/loket-<time>.zip}, then the
     * automatic backups beyond the last {@code backup.keep} (14 unless set) removed.
     */
    @Guarded(Permission.BACKUP)
    public BackupResult dailyBackup(Session session) {
        authorization.require(session, Permission.BACKUP);
        int keep = keep();
        Path backups = db.dataDir().orElseThrow(() -> new UserFacingException("backup.notH2")).resolve("backups");
        String base = "loket-" + LocalDateTime.now(clock).format(STAMP);
        Path out = backups.resolve(base + ".zip");
        for (int i = 2; Files.exists(out); i++) {
            out = backups.resolve(base + "-" + i + ".zip");
        }
        BackupResult made = write(session, out);
        List<Path> removed = prune(backups, keep, made.file());
        return new BackupResult(made.file(), made.bytes(), made.took(), removed);
    }

    /**
     * Replaces the database by the backup {@code backup}, which must have been made in this
     * data folder (it opens only with the folder's key; checked before anything changes). The
     * session is checked against the database being replaced, which holds the accounts; the
     * restore is audited in the restored one, after {@link AfterRestore}'s check.
     */
    @Guarded(Permission.RESTORE)
    public RestoreResult restore(Session session, Path backup) {
        Officer officer = authorization.require(session, Permission.RESTORE);
        // The restoring administrator's session and account go on in the restored database (which
        // may predate them), so the check after the restore runs as the same person.
        id.loket.db.jooq.tables.records.StaffSessionRecord sessionRow = db.dsl().selectFrom(id.loket.db.jooq.Tables.STAFF_SESSION)
                .where(id.loket.db.jooq.Tables.STAFF_SESSION.ID.eq(session.id())).fetchOne();
        id.loket.db.jooq.tables.records.StaffRecord staffRow = db.dsl().selectFrom(id.loket.db.jooq.Tables.STAFF)
                .where(id.loket.db.jooq.Tables.STAFF.USERNAME.eq(session.username())).fetchOne();
        Path kept = db.restoreFrom(backup);
        db.inTransactionRun(tx -> {
            if (staffRow != null && !tx.fetchExists(id.loket.db.jooq.Tables.STAFF,
                    id.loket.db.jooq.Tables.STAFF.USERNAME.eq(session.username()))) {
                staffRow.changed(true);
                tx.executeInsert(staffRow);
            }
            if (sessionRow != null && !tx.fetchExists(id.loket.db.jooq.Tables.STAFF_SESSION,
                    id.loket.db.jooq.Tables.STAFF_SESSION.ID.eq(session.id()))) {
                sessionRow.changed(true);
                tx.executeInsert(sessionRow);
            }
        });
        RestoreCheck check = afterRestore.check(session);
        audit(OfficeAction.RESTORED, officer.username(), officer.counter(),
                "from " + backup.getFileName() + "; replaced database kept as " + kept.getFileName() + "; check " + check.status());
        LOG.info("{} restored {} (the replaced database kept as {}); check: {}", officer.username(), backup.getFileName(), kept.getFileName(), check.status());
        return new RestoreResult(backup, Optional.of(kept), check);
    }

    /**
     * Restores {@code backup} into a data folder that has no database file (a new folder on a
     * new PC, or one whose damaged file was moved aside). No one can sign in there: the key
     * that opens the backup is the credential, as it is for H2's Shell. Answers the open
     * database; the restore is audited in it as done by the key's holder.
     */
    @Unguarded("a folder without a database has no accounts to sign in against: holding the folder's key, which opens the backup, is the credential")
    public static RestoreOutcome restoreIntoFolderWithoutDatabase(Path dataDir, Path keyFile, Path backup, Clock clock) {
        Database restored = Database.restoreIntoFolderWithoutDatabase(dataDir, keyFile, backup);
        try {
            restored.inTransactionRun(tx -> new AuditTrail(tx).appendOffice(OfficeAction.RESTORED, "-", null,
                    "from " + backup.getFileName() + " into a folder without a database, by the holder of the key", OffsetDateTime.now(clock)));
        } catch (RuntimeException e) {
            restored.close();
            throw e;
        }
        LOG.info("Restored {} into {} (no database there before)", backup.getFileName(), dataDir);
        return new RestoreOutcome(restored, new RestoreResult(backup, Optional.empty(), RestoreCheck.notChecked()));
    }

    /** A database restored into a folder that had none, open, and what the restore answers. */
    public record RestoreOutcome(Database database, RestoreResult result) {
    }

    private BackupResult write(Session session, Path out) {
        long started = System.nanoTime();
        long bytes = db.backupTo(out);
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        db.inTransactionRun(tx -> {
            Officer officer = authorization.require(tx, session, Permission.BACKUP);
            new AuditTrail(tx).appendOffice(OfficeAction.BACKUP_MADE, officer.username(), officer.counter(),
                    "to " + out.toAbsolutePath() + "; " + bytes + " bytes", OffsetDateTime.now(clock));
        });
        LOG.info("Backup written to {} ({} bytes, {} ms)", out.toAbsolutePath(), bytes, took.toMillis());
        return new BackupResult(out.toAbsolutePath(), bytes, took, List.of());
    }

    private void audit(OfficeAction action, String officer, String counter, String details) {
        db.inTransactionRun(tx -> new AuditTrail(tx).appendOffice(action, officer, counter, details, OffsetDateTime.now(clock)));
    }

    private int keep() {
        String value = new Settings(db.dsl()).get(KEEP_SETTING).orElse(Integer.toString(DEFAULT_KEEP)).strip();
        try {
            int keep = Integer.parseInt(value);
            if (keep >= 1 && keep <= MAX_KEEP) {
                return keep;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new UserFacingException("backup.badKeep", value);
    }

    /** Removes the oldest automatic backups beyond {@code keep}; other files in {@code backups/} are never touched. */
    private static List<Path> prune(Path backups, int keep, Path justMade) {
        List<Path> daily = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(backups, "loket-*.zip")) {
            for (Path p : s) {
                if (DAILY.matcher(p.getFileName().toString()).matches()) {
                    daily.add(p);
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot list {} to remove old backups: {}", backups, e.getMessage());
            return List.of();
        }
        daily.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        List<Path> removed = new ArrayList<>();
        for (Path p : daily.subList(Math.min(keep, daily.size()), daily.size())) {
            if (p.equals(justMade)) {
                continue;
            }
            try {
                Files.delete(p);
                removed.add(p);
            } catch (IOException e) {
                LOG.warn("Cannot remove the old backup {}: {}", p.getFileName(), e.getMessage());
            }
        }
        return removed;
    }

    /** A backup written over the database, its lock or id would destroy them. */
    private static void refuseFolderFiles(Path dataDir, Path out) {
        Path target = out.toAbsolutePath().normalize();
        Path dir = dataDir.toAbsolutePath().normalize();
        if (dir.equals(target.getParent()) && target.getFileName().toString().startsWith("loket.") || target.equals(dir)) {
            throw new UserFacingException("backup.outIsDatabase", target);
        }
    }
}
