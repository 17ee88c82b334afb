package id.loket.db;

import id.loket.common.model.UserFacingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The key of one data folder, kept outside it so that a copied or stolen folder gives nothing
 * away. The file's format is exact, for an administrator who opens the database with H2's own
 * Shell: line 1 is the file-encryption password, line 2 the password of database user
 * {@code loket}. Created at first start with mode 600 under
 * {@code ~/.config/loket/keys/<folder id>.key} unless {@code --key-file} or
 * {@code LOKET_KEY_FILE} names another; the folder id is in the data folder's {@code loket.id}.
 */
public final class KeyFile {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path path;
    private final String filePassword;
    private final String userPassword;

    private KeyFile(Path path, String filePassword, String userPassword) {
        this.path = path;
        this.filePassword = filePassword;
        this.userPassword = userPassword;
    }

    /** Where the key of {@code dataDir} lives when nothing else is said (creates the folder's id if it has none). */
    public static Path defaultFor(Path dataDir) {
        return defaultLocation(folderId(dataDir));
    }

    /** Where the key of the folder with id {@code folderId} lives when nothing else is said. */
    public static Path defaultLocation(String folderId) {
        String configHome = System.getenv("XDG_CONFIG_HOME");
        Path config = configHome != null && !configHome.isBlank() ? Path.of(configHome) : Path.of(System.getProperty("user.home"), ".config");
        return config.resolve("loket").resolve("keys").resolve(folderId + ".key");
    }

    /** The data folder's id ({@code loket.id}), made once. */
    public static String folderId(Path dataDir) {
        return idIn(dataDir.resolve("loket.id"));
    }

    /**
     * The key that signs this PC's copy of the audit chain's head when the database is the
     * office's server: its own id ({@code desk.id}, not the folder's {@code loket.id}, which says
     * the folder has had an H2 database), made once with its key.
     */
    public static KeyFile forServerDesk(Path dataDir, Path keyPath) {
        Path path = keyPath != null ? keyPath : defaultLocation(idIn(dataDir.resolve("desk.id")));
        return Files.exists(path) ? read(path) : create(path);
    }

    private static String idIn(Path idFile) {
        try {
            if (Files.exists(idFile)) {
                String id = Files.readString(idFile, StandardCharsets.US_ASCII).strip();
                if (id.matches("[0-9a-f-]{36}")) {
                    return id;
                }
                throw new UserFacingException("key.badFolderId", idFile);
            }
            String id = UUID.randomUUID().toString();
            Files.createDirectories(idFile.getParent());
            Files.writeString(idFile, id + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Owner.only(idFile);
            return id;
        } catch (IOException e) {
            throw new UserFacingException(e, "key.cannotRead", idFile, e.getMessage());
        }
    }

    /** Reads the key at {@code path}; refuses a missing or malformed one in words. */
    public static KeyFile read(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new UserFacingException("key.missing", path);
        }
        try {
            List<String> lines = Files.readAllLines(path, StandardCharsets.US_ASCII);
            if (lines.size() < 2 || !lines.get(0).matches("[0-9a-f]{32,128}") || !lines.get(1).matches("[0-9a-f]{32,128}")) {
                throw new UserFacingException("key.malformed", path);
            }
            return new KeyFile(path, lines.get(0), lines.get(1));
        } catch (IOException e) {
            throw new UserFacingException(e, "key.cannotRead", path, e.getMessage());
        }
    }

    /** Makes a new key at {@code path} (mode 600, its folder 700); refuses to overwrite one. */
    public static KeyFile create(Path path) {
        String file = random();
        String user = random();
        try {
            Path parent = path.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Owner.onlyFolder(parent);
            Path tmp = Files.createTempFile(parent, ".key-", ".tmp");
            Owner.only(tmp);
            Files.writeString(tmp, file + "\n" + user + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, path, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new KeyFile(path, file, user);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new UserFacingException(e, "key.exists", path);
        } catch (IOException e) {
            throw new UserFacingException(e, "key.cannotWrite", path, e.getMessage());
        }
    }

    private static String random() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    public Path path() {
        return path;
    }

    /** Line 1: the password H2 encrypts the file with. */
    public String filePassword() {
        return filePassword;
    }

    /** Line 2: the password of database user {@code loket}. */
    public String userPassword() {
        return userPassword;
    }

    /** The password argument H2 takes for an encrypted file: line 1, a space, line 2. */
    public String h2Password() {
        return filePassword + " " + userPassword;
    }

    /** The key that signs the audit trail's head (derived from the file, never stored). */
    public byte[] auditKey() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return sha.digest(("loket-audit-head\n" + filePassword + "\n" + userPassword).getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "KeyFile[" + path + "]"; // never the passwords
    }

    /** File modes for what only the owner may read. */
    public static final class Owner {
        private Owner() {
        }

        /** rw------- where the file system has POSIX modes. */
        public static void only(Path file) throws IOException {
            if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
        }

        /** rwx------ where the file system has POSIX modes. */
        public static void onlyFolder(Path folder) throws IOException {
            if (Files.getFileStore(folder).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
            }
        }
    }
}
