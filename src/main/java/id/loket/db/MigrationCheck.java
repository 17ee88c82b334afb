package id.loket.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import javax.sql.DataSource;

/**
 * Whether a database already has every migration this build ships, told without Flyway: the
 * {@code db/migration} scripts on the class path (versions and Flyway's checksums) against the
 * rows of {@code flyway_schema_history}. Flyway itself costs a second or two at every start (its
 * classes, the class-path scan, the validation); it runs only when this check cannot say "up to
 * date": a pending migration, a failed or changed one (Flyway then refuses it in its own words),
 * a script this check does not understand, or anything unexpected while looking.
 */
final class MigrationCheck {

    static final String LOCATION = "db/migration";
    /** Flyway's versioned SQL migrations: {@code V<version>__<description>.sql}. */
    private static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__.*\\.sql");

    /** Rows without a version that Flyway writes when it creates its table or the schema. */
    private static final java.util.Set<String> MARKERS = java.util.Set.of("TABLE", "SCHEMA");

    private MigrationCheck() {
    }

    /** A shipped script: its version (normalized) and Flyway's checksum of it. */
    record Script(String version, int checksum) {
    }

    /**
     * True only when the history holds exactly the shipped versions, each applied successfully
     * with the shipped script's checksum; false means: let Flyway migrate (and validate).
     */
    static boolean upToDate(DataSource ds) {
        Optional<Map<String, Script>> shipped = shipped(MigrationCheck.class.getClassLoader());
        if (shipped.isEmpty() || shipped.get().isEmpty()) {
            return false;
        }
        Map<String, Integer> applied = new HashMap<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version, checksum, success, type FROM flyway_schema_history")) {
            while (rs.next()) {
                String version = rs.getString(1);
                int checksum = rs.getInt(2);
                boolean checksumNull = rs.wasNull();
                boolean success = rs.getBoolean(3);
                String type = rs.getString(4);
                if (success && version == null && MARKERS.contains(type)) {
                    continue; // Flyway's note that it made the history table (or the schema)
                }
                if (!success || version == null || checksumNull || !"SQL".equals(type)) {
                    return false; // a failed migration, a baseline, anything else: Flyway decides
                }
                if (applied.put(normalize(version), checksum) != null) {
                    return false;
                }
            }
        } catch (SQLException e) {
            return false; // no history table (a new database) or an unexpected shape: Flyway decides
        }
        if (!applied.keySet().equals(shipped.get().keySet())) {
            return false;
        }
        for (Script script : shipped.get().values()) {
            if (applied.get(script.version()) != script.checksum()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The shipped migrations by version, from every {@code db/migration} on the class path (a
     * folder or a jar); empty when one holds a file this check does not understand (a
     * repeatable or undo script, another kind of file) or cannot be read.
     */
    static Optional<Map<String, Script>> shipped(ClassLoader loader) {
        Map<String, Script> scripts = new HashMap<>();
        try {
            Enumeration<URL> locations = loader.getResources(LOCATION);
            if (!locations.hasMoreElements()) {
                return Optional.empty();
            }
            while (locations.hasMoreElements()) {
                URL location = locations.nextElement();
                for (Map.Entry<String, Opener> file : files(location).entrySet()) {
                    Matcher m = VERSIONED.matcher(file.getKey());
                    if (!m.matches()) {
                        return Optional.empty();
                    }
                    String version = normalize(m.group(1));
                    int checksum;
                    try (InputStream in = file.getValue().open()) {
                        checksum = checksum(in);
                    }
                    if (scripts.put(version, new Script(version, checksum)) != null) {
                        return Optional.empty(); // the same version twice: Flyway says what is wrong
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(scripts);
    }

    private interface Opener {
        InputStream open() throws IOException;
    }

    /** The files directly in one location, by name. */
    private static Map<String, Opener> files(URL location) throws IOException, URISyntaxException {
        Map<String, Opener> files = new HashMap<>();
        if ("file".equals(location.getProtocol())) {
            try (Stream<Path> list = Files.list(Path.of(location.toURI()))) {
                for (Path p : (Iterable<Path>) list::iterator) {
                    if (!Files.isDirectory(p)) {
                        files.put(p.getFileName().toString(), () -> Files.newInputStream(p));
                    }
                }
            }
            return files;
        }
        if ("jar".equals(location.getProtocol())) {
            URLConnection connection = location.openConnection();
            if (!(connection instanceof JarURLConnection jarConnection)) {
                throw new IOException("not a jar: " + location);
            }
            String prefix = jarConnection.getEntryName();
            prefix = prefix.endsWith("/") ? prefix : prefix + "/";
            JarFile jar = jarConnection.getJarFile(); // cached by the JDK, shared with the class loader: not closed here
            List<JarEntry> entries = new ArrayList<>();
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                JarEntry entry = e.nextElement();
                String name = entry.getName();
                if (name.startsWith(prefix) && name.length() > prefix.length() && name.indexOf('/', prefix.length()) < 0) {
                    entries.add(entry);
                }
            }
            for (JarEntry entry : entries) {
                files.put(entry.getName().substring(prefix.length()), () -> jar.getInputStream(entry));
            }
            return files;
        }
        throw new IOException("a location this check does not read: " + location.getProtocol());
    }

    /**
     * Flyway's checksum of a script: CRC-32 of the UTF-8 bytes of its lines without their line
     * breaks (so line endings do not count), a byte-order mark at the start left out.
     */
    static int checksum(InputStream in) throws IOException {
        CRC32 crc = new CRC32();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 4096);
        String line = reader.readLine();
        if (line != null) {
            if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            do {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            } while ((line = reader.readLine()) != null);
        }
        return (int) crc.getValue();
    }

    /** A version as Flyway compares them: parts split at '.' or '_', leading zeros and trailing zero parts dropped. */
    static String normalize(String version) {
        String[] parts = version.split("[._]");
        List<String> out = new ArrayList<>();
        for (String part : parts) {
            out.add(new BigInteger(part).toString());
        }
        while (out.size() > 1 && out.get(out.size() - 1).equals("0")) {
            out.remove(out.size() - 1);
        }
        return String.join(".", out);
    }
}
