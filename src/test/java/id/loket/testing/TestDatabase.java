package id.loket.testing;

import id.loket.db.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * A new, empty, migrated database for one test, on each database Loket runs on: an H2 file in
 * the test's temporary folder, or a schema of its own on a real PostgreSQL server, made fresh
 * when the test starts (dropped first if an earlier run left it) and dropped when it ends.
 *
 * <p>The server comes from the environment: {@code LOKET_TEST_PG_URL} (e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/loket_test}), {@code LOKET_TEST_PG_USER} and
 * {@code LOKET_TEST_PG_PASSWORD}; without them, the server {@code .ci/postgres-up} makes
 * (127.0.0.1:5432, database loket_test, role loket/loket). A PostgreSQL test that finds no
 * server fails rather than being skipped.
 */
public final class TestDatabase implements AutoCloseable {

    /** Which database a test runs against. */
    public enum Backend {
        /** An H2 file in the test's temporary folder, as on a desk. */
        H2,
        /** A PostgreSQL server, as in an office whose counters share one database. */
        POSTGRES
    }

    public static final String URL_VARIABLE = "LOKET_TEST_PG_URL";
    /** What .ci/postgres-up makes: used when the environment names no server. */
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/loket_test";
    public static final String USER_VARIABLE = "LOKET_TEST_PG_USER";
    public static final String PASSWORD_VARIABLE = "LOKET_TEST_PG_PASSWORD";

    private static final int MAX_IDENTIFIER = 63;

    private final Database db;
    private final PgServer server;
    private final String schema;

    private TestDatabase(Database db, PgServer server, String schema) {
        this.db = db;
        this.server = server;
        this.schema = schema;
    }

    /**
     * Opens a fresh database of {@code backend}. {@code dir} is the test's temporary folder (H2);
     * {@code name} names the PostgreSQL schema and must differ between tests that may run at
     * once, e.g. the test class and method.
     */
    public static TestDatabase open(Backend backend, Path dir, String name) {
        return switch (backend) {
            case H2 -> new TestDatabase(Database.openFolder(dir.resolve("h2")), null, null);
            case POSTGRES -> {
                PgServer server = PgServer.fromEnvironment();
                String schema = schemaName(name);
                server.run("DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema);
                try {
                    yield new TestDatabase(Database.openPostgres(server.url(schema), server.user(), server.password()), server, schema);
                } catch (RuntimeException e) {
                    server.run("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
                    throw e;
                }
            }
        };
    }

    /**
     * A fresh, empty PostgreSQL schema that the test opens itself, as a command or a desk would:
     * its URL (with {@code currentSchema}), role and password. Dropped on close.
     */
    public static PostgresSchema postgresSchema(String name) {
        PgServer server = PgServer.fromEnvironment();
        String schema = schemaName(name);
        server.run("DROP SCHEMA IF EXISTS " + schema + " CASCADE", "CREATE SCHEMA " + schema);
        return new PostgresSchema(server.url(schema), server.user(), server.password(), () -> server.run("DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
    }

    /** See {@link #postgresSchema}. */
    public record PostgresSchema(String url, String user, String password, Runnable drop) implements AutoCloseable {

        /** A file holding the password on its first line, as {@code --db-password-file} takes it. */
        public Path passwordFile(Path dir) {
            try {
                Path f = dir.resolve("db-password");
                java.nio.file.Files.writeString(f, password + "\n");
                return f;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** Opens it as Loket does (migrating it). */
        public Database open() {
            return Database.openPostgres(url, user, password);
        }

        @Override
        public void close() {
            drop.run();
        }
    }

    public Database db() {
        return db;
    }

    /** A second, independent Database on the same PostgreSQL schema (as another desk would open it). */
    public Database openAgain() {
        if (server == null) {
            throw new IllegalStateException("an H2 file is opened by one Loket at a time");
        }
        return Database.openPostgres(server.url(schema), server.user(), server.password());
    }

    /** Closes the database, and drops a PostgreSQL test's schema. */
    @Override
    public void close() {
        try {
            db.close();
        } finally {
            if (server != null) {
                server.run("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    /** {@code it_} and the name in lower-case letters, digits and underscores, at most 63 characters. */
    static String schemaName(String name) {
        String clean = ("it_" + name).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_");
        if (clean.length() > MAX_IDENTIFIER) {
            String hash = Integer.toHexString(clean.hashCode());
            clean = clean.substring(0, MAX_IDENTIFIER - hash.length() - 1) + "_" + hash;
        }
        return clean;
    }

    /** The PostgreSQL server the environment names. */
    private record PgServer(String baseUrl, String user, String password) {

        static PgServer fromEnvironment() {
            return new PgServer(or(System.getenv(URL_VARIABLE), DEFAULT_URL).strip(), or(System.getenv(USER_VARIABLE), "loket"),
                    or(System.getenv(PASSWORD_VARIABLE), "loket"));
        }

        private static String or(String s, String otherwise) {
            return s == null || s.isBlank() ? otherwise : s;
        }

        String url(String schema) {
            return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }

        void run(String... statements) {
            try (Connection c = DriverManager.getConnection(baseUrl, user, password); Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            } catch (SQLException e) {
                throw new AssertionError("PostgreSQL at " + baseUrl + " (" + URL_VARIABLE + "), as " + user + ": " + e.getMessage()
                        + ". Start one with: eval \"$(.ci/postgres-up)\" (as root or with sudo), or set " + URL_VARIABLE + ", "
                        + USER_VARIABLE + " and " + PASSWORD_VARIABLE + ".", e);
            }
        }
    }
}
