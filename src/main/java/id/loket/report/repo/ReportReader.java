package id.loket.report.repo;

import id.loket.common.model.UserFacingException;
import id.loket.db.Database;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database user every report runs as: it may SELECT the tables of {@link #READABLE} and
 * nothing else, and each report runs in a transaction of its own that is rolled back, never
 * committed.
 *
 * <p><b>H2</b>: the user {@value #H2_USER}, without admin rights, made by the owner when the
 * reader is first used, with a new random password each time Loket opens the database (kept in
 * memory only: no file holds it, and the password the previous run set is of no use). H2
 * ignores {@link Connection#setReadOnly} and has no read-only transactions, so the user's rights
 * are the wall there: H2 refuses a user without admin rights {@code CSVWRITE}, {@code CSVREAD},
 * {@code FILE_READ}, {@code FILE_WRITE}, {@code SCRIPT}, {@code BACKUP}, {@code RUNSCRIPT},
 * {@code LINK_SCHEMA}, linked tables, {@code CREATE ALIAS} and {@code SHUTDOWN}, and anything
 * on a table it was not granted.
 *
 * <p><b>PostgreSQL</b>: a login role the server's administrator makes (roles belong to the
 * whole server; the owner of Loket's schema may not create them), named with its password to
 * {@link #postgres}. The owner grants it USAGE on the schema and SELECT on {@link #READABLE};
 * each report's transaction is also {@code READ ONLY}, which PostgreSQL enforces.
 *
 * <p>Either way, before the first report the reader proves what it cannot do: it tries to read
 * each table of {@link #NEVER} and refuses to run any report if it can (a role granted too much
 * by hand, a PostgreSQL role that is a member of the owner's, a superuser).
 */
public final class ReportReader {

    private static final Logger LOG = LoggerFactory.getLogger(ReportReader.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** H2: wrong user name or password. */
    private static final int H2_WRONG_PASSWORD = 28000;

    /** The H2 user reports run as. */
    public static final String H2_USER = "loket_report";

    /**
     * What reports may read. A table not named here is not readable by any report, whatever a
     * later migration adds: opening one to reports is a deliberate change of this list, reviewed
     * as such. Left out on purpose: staff and staff_session (password hashes, sessions), setting
     * (the central token; the fee table is in the view report_fee_setting), appointment_guardian
     * (guardians' personal data), sync_cursor, sync_rejected_item (raw items from central),
     * sync_conflict and sync_conflict_audit, day_sequence.
     */
    public static final List<String> READABLE = List.of("appointment", "case_file", "case_document", "case_rejection_reason",
            "case_receipt", "audit_log", "outbox_event", "sync_run", "push_status", "day_closing", "no_show", "holiday",
            "report_fee_setting", "day_line");

    /** Tables the reader must be unable to read; checked against the database before the first report. */
    public static final List<String> NEVER = List.of("staff", "staff_session", "setting");

    private final Database db;
    private final String user;
    private final boolean h2;
    private volatile String password;
    private volatile boolean ready;

    private ReportReader(Database db, String user, String password, boolean h2) {
        this.db = db;
        this.user = user;
        this.password = password;
        this.h2 = h2;
    }

    /**
     * The reader of {@code db}: on H2 the user {@value #H2_USER} Loket makes itself; PostgreSQL
     * needs a role its administrator made, named with {@link #postgres}.
     */
    public static ReportReader of(Database db) {
        if (db.dialect().family() == SQLDialect.H2) {
            return new ReportReader(db, H2_USER, null, true);
        }
        throw new UserFacingException("report.readerNotConfigured");
    }

    /** The reader of a PostgreSQL database: {@code role} must exist, may log in, and must not be the owner or a member of it. */
    public static ReportReader postgres(Database db, String role, String password) {
        if (db.dialect().family() != SQLDialect.POSTGRES) {
            throw new IllegalArgumentException("not a PostgreSQL database");
        }
        if (role == null || !role.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new UserFacingException("report.readerBadRole", String.valueOf(role));
        }
        return new ReportReader(db, role, password, false);
    }

    /** The database it reads (whose owner connection appends the audit row of each run). */
    public Database database() {
        return db;
    }

    /** The database user or role reports run as. */
    public String user() {
        return user;
    }

    /**
     * Runs {@code work} as the reader, in a read-only transaction that is rolled back afterwards
     * (whatever {@code work} did, nothing of it is committed).
     */
    public <T> T read(Function<DSLContext, T> work) {
        prepare();
        try (Connection c = connect()) {
            c.setReadOnly(true); // PostgreSQL: BEGIN READ ONLY; H2: ignored (the user's rights refuse)
            c.setAutoCommit(false);
            if (!h2) {
                try (Statement s = c.createStatement()) {
                    s.execute("SET TRANSACTION READ ONLY");
                }
            }
            try {
                return work.apply(DSL.using(c, db.dialect(), new Settings().withExecuteLogging(false)));
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new UserFacingException(e, "report.readerUnavailable", user, firstLine(e.getMessage()));
        }
    }

    private Connection connect() throws SQLException {
        try {
            return db.connectAs(user, password);
        } catch (SQLException e) {
            if (!h2 || e.getErrorCode() != H2_WRONG_PASSWORD) {
                throw e;
            }
            // Another reader of this database set a password of its own since: set ours again.
            LOG.info("Report reader's password was changed since it was set; setting it again");
            synchronized (this) {
                ready = false;
            }
            prepare();
            return db.connectAs(user, password);
        }
    }

    /** Makes the user (H2), grants exactly {@link #READABLE}, and proves {@link #NEVER} unreadable; once. */
    private synchronized void prepare() {
        if (ready) {
            return;
        }
        DSLContext owner = db.dsl();
        if (h2) {
            String secret = HexFormat.of().formatHex(bytes(24)); // hex: safe inside a literal
            owner.execute("CREATE USER IF NOT EXISTS " + H2_USER + " PASSWORD '" + secret + "'");
            owner.execute("ALTER USER " + H2_USER + " SET PASSWORD '" + secret + "'");
            owner.execute("ALTER USER " + H2_USER + " ADMIN FALSE");
            for (String table : owner.fetch("SELECT table_name FROM information_schema.tables WHERE table_schema = CURRENT_SCHEMA")
                    .getValues(0, String.class)) {
                owner.execute("REVOKE ALL ON " + DSL.name(table) + " FROM " + H2_USER);
            }
            for (String granted : owner.fetch("SELECT grantedrole FROM information_schema.rights WHERE grantee = ? AND grantedrole IS NOT NULL",
                    H2_USER).getValues(0, String.class)) {
                owner.execute("REVOKE " + DSL.name(granted) + " FROM " + H2_USER);
            }
            for (String table : READABLE) {
                owner.execute("GRANT SELECT ON " + DSL.name(table) + " TO " + H2_USER);
            }
            password = secret;
        } else {
            String schema = owner.fetchValue("SELECT current_schema()").toString();
            if (owner.fetchOptional("SELECT 1 FROM pg_roles WHERE rolname = ?", user).isEmpty()) {
                throw new UserFacingException("report.readerMissing", user);
            }
            owner.execute("GRANT USAGE ON SCHEMA " + DSL.name(schema) + " TO " + DSL.name(user));
            owner.execute("REVOKE ALL ON ALL TABLES IN SCHEMA " + DSL.name(schema) + " FROM " + DSL.name(user));
            owner.execute("REVOKE ALL ON ALL SEQUENCES IN SCHEMA " + DSL.name(schema) + " FROM " + DSL.name(user));
            for (String table : READABLE) {
                owner.execute("GRANT SELECT ON " + DSL.name(table) + " TO " + DSL.name(user));
            }
        }
        proveNeverReadable();
        ready = true;
        LOG.info("Reports run as database user {}, reading {} tables", user, READABLE.size());
    }

    private void proveNeverReadable() {
        try (Connection c = db.connectAs(user, password)) {
            c.setAutoCommit(false);
            for (String table : NEVER) {
                boolean readable;
                try (Statement s = c.createStatement()) {
                    s.executeQuery("SELECT 1 FROM " + table + " WHERE 1 = 0").close();
                    readable = true;
                } catch (SQLException refused) {
                    readable = false;
                    c.rollback(); // PostgreSQL: the refusal ended the transaction
                }
                if (readable) {
                    throw new UserFacingException("report.readerTooStrong", user, table);
                }
            }
            c.rollback();
        } catch (SQLException e) {
            throw new UserFacingException(e, "report.readerUnavailable", user, firstLine(e.getMessage()));
        }
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
