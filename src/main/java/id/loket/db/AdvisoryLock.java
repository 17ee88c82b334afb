package id.loket.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL session-level advisory lock held on a connection of its own (not from the pool),
 * so it lives exactly as long as this process's link to the server: a process killed outright
 * closes its socket and the server frees the lock at once; a cable pulled is found by the
 * server's TCP keepalives set on that connection (about 15 s). The holder checks its connection
 * before each use, so a holder cut off from the server stops acting as one.
 *
 * <p>The connection's {@code application_name} names the holder ({@code loket <role> <host>
 * pid N}), which is how other processes say who holds it.
 */
public final class AdvisoryLock implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AdvisoryLock.class);

    private final Database db;
    private final long key;
    private final String name;
    private Connection connection;
    private boolean held;

    /** {@code name}: how this process is named to the others while it holds the lock. */
    public AdvisoryLock(Database db, long key, String name) {
        this.db = db;
        this.key = key;
        this.name = name.length() > 60 ? name.substring(0, 60) : name;
    }

    /** Holds the lock, taking it if it is free; false when another process holds it or the server cannot be reached. */
    public synchronized boolean holdsOrAcquires() {
        try {
            if (held && connection != null && connection.isValid(3)) {
                return true;
            }
            if (held) {
                LOG.warn("Lost the link that held lock {}: no longer its holder", key);
                drop();
            }
            if (connection == null) {
                connection = db.connectDedicated(name);
                try (Statement s = connection.createStatement()) {
                    // the server finds a peer that vanished (cable pulled) within about 15 s, and frees the lock
                    s.execute("SET tcp_keepalives_idle = 5");
                    s.execute("SET tcp_keepalives_interval = 2");
                    s.execute("SET tcp_keepalives_count = 4");
                }
            }
            try (PreparedStatement s = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                s.setLong(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    held = rs.next() && rs.getBoolean(1);
                }
            }
            if (held) {
                LOG.info("Now the holder of lock {} as {}", key, name);
            }
            return held;
        } catch (SQLException e) {
            LOG.warn("Lock {} not reachable: {}", key, e.getMessage());
            drop();
            return false;
        }
    }

    /** The application name of the session holding the lock, if any. */
    public Optional<String> holder() {
        try (Connection c = db.connectDedicated(name + " ask");
                PreparedStatement s = c.prepareStatement("SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                        + " WHERE l.locktype = 'advisory' AND l.granted AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                        + " AND ((l.classid::bigint << 32) | l.objid::bigint) = ?")) {
            s.setLong(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    private void drop() {
        held = false;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // gone already
            }
            connection = null;
        }
    }

    /** Frees the lock (closing its connection frees it on the server). */
    @Override
    public synchronized void close() {
        drop();
    }
}
