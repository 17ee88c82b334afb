package id.loket.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * The files of one data folder and what can be said about them before H2 touches them: whether
 * the folder ever had a database, whether {@code loket.mv.db} is plain, encrypted or damaged,
 * whether a key fits it, and the modes its files must have. H2 opens an empty, short or garbage
 * file as a new empty database and writes over it, and opens a file whose end was cut off at an
 * older state without a word; so every existing file is looked at here first.
 */
final class DataFolder {

    static final String DB_FILE = "loket.mv.db";
    static final String ID_FILE = "loket.id";
    static final String BACKUPS = "backups";
    static final String DAMAGED = "damaged";
    static final String BEFORE_RESTORE = "before-restore";
    /** H2 writes its files in blocks of 4 KiB. */
    static final int BLOCK = 4096;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final byte[] ENCRYPTED_MAGIC = "H2encrypt\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] PLAIN_MAGIC = "H:2,".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** A plain file has two header blocks and at least one chunk; an encrypted one a block of its own before them. */
    private static final long PLAIN_MIN = 3L * BLOCK;
    private static final long ENCRYPTED_MIN = 4L * BLOCK;

    /** What {@code loket.mv.db} is, by its first bytes. */
    enum Kind {
        PLAIN, ENCRYPTED
    }

    /** The file cannot hold a Loket database; it is to be moved aside. */
    static final class Damaged extends Exception {
        private static final long serialVersionUID = 1L;
        final transient DatabaseDamage damage;

        Damaged(DatabaseDamage damage, String detail) {
            super(damage + ": " + detail);
            this.damage = damage;
        }
    }

    /** The key's file password does not decrypt the file's header: another folder's key (or the header is damaged). */
    static final class KeyDoesNotFit extends Exception {
        private static final long serialVersionUID = 1L;

        KeyDoesNotFit(String detail) {
            super(detail);
        }
    }

    private final Path dir;

    DataFolder(Path dir) {
        this.dir = dir.toAbsolutePath();
    }

    Path dir() {
        return dir;
    }

    Path dbFile() {
        return dir.resolve(DB_FILE);
    }

    Path idFile() {
        return dir.resolve(ID_FILE);
    }

    Path backups() {
        return dir.resolve(BACKUPS);
    }

    /** The H2 database name (without {@code .mv.db}), as the JDBC URL names it. */
    Path h2Name() {
        return dir.resolve("loket");
    }

