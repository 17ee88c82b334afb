package id.loket.db;

import id.loket.common.live.ChangeFeed;
import id.loket.common.live.Changes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jooq.Configuration;
import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteListenerProvider;
import org.jooq.TransactionContext;
import org.jooq.TransactionListener;
import org.jooq.TransactionListenerProvider;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices which watched tables ({@link Changes#WATCHED}) each transaction writes, and tells it
 * once the transaction commits: a jOOQ execute listener reads the table from each writing
 * statement ({@code insert into}, {@code update}, {@code delete from}, {@code merge into}), a
 * transaction listener keeps the set per outermost transaction (nested ones share it, as the
 * audit head keeper's mark) and drops it on rollback.
 *
 * <ul>
 * <li>PostgreSQL: just before the commit, on the transaction's own connection,
 * {@code pg_notify('loket_change', '<schema>|<tables>')}. The server delivers a notification only
 * when (and if) its transaction commits, so every desk listening, this one included, hears of
 * exactly what committed ({@link PostgresChangeListener}). The schema lets offices share a server.
 * <li>H2: the file is open in one process only, so every change is made in this JVM: the tables
 * are handed to the subscribers in-process right after the commit.
 * </ul>
 * A write outside any transaction (auto-commit) is told at once. Subscribers are called on one
 * daemon thread; what arrives while it waits a few milliseconds or calls them is told together.
 */
final class ChangeTracker implements ExecuteListener, TransactionListener, ChangeFeed {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ChangeTracker.class);
    private static final String MARK = ChangeTracker.class.getName() + ".mark";
    /** How long the dispatcher waits after a first change for the rest of its burst. */
    static final long SETTLE_MILLIS = 20;
    private static final Pattern WRITE = Pattern.compile(
            "\\b(?:insert\\s+into|update|delete\\s+from|merge\\s+into)\\s+((?:\"[^\"]+\"|[\\w$]+)(?:\\s*\\.\\s*(?:\"[^\"]+\"|[\\w$]+))*)",
            Pattern.CASE_INSENSITIVE);
    private static final String NOTIFY = "select pg_notify(?, current_schema() || '|' || ?)";

    /** The watched tables one outermost transaction wrote, and the cases it said it wrote; shared with its nested transactions. */
    private static final class Mark {
        int depth = 1;
        final Set<String> tables = new TreeSet<>();
        final Set<String> cases = new TreeSet<>();
        boolean casesUnknown;

        /** What the transaction changed: its cases are known when it named them (every writer of a case's rows names it). */
        Changes changes() {
            return cases.isEmpty() || casesUnknown ? Changes.of(tables) : Changes.ofCases(tables, cases);
        }
    }

    /** A case reference on the wire: after the tables, marked so that an older Loket takes it for a table it does not watch. */
    static final String CASE_PREFIX = "#";
    /** PostgreSQL refuses a notification payload of 8,000 bytes or more: past this the cases are left out (the day is read). */
    static final int MAX_WIRE = 7_000;

    private final boolean postgres;
    private final Callable<Connection> listenerConnection;
    private final transient CopyOnWriteArrayList<Consumer<Changes>> subscribers = new CopyOnWriteArrayList<>();
    private Changes pending;
    private Thread dispatcher;
    private PostgresChangeListener listener;
    private boolean closed;

    /** {@code listenerConnection}: a new, unpooled connection for PostgreSQL's listener (null on H2). */
    ChangeTracker(boolean postgres, Callable<Connection> listenerConnection) {
        this.postgres = postgres;
        this.listenerConnection = listenerConnection;
    }

    /** Adds this tracker to the listeners of {@code c} (both kinds), after those already there. */
    void attach(Configuration c) {
        TransactionListenerProvider[] t = c.transactionListenerProviders();
        TransactionListenerProvider[] t2 = Arrays.copyOf(t, t.length + 1);
        t2[t.length] = () -> this;
        ExecuteListenerProvider[] e = c.executeListenerProviders();
        ExecuteListenerProvider[] e2 = Arrays.copyOf(e, e.length + 1);
        e2[e.length] = () -> this;
        c.set(t2);
        c.set(e2);
    }

    /**
     * The watched tables a statement writes. Anywhere in it: jOOQ wraps an H2 insert that returns
     * keys as {@code select … from final table (insert into …)}. A {@code for update} or an
     * {@code on conflict do update set} names no table, so is not taken for one.
     */
    static Set<String> writtenTables(String sql) {
        if (sql == null) {
            return Set.of();
        }
        Set<String> found = new TreeSet<>();
        Matcher m = WRITE.matcher(sql);
        while (m.find()) {
            String name = m.group(1);
            int dot = name.lastIndexOf('.');
            String last = (dot < 0 ? name : name.substring(dot + 1)).strip().replace("\"", "").toLowerCase(Locale.ROOT);
            if (Changes.WATCHED.contains(last)) {
                found.add(last);
            }
        }
        return found;
    }

    /**
     * A change as a notification carries it: {@code case_file,outbox_event}, then the cases it
     * named, if it named all of them, as {@code #W-DPS-20261127-0001}. A list too long for a
     * notification leaves the cases out.
     */
    static String wire(Changes changes) {
        String tables = String.join(",", new TreeSet<>(changes.tables()));
        if (!changes.casesComplete() || changes.cases().isEmpty()) {
            return tables;
        }
        StringBuilder b = new StringBuilder(tables);
        for (String c : new TreeSet<>(changes.cases())) {
            b.append(',').append(CASE_PREFIX).append(c);
        }
        return b.length() <= MAX_WIRE ? b.toString() : tables;
    }

    /** The change of a notification's list, unknown table names kept (a newer Loket may watch more). */
    static Changes fromWire(String list) {
        Set<String> t = new TreeSet<>();
        Set<String> cases = new TreeSet<>();
        for (String s : list.split(",")) {
            String item = s.strip();
            if (item.startsWith(CASE_PREFIX)) {
                cases.add(item.substring(CASE_PREFIX.length()));
            } else if (!item.isEmpty()) {
                t.add(item);
            }
        }
        return cases.isEmpty() ? Changes.of(t) : Changes.ofCases(t, cases);
    }

    /**
     * The transaction of {@code c} writes rows of the case {@code caseRef} ({@link Changes#OF_CASES}):
     * its change names the case. Outside a transaction nothing is kept (the write is told at once,
     * its cases unknown); no case ({@code null}) leaves the transaction's cases unknown.
     */
    static void caseWritten(Configuration c, String caseRef) {
        if (c.data(MARK) instanceof Mark m) {
            if (caseRef == null) {
                m.casesUnknown = true;
            } else {
                m.cases.add(caseRef);
            }
        }
    }

    // ---- the statements ----

    @Override
    public void executeEnd(ExecuteContext ctx) {
        Set<String> written = new TreeSet<>();
        add(written, ctx.sql());
        if (ctx.batchSQL() != null) {
            for (String s : ctx.batchSQL()) {
                add(written, s);
            }
        }
        if (written.isEmpty()) {
            return;
        }
        if (ctx.configuration().data(MARK) instanceof Mark m) {
            m.tables.addAll(written);
            return;
        }
        // Outside a jOOQ transaction: auto-commit has made it so already (or the caller's own
        // transaction carries the notification to its commit).
        if (postgres) {
            try {
                notify(ctx.connection(), Changes.of(written));
            } catch (SQLException e) {
                LOG.warn("Could not tell other desks of a change: {}", e.getMessage());
            }
        } else {
            publish(Changes.of(written));
        }
    }

    private static void add(Set<String> into, String sql) {
        into.addAll(writtenTables(sql));
    }

    private static void notify(Connection c, Changes changes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(NOTIFY)) {
            ps.setString(1, CHANNEL);
            ps.setString(2, wire(changes));
            ps.execute();
        }
    }

    // ---- the transactions ----

    @Override
    public void beginStart(TransactionContext ctx) {
        if (ctx.configuration().data(MARK) instanceof Mark m) {
            m.depth++; // nested: the outermost transaction's mark
        } else {
            ctx.configuration().data(MARK, new Mark());
        }
    }

    @Override
    public void commitStart(TransactionContext ctx) {
        if (postgres && ctx.configuration().data(MARK) instanceof Mark m && m.depth == 1 && !m.tables.isEmpty()) {
            // Inside the transaction: the server holds the notification until it commits, and drops it if it does not.
            ctx.configuration().dsl().resultQuery("select pg_notify({0}, current_schema() || '|' || {1})", DSL.val(CHANNEL),
                    DSL.val(wire(m.changes()))).fetch();
        }
    }

    @Override
    public void commitEnd(TransactionContext ctx) {
        if (!(ctx.configuration().data(MARK) instanceof Mark m)) {
            return;
        }
        if (m.depth > 1) {
            m.depth--;
            return;
        }
        if (!postgres && !m.tables.isEmpty()) {
            publish(m.changes());
        }
    }

    @Override
    public void rollbackEnd(TransactionContext ctx) {
        if (ctx.configuration().data(MARK) instanceof Mark m && m.depth > 1) {
            m.depth--; // a savepoint rolled back: what it wrote may stay told, which does no harm
        }
    }

    // ---- telling the subscribers ----

    /** Hands {@code changes} to the dispatcher (merged with what waits already). */
    synchronized void publish(Changes changes) {
        if (closed || subscribers.isEmpty()) {
            return;
        }
        pending = pending == null ? changes : pending.and(changes);
        notifyAll();
    }

    @Override
    public Subscription subscribe(Consumer<Changes> subscriber) {
        synchronized (this) {
            if (closed) {
                return () -> { };
            }
            subscribers.add(subscriber);
            if (dispatcher == null) {
                dispatcher = new Thread(this::dispatch, "loket-changes");
                dispatcher.setDaemon(true);
                dispatcher.start();
            }
            if (postgres && listener == null) {
                listener = new PostgresChangeListener(listenerConnection, this::publish);
            }
        }
        return () -> subscribers.remove(subscriber);
    }

    @Override
    public boolean awaitListening(Duration timeout) {
        PostgresChangeListener l;
        synchronized (this) {
            l = listener;
        }
        return !postgres || (l != null && l.awaitListening(timeout));
    }

    /** The server process of the listening connection (0 while there is none; H2: 0): tests cut it. */
    int listenerPid() {
        PostgresChangeListener l;
        synchronized (this) {
            l = listener;
        }
        return l == null ? 0 : l.backendPid();
    }

    private void dispatch() {
        while (true) {
            Changes next;
            try {
                synchronized (this) {
                    while (pending == null && !closed) {
                        wait();
                    }
                    if (closed) {
                        return;
                    }
                }
                Thread.sleep(SETTLE_MILLIS); // the rest of a burst (a pull's pages, a closing's rows) comes with it
                synchronized (this) {
                    next = pending;
                    pending = null;
                }
            } catch (InterruptedException e) {
                return;
            }
            for (Consumer<Changes> s : subscribers) {
                try {
                    s.accept(next);
                } catch (RuntimeException e) {
                    LOG.warn("A change subscriber failed", e);
                }
            }
        }
    }

    @Override
    public void close() {
        PostgresChangeListener l;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            pending = null;
            subscribers.clear();
            l = listener;
            notifyAll();
        }
        if (l != null) {
            l.close();
        }
    }
}
