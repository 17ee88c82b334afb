package id.loket.settings.repo;

import id.loket.common.model.UserFacingException;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The settings of this PC, not of the office: which database it works on, the counter it stands
 * at, its language and its printer. They live in {@code loket.properties} in the data folder,
 * never in the database, because on an office server every counter shares the database while
 * each PC has its own counter number and printer. Written whole to a temporary file and moved
 * into place, so a crash leaves the old file or the new one, never half of one; mode 600.
 */
public final class PcSettings implements KeyValues {

    public static final String FILE = "loket.properties";

    /** The office database's JDBC URL ({@code jdbc:postgresql://…}); absent: the H2 file of the data folder. */
    public static final String DB_URL = "db.url";
    public static final String DB_USER = "db.user";
    /** The file holding the database password (its first line); the password itself is never written here. */
    public static final String DB_PASSWORD_FILE = "db.passwordFile";

    /** The read-only role reports run as on the server, and the file with its password. */
    public static final String DB_REPORT_USER = "db.reportUser";
    public static final String DB_REPORT_PASSWORD_FILE = "db.reportPasswordFile";

    /** The keys that belong to the PC; a desk on an H2 file of an earlier Loket kept them in the database. */
    public static final Set<String> DESK_KEYS = Set.of(SettingsRepository.COUNTER, SettingsRepository.LANGUAGE,
            SettingsRepository.PRINT_PRINTER, SettingsRepository.PRINT_PAPER);

    private final Path file;

    public PcSettings(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(read().getProperty(key));
    }

    @Override
    public synchronized void put(String key, String value) {
        Properties p = read();
        if (value == null) {
            p.remove(key);
        } else {
            p.setProperty(key, value);
        }
        write(p);
    }

    /** Removes {@code keys} in one write. */
    public synchronized void remove(String... keys) {
        Properties p = read();
        for (String k : keys) {
            p.remove(k);
        }
        write(p);
    }

    private Properties read() {
        Properties p = new Properties();
        if (!Files.exists(file)) {
            return p;
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
            return p;
        } catch (IOException | IllegalArgumentException e) {
            throw new UserFacingException(e, "pc.settingsUnreadable", file, e.getMessage());
        }
    }

    private void write(Properties p) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".loket-", ".properties");
            try {
                id.loket.db.KeyFile.Owner.only(tmp);
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    p.store(w, "This PC's Loket settings (the office's are in its database)");
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UserFacingException(e, "pc.settingsUnwritable", file, e.getMessage());
        }
    }
}
