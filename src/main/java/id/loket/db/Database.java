package id.loket.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
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
import java.util.function.Consumer;
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

    private final HikariDataSource dataSource;
    private final DSLContext dsl;
    private final SQLDialect dialect;
    private final FolderLock lock;
    private boolean closed;

    private Database(HikariDataSource dataSource, SQLDialect dialect, FolderLock lock) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.lock = lock;
        this.dsl = DSL.using(dataSource, dialect, new Settings().withExecuteLogging(false));
    }

    /** Opens (creating if needed) the database file {@code loket.mv.db} in {@code dataDir}. */
    public static Database openFolder(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UserFacingException(e, "data.cannotCreate", dataDir);
        }
        FolderLock lock = FolderLock.acquire(dataDir);
        try {
            // LOCK_TIMEOUT: a transaction that needs a row another one holds (the day's queue
            // counter, a case being called) waits up to 10 s for it, as PostgreSQL waits, instead
            // of failing after H2's default 2 s when the machine or the disk is slow.
            String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("loket")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
                    + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000";
            return open(url, "loket", "", SQLDialect.H2, lock, dataDir);
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
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
        return open(url, user, password, SQLDialect.POSTGRES, null, where);
    }

    /** {@code where} names the database in messages and the log: the data folder, or the URL without its parameters. */
    private static Database open(String url, String user, String password, SQLDialect dialect, FolderLock lock, Object where) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setPoolName("loket-db");
        config.setInitializationFailTimeout(1);
        HikariDataSource ds;
        try {
            ds = new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw translate(e, where);
        }
        try {
            Flyway.configure()
                    .dataSource(ds)
                    .locations("classpath:db/migration")
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            ds.close();
            throw new UserFacingException(e, "data.migrationFailed", where, e.getMessage());
        }
        LOG.info("Database open at {}", where);
        return new Database(ds, dialect, lock);
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
            }
        }
        return new UserFacingException(e, "data.cannotOpen", where, e.getMessage());
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

    /** Runs one use case in one transaction: all of it commits, or none of it. */
    public <T> T inTransaction(Function<DSLContext, T> work) {
        return dsl.transactionResult(configuration -> work.apply(configuration.dsl()));
    }

    public void inTransactionRun(Consumer<DSLContext> work) {
        dsl.transaction(configuration -> work.accept(configuration.dsl()));
    }

    /** Shuts H2 down cleanly, closes the pool and frees the data folder. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (dialect.family() == SQLDialect.H2) {
                shutDownH2();
            }
        } finally {
            dataSource.close();
            if (lock != null) {
                lock.release();
            }
            LOG.info("Database closed");
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
