package id.loket.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import id.loket.common.live.ChangeFeed;
import id.loket.common.live.ServerLink;
import id.loket.common.model.UserFacingException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.io.InputStream;
import java.nio.file.LinkOption;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local store: an H2 file under the data folder, one pool, the schema migrated by Flyway
 * from {@code db/migration}. One Loket per data folder: a lock file refuses a second one with
 * a clear message. Closing shuts H2 down cleanly ({@code SHUTDOWN}); every commit is on disk
 * at once ({@code WRITE_DELAY=0}) so a killed process loses nothing committed.
 *
 * <p>An office whose many counters share one database opens a PostgreSQL server instead
 * ({@link #openPostgres}): the same migrations, the same generated jOOQ classes, the same
 * row locks and version guards.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** Connections per pool: Flyway needs 2; a desk runs the window, the sync and a step at once. */
    private static final int POOL_SIZE = 4;
    /** H2 error codes: file damaged, and database already open by another process. */
    private static final int H2_FILE_CORRUPTED = 90030;
    private static final int H2_ALREADY_OPEN = 90020;
    private static final int H2_WRONG_PASSWORD = 28000;
    /** The environment variable that names the key file when {@code --key-file} does not. */
    public static final String KEY_FILE_VARIABLE = "LOKET_KEY_FILE";

    private volatile HikariDataSource dataSource;
    private volatile DSLContext dsl;
    private final SQLDialect dialect;
    private final FolderLock lock;
    private final Object where;
    private boolean closed;
    /** The folder's key and files (H2 only). */
    private KeyFile key;
    private DataFolder folder;
    private List<Notice> notices = List.of();
    /** Tells committed changes to the screens of every counter (see {@link ChangeTracker}). */
    private final ChangeTracker changes;
    /** Watches for a lost link to the server; statements that meet one are refused in words. */
    private final ServerLinkMonitor link;

    /** Something the person starting Loket should read once (a new database, its encryption), in words of the message files. */
    public record Notice(String key, Object... args) {
    }

    /** An existing file that H2 cannot read, or that holds no Loket database: it is moved aside. */
    private static final class NotLoket extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient DatabaseDamage damage;

        NotLoket(DatabaseDamage damage, String detail, Throwable cause) {
            super(detail, cause);
            this.damage = damage;
        }
    }

    private Database(HikariDataSource dataSource, SQLDialect dialect, FolderLock lock, Object where) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.lock = lock;
        this.where = where;
        this.dsl = DSL.using(dataSource, dialect, new Settings().withExecuteLogging(false));
        this.changes = new ChangeTracker(dialect.family() == SQLDialect.POSTGRES, this::unpooledConnection);
        changes.attach(dsl.configuration());
        this.link = new ServerLinkMonitor(dataSource, where);
        link.attach(dsl.configuration());
    }

    /** Whether the database server answers (always, for an H2 file). */
    public ServerLink serverLink() {
        return link;
    }

    /**
     * The transaction {@code tx} writes rows of the case {@code caseRef} ({@code case_file},
     * {@code queue_call}): the change feed then names the case, so a screen of the day reads just
     * that case. Every writer of those rows says so (an architecture test keeps them in their
     * repositories).
     */
    public static void caseWritten(DSLContext tx, String caseRef) {
        ChangeTracker.caseWritten(tx.configuration(), caseRef);
    }

    /** Opens (creating if needed) the database file {@code loket.mv.db} in {@code dataDir}, its key where nothing else is said. */
    public static Database openFolder(Path dataDir) {
        return openFolder(dataDir, null);
    }

    /**
     * Opens the encrypted database file {@code loket.mv.db} in {@code dataDir} with the key at
     * {@code keyPath} ({@code null}: the environment's {@code LOKET_KEY_FILE}, else the default
     * place, see {@link KeyFile#defaultFor}). A folder that never had a database gets a new one
     * and a new key; a plain database of an earlier Loket is encrypted in place first. A missing,
     * empty, short, cut-off or damaged file is refused in words, never replaced by an empty
     * database: a damaged one is moved aside as {@code loket.mv.db.damaged-<time>}.
     */
    public static Database openFolder(Path dataDir, Path keyPath) {
        return openFolder(dataDir, keyPath, true);
    }

    /**
     * The same for a command that runs briefly (a report, an export, a print, a sync): closed
     * without H2's compaction of the file, which costs seconds on a large file at every close
     * even when nothing was written (2–3 s on a year's file). The desk, the sync worker and the
     * display, which close once a day, still compact what the commands left.
     */
    public static Database openFolderBriefly(Path dataDir, Path keyPath) {
        return openFolder(dataDir, keyPath, false);
    }

    private static Database openFolder(Path dataDir, Path keyPath, boolean compactOnClose) {
        DataFolder folder = new DataFolder(dataDir);
        try {
            Files.createDirectories(folder.dir());
            KeyFile.Owner.onlyFolder(folder.dir());
        } catch (IOException e) {
            throw new UserFacingException(e, "data.cannotCreate", dataDir);
        }
        FolderLock lock = FolderLock.acquire(folder.dir());
        try {
            Database db = openLocked(folder, keyPath, lock, compactOnClose);
            tighten(folder);
            return db;
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    /** The JDBC URL of the folder's encrypted database, as H2's Shell takes it too. */
    public static String jdbcUrl(Path dataDir) {
        return url(new DataFolder(dataDir), true, false);
    }

    private static String url(DataFolder folder, boolean encrypted, boolean mustExist) {
        return url(folder, encrypted, mustExist, true);
    }

    private static String url(DataFolder folder, boolean encrypted, boolean mustExist, boolean compactOnClose) {
        // LOCK_TIMEOUT: a transaction that needs a row another one holds (the day's queue
        // counter, a case being called) waits up to 10 s for it, as PostgreSQL waits, instead
        // of failing after H2's default 2 s when the machine or the disk is slow.
        return "jdbc:h2:file:" + folder.h2Name()
                + (encrypted ? ";CIPHER=AES" : "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000"
                // no loket.trace.db: H2 writes failed statements there in clear, values (a NIK) and all
                + ";TRACE_LEVEL_FILE=0"
                + (mustExist ? ";IFEXISTS=TRUE" : "")
                + (compactOnClose ? "" : ";MAX_COMPACT_TIME=0");
    }

    private static Database openLocked(DataFolder folder, Path keyPath, FolderLock lock) {
        return openLocked(folder, keyPath, lock, true);
    }

    private static Database openLocked(DataFolder folder, Path keyPath, FolderLock lock, boolean compactOnClose) {
        tighten(folder);
        List<Notice> notices = new ArrayList<>();
        Path file = folder.dbFile();
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            boolean had;
            try {
                had = folder.hadDatabase();
            } catch (IOException e) {
                throw new UserFacingException(e, "data.cannotOpen", folder.dir(), e.getMessage());
            }
            if (had) {
                throw refusal(folder, null, null);
            }
            return create(folder, keyPath, lock, compactOnClose);
        }
        DataFolder.Kind kind;
        try {
            kind = DataFolder.kind(file);
            if (kind == DataFolder.Kind.PLAIN) {
                DataFolder.probe(file, null);
            }
        } catch (DataFolder.Damaged d) {
            throw moveAside(folder, d.damage, d);
        } catch (DataFolder.KeyDoesNotFit impossible) {
            throw new IllegalStateException(impossible);
        } catch (IOException e) {
            throw new UserFacingException(e, "data.cannotOpen", folder.dir(), e.getMessage());
        }
        KeyFile key = existingKey(folder, keyPath, kind == DataFolder.Kind.PLAIN);
        if (kind == DataFolder.Kind.PLAIN) {
            Encryption.encryptInPlace(folder, key, notices);
        }
        try {
            DataFolder.probe(file, key.filePassword());
        } catch (DataFolder.Damaged d) {
            throw moveAside(folder, d.damage, d);
        } catch (DataFolder.KeyDoesNotFit e) {
            LOG.warn("The key {} does not decrypt the database in {}", key.path(), folder.dir());
            throw new UserFacingException(e, "key.doesNotFit", key.path(), folder.dir());
        }
        Encryption.shredLeftovers(folder, notices);
        Database db;
        try {
            db = open(url(folder, true, true, compactOnClose), "loket", key.h2Password(), SQLDialect.H2, lock, folder.dir(), true);
        } catch (NotLoket e) {
            throw moveAside(folder, e.damage, e);
        }
        db.key = key;
        db.folder = folder;
        db.notices = List.copyOf(notices);
        return db;
    }

    /** A folder that never had a database: a key (made unless one is there), the database, then the folder's id. */
    private static Database create(DataFolder folder, Path keyPath, FolderLock lock, boolean compactOnClose) {
        String id = java.util.UUID.randomUUID().toString();
        Path where = keyPath != null ? keyPath : fromEnvironment().orElse(KeyFile.defaultLocation(id));
        KeyFile key = Files.exists(where) ? KeyFile.read(where) : KeyFile.create(where);
        Database db = open(url(folder, true, false, compactOnClose), "loket", key.h2Password(), SQLDialect.H2, lock, folder.dir(), false);
        try {
            Files.writeString(folder.idFile(), id + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            KeyFile.Owner.only(folder.idFile());
        } catch (IOException e) {
            db.closeKeepingLock();
            throw new UserFacingException(e, "key.cannotWrite", folder.idFile(), e.getMessage());
        }
        // The log, not the console: a first start says nothing that breaks a script's one-line output.
        LOG.warn("A new data folder {}: its database is encrypted with the key {}; keep a copy of that key somewhere safe", folder.dir(), key.path());
        db.key = key;
        db.folder = folder;
        return db;
    }

    /** The key of a folder that has a database: as given, from the environment, or at the default place of its id. */
    private static KeyFile existingKey(DataFolder folder, Path keyPath, boolean createIfMissing) {
        Path where = keyPath != null ? keyPath : fromEnvironment().orElse(null);
        if (where == null) {
            if (!createIfMissing && !Files.exists(folder.idFile())) {
                throw new UserFacingException("key.noFolderId", folder.idFile());
            }
            where = KeyFile.defaultFor(folder.dir());
        }
        if (createIfMissing && !Files.exists(where)) {
            return KeyFile.create(where);
        }
        return KeyFile.read(where);
    }

    private static Optional<Path> fromEnvironment() {
        String env = System.getenv(KEY_FILE_VARIABLE);
        return env == null || env.isBlank() ? Optional.empty() : Optional.of(Path.of(env.strip()));
    }

    private static void tighten(DataFolder folder) {
        try {
            folder.tighten();
        } catch (IOException e) {
            throw new UserFacingException(e, "data.cannotProtect", folder.dir(), e.getMessage());
        }
    }

    /** Moves the damaged file aside and answers the refusal that says so and how to restore. */
    private static UserFacingException moveAside(DataFolder folder, DatabaseDamage damage, Exception cause) {
        Path moved;
        try {
            moved = folder.moveAside(DataFolder.DAMAGED);
        } catch (IOException e) {
            LOG.error("The damaged database in {} ({}) could not be moved aside: {}", folder.dir(), damage, e.getMessage());
            return new UserFacingException(e, "data.damaged", folder.dir());
        }
        LOG.error("The database in {} is damaged ({}: {}); moved aside as {}", folder.dir(), damage, cause.getMessage(), moved.getFileName());
        return refusal(folder, damage, moved);
    }

    /** {@code data.missing…} or {@code data.damagedMovedAside…}: the newest backup named with the restore command, or that there is none. */
    private static UserFacingException refusal(DataFolder folder, DatabaseDamage damage, Path moved) {
        Optional<Path> backup;
        try {
            backup = folder.newestBackup();
        } catch (IOException e) {
            backup = Optional.empty();
        }
        String movedName = moved == null ? "" : moved.getFileName().toString();
        if (backup.isPresent()) {
            return damage == null ? new UserFacingException("data.missing", folder.dir(), backup.get())
                    : new UserFacingException("data.damagedMovedAside", folder.dir(), damage, movedName, backup.get());
        }
        return damage == null ? new UserFacingException("data.missingNoBackup", folder.dir())
                : new UserFacingException("data.damagedMovedAsideNoBackup", folder.dir(), damage, movedName);
    }

    /**
     * Opens a PostgreSQL database (the server must run and the role must exist) and migrates
     * its schema: the current schema of the connection, which {@code ?currentSchema=NAME} in the
     * URL chooses ({@code public} otherwise). No folder lock: many desks share the server.
     */
    public static Database openPostgres(String jdbcUrl, String user, String password) {
        String url = jdbcUrl == null ? "" : jdbcUrl.strip();
        int query = url.indexOf('?');
        String where = query < 0 ? url : url.substring(0, query); // parameters may hold a password
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new UserFacingException("data.notPostgresUrl", where);
        }
        return open(url, user, password, SQLDialect.POSTGRES, null, where, false);
    }

    /**
     * {@code where} names the database in messages and the log: the data folder, or the URL
     * without its parameters. {@code existing}: an H2 file that must already hold Loket's schema
     * (one that does not, or that H2 finds damaged, is answered with {@link NotLoket}).
     */
    private static Database open(String url, String user, String password, SQLDialect dialect, FolderLock lock, Object where, boolean existing) {
        HikariDataSource ds = pool(url, user, password, where, existing);
        try {
            if (existing && !hasSchema(ds)) {
                throw new NotLoket(DatabaseDamage.NOT_LOKET, "no flyway_schema_history", null);
            }
            migrate(ds, where);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        LOG.info("Database open at {}", where);
        return new Database(ds, dialect, lock, where);
    }

    private static HikariDataSource pool(String url, String user, String password, Object where, boolean existing) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setPoolName("loket-db");
        config.setInitializationFailTimeout(1);
        if (url.startsWith("jdbc:postgresql:")) {
            // a server that went away is said in seconds, not after minutes of a frozen desk
            config.setConnectionTimeout(5_000);
            config.addDataSourceProperty("connectTimeout", "5");
            config.addDataSourceProperty("socketTimeout", "120");
            config.addDataSourceProperty("tcpKeepAlive", "true");
            config.addDataSourceProperty("ApplicationName", "loket");
        }
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            if (existing && errorCode(e) == H2_FILE_CORRUPTED) {
                throw new NotLoket(DatabaseDamage.UNREADABLE, String.valueOf(e.getMessage()), e);
            }
            if (existing && errorCode(e) == H2_WRONG_PASSWORD) {
                throw new UserFacingException(e, "key.doesNotFit", "?", where);
            }
            throw translate(e, where);
        }
    }

    /** Brings the schema up to date: nothing when {@link MigrationCheck} finds it so, else Flyway. */
    static void migrate(javax.sql.DataSource ds, Object where) {
        if (MigrationCheck.upToDate(ds)) {
            return; // every shipped migration applied, unchanged: Flyway (a second or more) is not needed
        }
        LOG.info("Migrating the database at {}", where);
        try {
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new UserFacingException(e, "data.migrationFailed", where, e.getMessage());
        }
    }

    private static boolean hasSchema(HikariDataSource ds) {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = 'flyway_schema_history'")) {
            return rs.next() && rs.getInt(1) > 0;
        } catch (SQLException e) {
            throw new NotLoket(DatabaseDamage.UNREADABLE, e.getMessage(), e);
        }
    }

    private static int errorCode(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getErrorCode();
            }
        }
        return 0;
    }

    private static RuntimeException translate(RuntimeException e, Object where) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                if (sql.getErrorCode() == H2_FILE_CORRUPTED) {
                    return new UserFacingException(e, "data.damaged", where);
                }
                if (sql.getErrorCode() == H2_ALREADY_OPEN) {
                    return new UserFacingException(e, "data.inUse", where, "?");
                }
                if (where instanceof String && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                    return new UserFacingException(e, "data.serverUnreachable", where);
                }
                if (where instanceof String && ("28P01".equals(sql.getSQLState()) || "28000".equals(sql.getSQLState()))) {
                    return new UserFacingException(e, "data.serverRefusedLogin", where, "?");
                }
            }
        }
        return new UserFacingException(e, "data.cannotOpen", where, e.getMessage());
    }

    /** The folder's key (H2); empty for PostgreSQL, whose server keeps its own secrets. */
    public Optional<KeyFile> keyFile() {
        return Optional.ofNullable(key);
    }

    /** The key that signs the audit trail's head, derived from the folder's key; empty for PostgreSQL. */
    public byte[] auditKey() {
        return key == null ? new byte[0] : key.auditKey();
    }

    /** The rows of each of Loket's tables (not views, not Flyway's own), largest first: for {@code loket db stats}. */
    public Map<String, Long> tableRows() {
        Map<String, Long> rows = new java.util.HashMap<>();
        for (org.jooq.Table<?> t : id.loket.db.jooq.DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            if (t.getName().startsWith("flyway") || !t.getTableType().isTable()) {
                continue;
            }
            rows.put(t.getName(), (long) dsl().fetchCount(t));
        }
        Map<String, Long> largestFirst = new java.util.LinkedHashMap<>();
        rows.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> largestFirst.put(e.getKey(), e.getValue()));
        return largestFirst;
    }

    /** The data folder (H2); empty for PostgreSQL. */
    public Optional<Path> dataDir() {
        return folder == null ? Optional.empty() : Optional.of(folder.dir());
    }

    /** What happened to the folder while it was opened (a new database and key, encryption of a plain one), once. */
    public List<Notice> notices() {
        return notices;
    }

    public DSLContext dsl() {
        return dsl;
    }

    public SQLDialect dialect() {
        return dialect;
    }

    /**
     * A new connection, not pooled, to this same database as another user (the report reader,
     * whose rights are less): the caller closes it. On H2 the URL keeps only the file and its
     * encryption ({@code CIPHER}): the other settings are the database's already, and a user
     * without admin rights may not give them; an encrypted file's password (the part of the
     * owner's password before the space) is put in front of {@code password}.
     */
    public Connection connectAs(String user, String password) throws SQLException {
        String url = dataSource.getJdbcUrl();
        String pass = password == null ? "" : password;
        if (dialect.family() == SQLDialect.H2) {
            String[] parts = url.split(";");
            StringBuilder kept = new StringBuilder(parts[0]);
            boolean cipher = false;
            for (int i = 1; i < parts.length; i++) {
                if (parts[i].toUpperCase(java.util.Locale.ROOT).startsWith("CIPHER=")) {
                    kept.append(';').append(parts[i]);
                    cipher = true;
                }
            }
            url = kept.toString();
            String owner = dataSource.getPassword() == null ? "" : dataSource.getPassword();
            if (cipher && owner.indexOf(' ') >= 0) {
                pass = owner.substring(0, owner.indexOf(' ') + 1) + pass;
            }
        }
        return java.sql.DriverManager.getConnection(url, user, pass);
    }

    /**
     * A new connection of this database's own user, not from the pool, for what must live as long
     * as the process's link to the server (a lock, a listener): named {@code applicationName} on
     * PostgreSQL, so the server's views say whose it is. The caller closes it.
     */
    public Connection connectDedicated(String applicationName) throws SQLException {
        java.util.Properties p = new java.util.Properties();
        if (dataSource.getUsername() != null) {
            p.setProperty("user", dataSource.getUsername());
        }
        if (dataSource.getPassword() != null) {
            p.setProperty("password", dataSource.getPassword());
        }
        if (dialect.family() == SQLDialect.POSTGRES) {
            p.setProperty("ApplicationName", applicationName);
            p.setProperty("tcpKeepAlive", "true");
            p.setProperty("connectTimeout", "5");
            p.setProperty("socketTimeout", "30");
        }
        return java.sql.DriverManager.getConnection(dataSource.getJdbcUrl(), p);
    }

    /** Committed changes to the watched tables, from this desk and (PostgreSQL) every other one. */
    public ChangeFeed changes() {
        return changes;
    }

    /** A connection of its own, outside the pool, as the owner (PostgreSQL's change listener holds one). */
    private Connection unpooledConnection() throws SQLException {
        return connectDedicated("loket listen pid " + ProcessHandle.current().pid());
    }

    /** Runs one use case in one transaction: all of it commits, or none of it. */
    public <T> T inTransaction(Function<DSLContext, T> work) {
        try {
            return dsl.transactionResult(configuration -> work.apply(configuration.dsl()));
        } catch (UserFacingException e) {
            throw e;
        } catch (RuntimeException e) {
            // beginning or committing a transaction meets a lost server outside any statement
            throw ServerLinkMonitor.isLinkLost(e) ? link.lost(e) : e;
        }
    }

    public void inTransactionRun(Consumer<DSLContext> work) {
        inTransaction(ctx -> {
            work.accept(ctx);
            return null;
        });
    }

    /** Shuts H2 down cleanly, closes the pool and frees the data folder. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        changes.close();
        link.close();
        try {
            closeKeepingLock();
        } finally {
            if (lock != null) {
                lock.release();
            }
            LOG.info("Database closed");
        }
    }

    /** Shuts H2 down and closes the pool, but keeps the data folder locked (a restore swaps the file meanwhile). */
    private void closeKeepingLock() {
        try {
            if (dialect.family() == SQLDialect.H2) {
                shutDownH2();
            }
        } finally {
            dataSource.close();
        }
    }

    /**
     * Writes a consistent copy of the database as it is on disk (encrypted) into the zip file
     * {@code out}, while the database goes on serving: H2's {@code BACKUP TO}, plus the folder's
     * id so that a restore on another machine finds the key's default place. The file appears
     * only when complete, mode 600. Answers its size in bytes.
     */
    public long backupTo(Path out) {
        requireFolder();
        Path target = out.toAbsolutePath();
        Path parent = target.getParent();
        Path h2zip = null;
        Path tmp = null;
        try {
            Files.createDirectories(parent);
            h2zip = Files.createTempFile(parent, ".loket-backup-", ".h2.zip");
            tmp = Files.createTempFile(parent, ".loket-backup-", ".zip");
            KeyFile.Owner.only(h2zip);
            KeyFile.Owner.only(tmp);
            Files.delete(h2zip); // H2 writes the file itself
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("BACKUP TO '" + h2zip.toString().replace("'", "''") + "'");
            }
            KeyFile.Owner.only(h2zip);
            try (ZipFile in = new ZipFile(h2zip.toFile());
                    ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(tmp))) {
                zip.putNextEntry(new ZipEntry(DataFolder.ID_FILE));
                zip.write(Files.readAllBytes(folder.idFile()));
                zip.closeEntry();
                for (ZipEntry e : java.util.Collections.list(in.entries())) {
                    zip.putNextEntry(new ZipEntry(e.getName()));
                    try (InputStream data = in.getInputStream(e)) {
                        data.transferTo(zip);
                    }
                    zip.closeEntry();
                }
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return Files.size(target);
        } catch (IOException | SQLException e) {
            throw new UserFacingException(e, "backup.cannotWrite", target, e.getMessage());
        } finally {
            deleteQuietly(h2zip);
            deleteQuietly(tmp);
        }
    }

    /**
     * Replaces this folder's database by the one in the backup {@code zip}, which must open with
     * this folder's key (checked before anything is touched). The folder stays locked throughout;
     * the database being replaced is kept as {@code loket.mv.db.before-restore-<time>}, and put
     * back if the restored one does not open. Answers where the replaced one was kept.
     */
    public synchronized Path restoreFrom(Path zip) {
        requireFolder();
        Unpacked unpacked = unpack(folder, key, zip);
        closeKeepingLock();
        Path kept;
        try {
            kept = folder.moveAside(DataFolder.BEFORE_RESTORE);
        } catch (IOException e) {
            reopen();
            unpacked.delete();
            throw new UserFacingException(e, "restore.failed", zip, e.getMessage());
        }
        try {
            Files.move(unpacked.file(), folder.dbFile(), StandardCopyOption.ATOMIC_MOVE);
            reopen();
            LOG.info("Restored {} from {}; the database it replaced is kept as {}", folder.dir(), zip, kept.getFileName());
            return kept;
        } catch (IOException | RuntimeException e) {
            LOG.error("Restoring {} failed ({}); putting the database back", zip, e.getMessage());
            try {
                Files.deleteIfExists(folder.dbFile());
                Files.move(kept, folder.dbFile(), StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException again) {
                throw new UserFacingException(again, "restore.cannotPutBack", kept, folder.dbFile());
            }
            reopen();
            throw new UserFacingException(e, "restore.failed", zip, e.getMessage());
        } finally {
            unpacked.delete();
        }
    }

    /**
     * Restores the backup {@code zip} into a data folder that has no database file (a new
     * folder, or one whose damaged file was moved aside), with the key at {@code keyPath}
     * (else {@code LOKET_KEY_FILE}, else the default place of the folder's id, or of the id the
     * backup carries). Refuses a folder that has a database: replacing one needs a sign-in.
     */
    public static Database restoreIntoFolderWithoutDatabase(Path dataDir, Path keyPath, Path zip) {
        DataFolder folder = new DataFolder(dataDir);
        try {
            Files.createDirectories(folder.dir());
            KeyFile.Owner.onlyFolder(folder.dir());
        } catch (IOException e) {
            throw new UserFacingException(e, "data.cannotCreate", dataDir);
        }
        FolderLock lock = FolderLock.acquire(folder.dir());
        try {
            if (Files.exists(folder.dbFile(), LinkOption.NOFOLLOW_LINKS)) {
                throw new UserFacingException("restore.hasDatabase", folder.dir());
            }
            Optional<String> id = readId(folder.idFile());
            Optional<String> backupId = idInBackup(zip);
            Path where = keyPath != null ? keyPath : fromEnvironment()
                    .orElseGet(() -> id.or(() -> backupId).map(KeyFile::defaultLocation)
                            .orElseThrow(() -> new UserFacingException("key.noFolderId", folder.idFile())));
            KeyFile key = KeyFile.read(where);
            Unpacked unpacked = unpack(folder, key, zip);
            try {
                Files.move(unpacked.file(), folder.dbFile(), StandardCopyOption.ATOMIC_MOVE);
                if (id.isEmpty()) {
                    String newId = backupId.orElseGet(() -> java.util.UUID.randomUUID().toString());
                    Files.writeString(folder.idFile(), newId + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                }
            } catch (IOException e) {
                throw new UserFacingException(e, "restore.failed", zip, e.getMessage());
            } finally {
                unpacked.delete();
            }
            LOG.info("Restored {} from {} into a folder without a database", folder.dir(), zip);
            Database db = openLocked(folder, where, lock);
            tighten(folder);
            return db;
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    private void reopen() {
        HikariDataSource ds = pool(url(folder, true, true), "loket", key.h2Password(), where, true);
        try {
            if (!hasSchema(ds)) {
                throw new NotLoket(DatabaseDamage.NOT_LOKET, "no flyway_schema_history", null);
            }
            migrate(ds, where);
        } catch (RuntimeException e) {
            ds.close();
            throw e;
        }
        dataSource = ds;
        DSLContext fresh = DSL.using(ds, dialect, new Settings().withExecuteLogging(false));
        // what listens to this database's transactions (the audit chain's head keeper) goes on listening
        fresh.configuration().set(dsl.configuration().transactionListenerProviders());
        fresh.configuration().set(dsl.configuration().executeListenerProviders());
        dsl = fresh;
        tighten(folder);
    }

    private void requireFolder() {
        if (folder == null) {
            throw new UserFacingException("backup.notH2");
        }
    }

    /** A backup's database file, unpacked into a folder of its own inside the data folder and checked. */
    private record Unpacked(Path dir, Path file) {
        void delete() {
            deleteQuietly(file);
            deleteQuietly(dir);
        }
    }

    /**
     * Unpacks {@code loket.mv.db} from the backup into {@code .restore-*} in the data folder and
     * checks it before anything else is touched: encrypted, readable with this key, whole, and
     * holding Loket's schema.
     */
    private static Unpacked unpack(DataFolder folder, KeyFile key, Path zip) {
        if (!Files.isRegularFile(zip)) {
            throw new UserFacingException("restore.noFile", zip);
        }
        Path dir;
        try {
            dir = Files.createTempDirectory(folder.dir(), ".restore-");
            KeyFile.Owner.onlyFolder(dir);
        } catch (IOException e) {
            throw new UserFacingException(e, "restore.failed", zip, e.getMessage());
        }
        Unpacked unpacked = new Unpacked(dir, dir.resolve(DataFolder.DB_FILE));
        try {
            try (ZipFile in = new ZipFile(zip.toFile())) {
                ZipEntry entry = in.getEntry(DataFolder.DB_FILE);
                if (entry == null) {
                    throw new UserFacingException("restore.notBackup", zip);
                }
                Files.createFile(unpacked.file());
                KeyFile.Owner.only(unpacked.file());
                try (InputStream data = in.getInputStream(entry)) {
                    Files.copy(data, unpacked.file(), StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new UserFacingException(e, "restore.notBackup", zip);
            }
            try {
                if (DataFolder.kind(unpacked.file()) != DataFolder.Kind.ENCRYPTED) {
                    throw new UserFacingException("restore.notBackup", zip);
                }
                DataFolder.probe(unpacked.file(), key.filePassword());
            } catch (DataFolder.Damaged d) {
                throw new UserFacingException(d, "restore.damaged", zip, d.damage);
            } catch (DataFolder.KeyDoesNotFit e) {
                throw new UserFacingException(e, "restore.otherKey", zip, key.path());
            } catch (IOException e) {
                throw new UserFacingException(e, "restore.notBackup", zip);
            }
            String url = "jdbc:h2:file:" + dir.resolve("loket") + ";CIPHER=AES;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;IFEXISTS=TRUE;TRACE_LEVEL_FILE=0";
            try (Connection c = java.sql.DriverManager.getConnection(url, "loket", key.h2Password()); Statement s = c.createStatement()) {
                try (java.sql.ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = 'flyway_schema_history'")) {
                    if (!rs.next() || rs.getInt(1) == 0) {
                        throw new UserFacingException("restore.notBackup", zip);
                    }
                }
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                if (e.getErrorCode() == H2_WRONG_PASSWORD) {
                    throw new UserFacingException(e, "restore.otherKey", zip, key.path());
                }
                throw new UserFacingException(e, "restore.damaged", zip, DatabaseDamage.UNREADABLE);
            }
            try (java.util.stream.Stream<Path> leftovers = Files.list(dir)) {
                for (Path p : leftovers.filter(p -> !p.equals(unpacked.file())).toList()) {
                    deleteQuietly(p);
                }
            }
            return unpacked;
        } catch (RuntimeException | IOException e) {
            unpacked.delete();
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new UserFacingException(e, "restore.failed", zip, e.getMessage());
        }
    }

    private static Optional<String> readId(Path idFile) {
        try {
            if (!Files.exists(idFile)) {
                return Optional.empty();
            }
            String id = Files.readString(idFile, StandardCharsets.US_ASCII).strip();
            return id.matches("[0-9a-f-]{36}") ? Optional.of(id) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> idInBackup(Path zip) {
        try (ZipFile in = new ZipFile(zip.toFile())) {
            ZipEntry e = in.getEntry(DataFolder.ID_FILE);
            if (e == null || e.getSize() > 100) {
                return Optional.empty();
            }
            try (InputStream data = in.getInputStream(e)) {
                String id = new String(data.readNBytes(100), StandardCharsets.US_ASCII).strip();
                return id.matches("[0-9a-f-]{36}") ? Optional.of(id) : Optional.empty();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void deleteQuietly(Path p) {
        if (p == null) {
            return;
        }
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: {}", p, e.getMessage());
        }
    }

    /** Runs H2's SHUTDOWN; the pooled connection it ran on is dead afterwards, so closing it may complain. */
    private void shutDownH2() {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            try (Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            }
        } catch (SQLException e) {
            LOG.warn("Database shutdown: {}", e.getMessage());
        } finally {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException expected) {
                    LOG.debug("Connection closed by SHUTDOWN: {}", expected.getMessage());
                }
            }
        }
    }

    /** An OS-level lock on {@code loket.lock} in the data folder, holding the owner's process id. */
    static final class FolderLock {
        private final FileChannel channel;
        private final FileLock lock;

        private FolderLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        static FolderLock acquire(Path dataDir) {
            Path file = dataDir.resolve("loket.lock");
            FileChannel channel = null;
            try {
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock == null) {
                    String owner = readOwner(file);
                    channel.close();
                    throw new UserFacingException("data.inUse", dataDir.toAbsolutePath(), owner);
                }
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
                channel.force(true);
                return new FolderLock(channel, lock);
            } catch (IOException e) {
                closeQuietly(channel);
                throw new UserFacingException(e, "data.cannotOpen", dataDir, e.getMessage());
            }
        }

        private static String readOwner(Path file) {
            try {
                String pid = Files.readString(file, StandardCharsets.US_ASCII).trim();
                return pid.isEmpty() ? "?" : pid;
            } catch (IOException e) {
                return "?";
            }
        }

        private static void closeQuietly(FileChannel channel) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // nothing more to free
                }
            }
        }

        void release() {
            try {
                lock.release();
            } catch (IOException e) {
                LOG.warn("Releasing the data folder lock: {}", e.getMessage());
            } finally {
                closeQuietly(channel);
            }
        }
    }
}
