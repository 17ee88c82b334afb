package id.loket.db;

import id.loket.common.live.ChangeFeed;
import id.loket.common.live.ServerLink;
import id.loket.common.model.UserFacingException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jooq.Configuration;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.impl.DefaultExecuteListenerProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches every statement for a lost link to the database server. A statement that fails because
 * the server cannot be reached (SQL state class 08, or no connection within the pool's timeout) is
 * refused in words ({@code data.serverLost}) instead of as a driver's error, and the link is marked
 * lost; from then on the server is asked every {@link #PROBE_EVERY_MS} ms until it answers, and
 * whoever subscribed is told both times. Nothing is retried behind the caller's back: a step that
 * failed did not commit (one transaction), and the officer does it again once the server is back.
 */
final class ServerLinkMonitor implements ServerLink, ExecuteListener {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ServerLinkMonitor.class);
    static final long PROBE_EVERY_MS = 3_000;

    private final transient DataSource dataSource;
    private final Object where;
    private final transient CopyOnWriteArrayList<Consumer<Optional<Instant>>> subscribers = new CopyOnWriteArrayList<>();
    private volatile Instant lostSince;
    private transient ScheduledExecutorService prober;
    private transient ScheduledFuture<?> probe;

    ServerLinkMonitor(DataSource dataSource, Object where) {
        this.dataSource = dataSource;
        this.where = where;
    }

    /** Listens to every statement of {@code c}, after what listens already. */
    void attach(Configuration c) {
        ExecuteListenerProvider[] e = c.executeListenerProviders();
        ExecuteListenerProvider[] e2 = Arrays.copyOf(e, e.length + 1);
        e2[e.length] = new DefaultExecuteListenerProvider(this);
        c.set(e2);
    }

    @Override
    public Optional<Instant> lostSince() {
        return Optional.ofNullable(lostSince);
    }

    @Override
    public ChangeFeed.Subscription subscribe(Consumer<Optional<Instant>> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    @Override
    public void exception(ExecuteContext ctx) {
        RuntimeException e = ctx.exception();
        if (e != null && isLinkLost(e)) {
            ctx.exception(lost(e));
        }
    }

    /** True when {@code e} says the server could not be reached (not that it refused a statement). */
    static boolean isLinkLost(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true; // the pool found no connection within its timeout
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("57P01") || sql.getSQLState().equals("57P03"))) {
                return true; // connection exception; the server shutting down or starting
            }
        }
        return false;
    }

    /** Marks the link lost (the first time: tells the subscribers, starts asking) and gives the refusal in words. */
    UserFacingException lost(RuntimeException cause) {
        boolean first;
        synchronized (this) {
            first = lostSince == null;
            if (first) {
                lostSince = Instant.now();
                startProbing();
            }
        }
        if (first) {
            LOG.warn("The database server {} does not answer: {}", where, cause.getMessage());
            tell();
        }
        return new UserFacingException(cause, "data.serverLost", where);
    }

    private void startProbing() {
        if (prober == null) {
            prober = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "db-link-probe");
                t.setDaemon(true);
                return t;
            });
        }
        probe = prober.scheduleWithFixedDelay(this::askServer, PROBE_EVERY_MS, PROBE_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    private void askServer() {
        try (Connection c = dataSource.getConnection()) {
            if (c.isValid(2)) {
                found();
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debug("Database server {} still does not answer: {}", where, e.getMessage());
        }
    }

    private void found() {
        synchronized (this) {
            if (lostSince == null) {
                return;
            }
            LOG.info("The database server {} answers again (lost since {})", where, lostSince);
            lostSince = null;
            probe.cancel(false);
        }
        tell();
    }

    private void tell() {
        Optional<Instant> now = lostSince();
        for (Consumer<Optional<Instant>> s : subscribers) {
            try {
                s.accept(now);
            } catch (RuntimeException e) {
                LOG.warn("A subscriber to the database link failed", e);
            }
        }
    }

    void close() {
        if (prober != null) {
            prober.shutdownNow();
        }
    }
}
