package id.loket.db;

import id.loket.common.live.ChangeFeed;
import id.loket.common.live.Changes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one listening connection of a process on PostgreSQL: a dedicated connection (not from the
 * pool: it is held for as long as the desk runs) that {@code LISTEN}s on
 * {@value ChangeFeed#CHANNEL}, and a daemon thread that waits for notifications
 * ({@link PGConnection#getNotifications(int)}) and hands those of its own schema on. When the
 * server goes away it tries again (0.5 s, then doubling up to 10 s); once listening again it
 * tells {@link Changes#EVERYTHING}, since what changed meanwhile was told to nobody. A connection
 * silent for a while is probed ({@code SELECT 1}) so that one a network cut left half-open is noticed.
 */
final class PostgresChangeListener implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresChangeListener.class);
    /** How long one wait for notifications lasts. */
    private static final int WAIT_MILLIS = 500;
    /** A connection silent this long is probed. */
    private static final long PROBE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(15);
    private static final long FIRST_RETRY_MILLIS = 500;
    private static final long LAST_RETRY_MILLIS = 10_000;

    private final Callable<Connection> connect;
    private final Consumer<Changes> publish;
    private final Thread thread;
    private final CountDownLatch listening = new CountDownLatch(1);
    private volatile boolean closed;
    private volatile Connection connection;
    private volatile int backendPid;

    PostgresChangeListener(Callable<Connection> connect, Consumer<Changes> publish) {
        this.connect = connect;
        this.publish = publish;
        this.thread = new Thread(this::run, "loket-listen");
        thread.setDaemon(true);
        thread.start();
    }

    boolean awaitListening(Duration timeout) {
        try {
            return listening.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The server process of the listening connection (0 while there is none): tests end it to cut the link. */
    int backendPid() {
        return backendPid;
    }

    private void run() {
        boolean wasListening = false;
        long retry = FIRST_RETRY_MILLIS;
        while (!closed) {
            try (Connection c = connect.call()) {
                connection = c;
                String schema;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + ChangeFeed.CHANNEL);
                    try (ResultSet rs = s.executeQuery("SELECT current_schema(), pg_backend_pid()")) {
                        rs.next();
                        schema = rs.getString(1);
                        backendPid = rs.getInt(2);
                    }
                }
                if (wasListening) {
                    LOG.info("Listening for other counters' changes again");
                    publish.accept(Changes.EVERYTHING);
                }
                wasListening = true;
                retry = FIRST_RETRY_MILLIS;
                listening.countDown();
                listen(c, schema);
            } catch (Exception e) {
                if (!closed) {
                    LOG.warn("Not listening for other counters' changes ({}); trying again in {} ms", e.getMessage(), retry);
                }
            } finally {
                connection = null;
                backendPid = 0;
            }
            if (closed) {
                return;
            }
            try {
                Thread.sleep(retry);
            } catch (InterruptedException e) {
                return;
            }
            retry = Math.min(retry * 2, LAST_RETRY_MILLIS);
        }
    }

    private void listen(Connection c, String schema) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long heard = System.nanoTime();
        String prefix = schema + "|";
        while (!closed) {
            PGNotification[] notes = pg.getNotifications(WAIT_MILLIS);
            if (notes != null && notes.length > 0) {
                heard = System.nanoTime();
                Changes all = null;
                for (PGNotification n : notes) {
                    String p = n.getParameter();
                    if (p != null && p.startsWith(prefix)) {
                        Changes one = ChangeTracker.fromWire(p.substring(prefix.length()));
                        all = all == null ? one : all.and(one);
                    }
                }
                if (all != null) {
                    publish.accept(all);
                }
            } else if (System.nanoTime() - heard > PROBE_AFTER_NANOS) {
                try (Statement s = c.createStatement()) {
                    s.setQueryTimeout(5);
                    s.execute("SELECT 1");
                }
                heard = System.nanoTime();
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        Connection c = connection;
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.debug("Closing the listening connection: {}", e.getMessage());
            }
        }
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
