package id.loket.app;

import id.loket.common.model.UserFacingException;
import id.loket.db.Database;
import id.loket.settings.repo.PcSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which database this PC works on: the office's PostgreSQL server (URL, role, and the file holding
 * the role's password), or, when nothing names one, the H2 file in the data folder.
 *
 * <p>Taken from the command line ({@code --db}, {@code --db-user}, {@code --db-password-file}),
 * else from the environment ({@code LOKET_DB_URL}, {@code LOKET_DB_USER},
 * {@code LOKET_DB_PASSWORD_FILE}), else from what this PC remembered ({@link PcSettings}). What
 * the command line gives is remembered, so a counter PC is set up once; {@code --db local} forgets
 * it and goes back to the H2 file. The password itself is read from its file when the database
 * opens and is never written anywhere else.
 */
public record DatabaseChoice(String url, String user, Path passwordFile, String reportUser, Path reportPasswordFile) {

    public static final String URL_VARIABLE = "LOKET_DB_URL";
    public static final String USER_VARIABLE = "LOKET_DB_USER";
    public static final String PASSWORD_FILE_VARIABLE = "LOKET_DB_PASSWORD_FILE";
    /** The read-only role reports run as, and the file with its password (see docs/office-server.md). */
    public static final String REPORT_USER_VARIABLE = "LOKET_DB_REPORT_USER";
    public static final String REPORT_PASSWORD_FILE_VARIABLE = "LOKET_DB_REPORT_PASSWORD_FILE";

    public DatabaseChoice(String url, String user, Path passwordFile) {
        this(url, user, passwordFile, null, null);
    }
    /** {@code --db local}: the H2 file of the data folder (forgets a remembered server). */
    public static final String LOCAL = "local";

    /** The same with the password file's place absolute, as it is remembered. */
    public DatabaseChoice withAbsoluteFile() {
        return new DatabaseChoice(url, user, passwordFile.toAbsolutePath().normalize(), reportUser,
                reportPasswordFile == null ? null : reportPasswordFile.toAbsolutePath().normalize());
    }

    /**
     * The same with the report reader's role: from the environment, else what this PC remembered
     * ({@code db.reportUser}, {@code db.reportPasswordFile} in its loket.properties).
     */
    public DatabaseChoice withReportReader(Map<String, String> env, PcSettings pc) {
        String role = blankToNull(env.get(REPORT_USER_VARIABLE));
        Path file = path(env.get(REPORT_PASSWORD_FILE_VARIABLE));
        if (role == null) {
            role = pc.get(PcSettings.DB_REPORT_USER).orElse(null);
            file = pc.get(PcSettings.DB_REPORT_PASSWORD_FILE).map(Path::of).orElse(null);
        }
        return new DatabaseChoice(url, user, passwordFile, role, file);
    }

    /** The report reader's password (first line of its file), when a role is named. */
    public java.util.Optional<String> reportPassword() {
        return reportUser == null || reportPasswordFile == null ? java.util.Optional.empty()
                : java.util.Optional.of(firstLine(reportPasswordFile));
    }

    /** What the command line said (each may be null). */
    public record Given(String url, String user, Path passwordFile) {
        boolean any() {
            return url != null || user != null || passwordFile != null;
        }
    }

    /**
     * The database to open: empty means the data folder's H2 file. Remembers what the command line
     * gave in {@code pc}. Refuses in words a URL that is not PostgreSQL's, a server without a role
     * or a password file, and a role or password file without a server.
     */
    public static Optional<DatabaseChoice> resolve(Given given, Map<String, String> env, PcSettings pc) {
        if (given.url() != null && given.url().strip().equalsIgnoreCase(LOCAL)) {
            if (given.user() != null || given.passwordFile() != null) {
                throw new UserFacingException("db.localWithServerOptions");
            }
            pc.remove(PcSettings.DB_URL, PcSettings.DB_USER, PcSettings.DB_PASSWORD_FILE);
            return Optional.empty();
        }
        if (given.url() != null) {
            DatabaseChoice c = of(given.url(), firstOf(given.user(), env.get(USER_VARIABLE)),
                    firstOf(given.passwordFile(), path(env.get(PASSWORD_FILE_VARIABLE))));
            pc.put(PcSettings.DB_URL, c.url());
            pc.put(PcSettings.DB_USER, c.user());
            pc.put(PcSettings.DB_PASSWORD_FILE, c.passwordFile().toAbsolutePath().normalize().toString());
            return Optional.of(c);
        }
        String envUrl = blankToNull(env.get(URL_VARIABLE));
        if (envUrl != null) {
            return Optional.of(of(envUrl, firstOf(given.user(), env.get(USER_VARIABLE)),
                    firstOf(given.passwordFile(), path(env.get(PASSWORD_FILE_VARIABLE)))));
        }
        Optional<String> saved = pc.get(PcSettings.DB_URL);
        if (saved.isPresent()) {
            DatabaseChoice c = of(saved.get(), firstOf(given.user(), pc.get(PcSettings.DB_USER).orElse(null)),
                    firstOf(given.passwordFile(), pc.get(PcSettings.DB_PASSWORD_FILE).map(Path::of).orElse(null)));
            if (given.any()) {
                pc.put(PcSettings.DB_USER, c.user());
                pc.put(PcSettings.DB_PASSWORD_FILE, c.passwordFile().toAbsolutePath().normalize().toString());
            }
            return Optional.of(c);
        }
        if (given.any()) {
            throw new UserFacingException("db.optionsWithoutServer");
        }
        return Optional.empty();
    }

    /** Checks the three parts without touching the server. */
    public static DatabaseChoice of(String url, String user, Path passwordFile) {
        String u = url == null ? "" : url.strip();
        if (!u.startsWith("jdbc:postgresql://") || u.length() <= "jdbc:postgresql://".length()) {
            throw new UserFacingException("data.notPostgresUrl", withoutParameters(u));
        }
        if (user == null || user.isBlank()) {
            throw new UserFacingException("db.userMissing", withoutParameters(u));
        }
        if (passwordFile == null) {
            throw new UserFacingException("db.passwordFileMissing", withoutParameters(u));
        }
        return new DatabaseChoice(u, user.strip(), passwordFile);
    }

    /** The URL without its parameters (they may hold a password), for messages and the log. */
    public String where() {
        return withoutParameters(url);
    }

    /** The password: the first line of its file, refused in words when the file is missing, unreadable or empty. */
    public String password() {
        return firstLine(passwordFile);
    }

    private static String firstLine(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserFacingException("db.passwordFileNotFound", file);
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || lines.get(0).isEmpty()) {
                throw new UserFacingException("db.passwordFileEmpty", file);
            }
            return lines.get(0);
        } catch (IOException e) {
            throw new UserFacingException(e, "db.passwordFileUnreadable", file, e.getMessage());
        }
    }

    /** Opens the office database this choice names (migrating it if needed). */
    public Database open() {
        return Database.openPostgres(url, user, password());
    }

    static String withoutParameters(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    private static <T> T firstOf(T a, T b) {
        return a != null ? a : b;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Path path(String s) {
        return blankToNull(s) == null ? null : Path.of(s.strip());
    }

    @Override
    public String toString() {
        return where() + " as " + user;
    }
}
