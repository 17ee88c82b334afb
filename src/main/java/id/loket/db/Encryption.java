package id.loket.db;

import id.loket.common.model.UserFacingException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.h2.tools.ChangeFileEncryption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encrypts the plain database of an earlier Loket in place, at its first start with this one:
 * a copy of the plain file into {@code backups/}, the user {@code loket} given line 2 of the key
 * as its password, the file encrypted with line 1 (H2's {@link ChangeFileEncryption}), the
 * encrypted file opened and every table's row count compared with the plain one's, and only
 * then the plain copy overwritten and deleted. A start that is cut short anywhere leaves either
 * the plain file (done again next time) or the encrypted one and the plain copy (removed at the
 * next start that opens the encrypted file).
 */
final class Encryption {

    private static final Logger LOG = LoggerFactory.getLogger(Encryption.class);
    static final String PLAIN_COPY = "loket-before-encryption";
    private static final int WRONG_PASSWORD = 28000;

    private Encryption() {
    }

    static void encryptInPlace(DataFolder folder, KeyFile key, List<Database.Notice> notices) {
        Path dir = folder.dir();
        Path copy;
        Map<String, Long> before;
        try {
            copy = folder.newBackupName(PLAIN_COPY, ".mv.db");
            Files.copy(folder.dbFile(), copy, StandardCopyOption.COPY_ATTRIBUTES);
            KeyFile.Owner.only(copy);
        } catch (IOException e) {
            throw new UserFacingException(e, "data.cannotEncrypt", dir, e.getMessage());
        }
        LOG.warn("The database in {} is not encrypted: encrypting it now with the key {} (a plain copy is kept as {} until it is done)",
                dir, key.path(), copy.getFileName());
        String plainUrl = "jdbc:h2:file:" + folder.h2Name() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;IFEXISTS=TRUE;TRACE_LEVEL_FILE=0";
        String encryptedUrl = "jdbc:h2:file:" + folder.h2Name() + ";CIPHER=AES;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;IFEXISTS=TRUE;TRACE_LEVEL_FILE=0";
        try {
            try (Connection c = plainConnection(plainUrl, key); Statement s = c.createStatement()) {
                before = counts(c);
                s.execute("ALTER USER loket SET PASSWORD '" + key.userPassword() + "'"); // hexadecimal: nothing to escape
                s.execute("SHUTDOWN");
            }
            ChangeFileEncryption.execute(dir.toString(), "loket", "AES", null, key.filePassword().toCharArray(), true);
            Map<String, Long> after;
            try (Connection c = DriverManager.getConnection(encryptedUrl, "loket", key.h2Password()); Statement s = c.createStatement()) {
                after = counts(c);
                s.execute("SHUTDOWN");
            }
            if (!before.equals(after)) {
                LOG.error("The encrypted database in {} does not hold what the plain one held ({} against {}); the plain copy {} is kept",
                        dir, after.size(), before.size(), copy);
                throw new UserFacingException("data.encryptionNotVerified", dir, copy);
            }
        } catch (SQLException e) {
            throw new UserFacingException(e, "data.cannotEncrypt", dir, e.getMessage());
        }
        try {
            DataFolder.shred(copy);
            DataFolder.shred(dir.resolve("loket.trace.db"));
        } catch (IOException e) {
            LOG.error("The plain copy {} could not be removed: {}", copy, e.getMessage());
            notices.add(new Database.Notice("data.encryptedCopyLeft", dir, key.path(), copy));
            return;
        }
        long rows = before.values().stream().mapToLong(Long::longValue).sum();
        LOG.warn("The database in {} is now encrypted ({} tables, {} rows checked); the plain copy was overwritten and deleted",
                dir, before.size(), rows);
        notices.add(new Database.Notice("data.encryptedNow", dir, key.path(), before.size(), rows));
    }

    /** An encryption cut short after the file was encrypted leaves the plain copy: it goes once the encrypted file is known good. */
    static void shredLeftovers(DataFolder folder, List<Database.Notice> notices) {
        if (!Files.isDirectory(folder.backups())) {
            return;
        }
        List<Path> left = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(folder.backups(), PLAIN_COPY + "-*.mv.db")) {
            s.forEach(left::add);
            for (Path p : left) {
                DataFolder.shred(p);
                LOG.warn("Removed the plain copy {} left by an encryption that was cut short", p.getFileName());
                notices.add(new Database.Notice("data.plainCopyRemoved", p));
            }
        } catch (IOException e) {
            LOG.error("A plain copy in {} could not be removed: {}", folder.backups(), e.getMessage());
        }
    }

    /** The plain file's user has no password, or already line 2 if an earlier encryption stopped after setting it. */
    private static Connection plainConnection(String url, KeyFile key) throws SQLException {
        try {
            return DriverManager.getConnection(url, "loket", "");
        } catch (SQLException e) {
            if (e.getErrorCode() != WRONG_PASSWORD) {
                throw e;
            }
            return DriverManager.getConnection(url, "loket", key.userPassword());
        }
    }

    private static Map<String, Long> counts(Connection c) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        Map<String, Long> counts = new TreeMap<>();
        for (String t : tables) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + t.replace("\"", "\"\"") + "\"")) {
                rs.next();
                counts.put(t, rs.getLong(1));
            }
        }
        return counts;
    }
}