    /**
     * Whether this folder has had a database: it has its id (written once its first database was
     * made), a file moved aside as damaged or before a restore, or a backup. Only a folder that
     * never had one may start with a new, empty database.
     */
    boolean hadDatabase() throws IOException {
        if (Files.exists(idFile())) {
            return true;
        }
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir, DB_FILE + ".*")) {
            if (s.iterator().hasNext()) {
                return true;
            }
        }
        return newestBackup().isPresent();
    }

    /** The newest backup in {@code backups/} (by its time), if any. */
    Optional<Path> newestBackup() throws IOException {
        if (!Files.isDirectory(backups())) {
            return Optional.empty();
        }
        List<Path> zips = new ArrayList<>();
        try (DirectoryStream<Path> s = Files.newDirectoryStream(backups(), "*.zip")) {
            s.forEach(zips::add);
        }
        Comparator<Path> byTime = Comparator.comparing(p -> {
            try {
                return Files.getLastModifiedTime(p);
            } catch (IOException e) {
                return java.nio.file.attribute.FileTime.fromMillis(0);
            }
        });
        return zips.stream().max(byTime.thenComparing(Comparator.naturalOrder()));
    }

    /** Plain or encrypted, by the first bytes; refuses what is empty, short or not H2. */
    static Kind kind(Path file) throws IOException, Damaged {
        long size = Files.size(file);
        if (size == 0) {
            throw new Damaged(DatabaseDamage.EMPTY, "0 bytes");
        }
        byte[] head = new byte[ENCRYPTED_MAGIC.length];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        Kind kind;
        if (n == head.length && Arrays.equals(head, ENCRYPTED_MAGIC)) {
            kind = Kind.ENCRYPTED;
        } else if (n >= PLAIN_MAGIC.length && Arrays.equals(Arrays.copyOf(head, PLAIN_MAGIC.length), PLAIN_MAGIC)) {
            kind = Kind.PLAIN;
        } else {
            throw new Damaged(DatabaseDamage.NOT_H2, size + " bytes");
        }
        long min = kind == Kind.ENCRYPTED ? ENCRYPTED_MIN : PLAIN_MIN;
        if (size < min || size % BLOCK != 0) {
            throw new Damaged(DatabaseDamage.SHORT, size + " bytes");
        }
        return kind;
    }

    /**
     * Reads the file as H2's store would, without writing to it: its header must decrypt with
     * {@code filePassword} ({@code null} for a plain file), and the newest state the header
     * names must be in the file.
     */
    static void probe(Path file, String filePassword) throws Damaged, KeyDoesNotFit {
        MVStore.Builder builder = new MVStore.Builder().fileName(file.toString()).readOnly();
        if (filePassword != null) {
            builder.encryptionKey(filePassword.toCharArray());
        }
        MVStore store;
        try {
            store = builder.open();
        } catch (MVStoreException e) {
            if (filePassword != null && e.getErrorCode() == DataUtils.ERROR_FILE_CORRUPT && String.valueOf(e.getMessage()).contains("header")) {
                throw new KeyDoesNotFit(e.getMessage());
            }
            throw new Damaged(DatabaseDamage.UNREADABLE, String.valueOf(e.getMessage()));
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new Damaged(DatabaseDamage.UNREADABLE, String.valueOf(e.getMessage()));
        }
        try {
            Map<String, Object> header = store.getFileStore().getStoreHeader();
            long named = DataUtils.readHexLong(header, "version", -1);
            long found = store.getFileStore().lastChunkVersion();
            if (named > found) {
                throw new Damaged(DatabaseDamage.CUT_OFF, "header names version " + named + ", the file ends at " + found);
            }
        } catch (MVStoreException e) {
            throw new Damaged(DatabaseDamage.UNREADABLE, String.valueOf(e.getMessage()));
        } finally {
            try {
                store.closeImmediately();
            } catch (RuntimeException ignored) {
                // read only: nothing to lose
            }
        }
    }

    /** Moves {@code loket.mv.db} aside as {@code loket.mv.db.<why>-<time>}; answers the new path. */
    Path moveAside(String why) throws IOException {
        Path target = stamped(why);
        Files.move(dbFile(), target, StandardCopyOption.ATOMIC_MOVE);
        KeyFile.Owner.only(target);
        return target;
    }

    private Path stamped(String why) {
        String base = DB_FILE + "." + why + "-" + LocalDateTime.now().format(STAMP);
        Path target = dir.resolve(base);
        for (int i = 2; Files.exists(target, LinkOption.NOFOLLOW_LINKS); i++) {
            target = dir.resolve(base + "-" + i);
        }
        return target;
    }

    /** A name in {@code backups/} for a file made now: {@code <prefix>-<time><suffix>}, never an existing one. */
    Path newBackupName(String prefix, String suffix) throws IOException {
        ensureBackups();
        String base = prefix + "-" + LocalDateTime.now().format(STAMP);
        Path target = backups().resolve(base + suffix);
        for (int i = 2; Files.exists(target, LinkOption.NOFOLLOW_LINKS); i++) {
            target = backups().resolve(base + "-" + i + suffix);
        }
        return target;
    }

    void ensureBackups() throws IOException {
        Files.createDirectories(backups());
        KeyFile.Owner.onlyFolder(backups());
    }

    /**
     * The folder 700, and Loket's files in it 600: its own ({@code loket.*}) and what lies in
     * {@code logs/} and {@code backups/}. Other files someone keeps in the folder are not
     * touched, and links are never followed.
     */
    void tighten() throws IOException {
        if (!Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            return;
        }
        KeyFile.Owner.onlyFolder(dir);
        try (DirectoryStream<Path> s = Files.newDirectoryStream(dir)) {
            for (Path p : s) {
                String name = p.getFileName().toString();
                if (name.startsWith("loket.") && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    KeyFile.Owner.only(p);
                } else if ((name.equals("logs") || name.equals(BACKUPS)) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    KeyFile.Owner.onlyFolder(p);
                    try (DirectoryStream<Path> inner = Files.newDirectoryStream(p)) {
                        for (Path f : inner) {
                            if (Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                                KeyFile.Owner.only(f);
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Overwrites a file with random bytes, forces it to the disk and deletes it. On a journalling
     * file system or an SSD old blocks may survive elsewhere; docs/security.md says so.
     */
    static void shred(Path file) throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        long size = Files.size(file);
        SecureRandom random = new SecureRandom();
        byte[] buf = new byte[64 * 1024];
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
            for (long done = 0; done < size; done += buf.length) {
                random.nextBytes(buf);
                java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(buf, 0, (int) Math.min(buf.length, size - done));
                while (b.hasRemaining()) {
                    ch.write(b, done + b.position());
                }
            }
            ch.force(true);
        }
        Files.delete(file);
    }
}
