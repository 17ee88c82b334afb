package id.loket.audit;

import id.loket.audit.model.AuditHead;
import id.loket.audit.model.SignedHead;
import id.loket.db.Database;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.Optional;
import java.util.TreeMap;
import org.jooq.Configuration;
import org.jooq.DSLContext;
import org.jooq.TransactionContext;
import org.jooq.TransactionListener;
import org.jooq.TransactionListenerProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the signed head file ({@code audit.head} in the data folder) in step with the chain: a
 * jOOQ transaction listener on the database's configuration. When a transaction that appended
 * entries is about to commit, the new end is added to the file as <em>pending</em>; once it has
 * committed, it becomes the <em>confirmed</em> head (and is dropped from pending if it rolled
 * back instead). So a Loket killed between its commit and its head write leaves a file that
 * still covers what was committed, and anything at the end that no head covers was written by
 * something other than this Loket.
 *
 * <p>The keeper never signs over what it cannot vouch for. It stops writing (and logs why) when
 * the file it found is not signed with this folder's key, when a chain with entries has no head
 * file, when the chain's end is no longer after the signed head (cut off, or a restored older
 * database), or when the signed entry's hash has changed. Only an administrator's
 * {@link #resign} (after looking) starts it again; until then verify keeps reporting the problem.
 *
 * <p>Writing is atomic (a temporary file moved over the old one), mode 600. It is not forced to
 * disk: a killed process loses nothing (the operating system has the file), and a power cut may
 * lose the last head as H2 ({@code WRITE_DELAY=0}, no sync per commit) may lose the last
 * commits; forcing cost 6 ms per write here, twice per audited commit.
 * On a shared PostgreSQL database each desk keeps its own file covering the entries it has
 * seen committed: entries other desks write after it are expected ({@code shared}).
 */
public final class AuditHeadKeeper implements TransactionListener {

    private static final Logger LOG = LoggerFactory.getLogger(AuditHeadKeeper.class);
    private static final String MARK = AuditHeadKeeper.class.getName() + ".mark";

    /** What one outermost transaction did to the chain; shared with its nested transactions. */
    private static final class Mark {
        int depth = 1;
        boolean appended;
        AuditHead pending;
    }

    private final Path file;
    private final byte[] key;
    private final boolean shared;
    private AuditHead confirmed;
    private final TreeMap<Long, String> pending = new TreeMap<>();
    private String frozen;

    private AuditHeadKeeper(Path file, byte[] key, boolean shared) {
        this.file = file;
        this.key = key.clone();
        this.shared = shared;
    }

    /**
     * Watches {@code db}'s transactions and keeps {@code file} signed with {@code key}. Chains
     * the rows of an earlier version first, if the chain is still empty. {@code shared}: the
     * database is shared with other desks (PostgreSQL).
     */
    public static AuditHeadKeeper attach(Database db, byte[] key, Path file, boolean shared) {
        AuditHeadKeeper keeper = new AuditHeadKeeper(file, key, shared);
        keeper.load();
        Configuration c = db.dsl().configuration();
        TransactionListenerProvider[] before = c.transactionListenerProviders();
        TransactionListenerProvider[] after = Arrays.copyOf(before, before.length + 1);
        after[before.length] = () -> keeper;
        c.set(after);
        long sealed = new AuditChainRepository(db.dsl()).sealLegacy();
        if (sealed > 0) {
            LOG.info("Audit trail: {} entries of an earlier version chained", sealed);
            if (!shared && keeper.confirmed == null) {
                // The first start of this version: the earlier one kept no head, so the chain just
                // made of its rows is signed as it stands.
                keeper.resign(new AuditChainRepository(db.dsl()).head());
            }
        }
        long last = new AuditChainRepository(db.dsl()).lastSeq();
        synchronized (keeper) {
            if (keeper.confirmed == null && keeper.frozen == null && last > 0 && !shared) {
                keeper.freeze("the audit chain has " + last + " entries but " + file + " is missing");
            }
        }
        return keeper;
    }

    /** The head file this keeper writes. */
    public Path file() {
        return file;
    }

    /** The key it signs with (a copy). */
    public byte[] key() {
        return key.clone();
    }

    public boolean shared() {
        return shared;
    }

    /** Why the keeper has stopped signing, if it has. */
    public synchronized Optional<String> frozen() {
        return Optional.ofNullable(frozen);
    }

    /** The head as last signed (confirmed), if any. */
    public synchronized Optional<AuditHead> confirmed() {
        return Optional.ofNullable(confirmed);
    }

    /**
     * Signs {@code head} as the confirmed head, dropping anything pending, and starts signing
     * again after a freeze: an administrator's decision (after a restore, or after looking into
     * a reported problem), audited by the caller.
     */
    public synchronized void resign(AuditHead head) {
        resigning = false;
        confirmed = head;
        pending.clear();
        frozen = null;
        write();
        LOG.warn("Audit head re-signed at entry {}", head.seq());
    }

    /**
     * The next audited commit is the re-signing's own row, which {@link #resign} then signs: it
     * is not checked against the head about to be replaced (nor does it freeze the keeper).
     */
    public synchronized void resignNext() {
        resigning = true;
    }

    private boolean resigning;

    /** Called by the repository after an append: marks the transaction as one that moved the chain. */
    static void noteAppend(Configuration configuration) {
        if (configuration.data(MARK) instanceof Mark m) {
            m.appended = true;
        }
    }

    @Override
    public void beginStart(TransactionContext ctx) {
        if (ctx.configuration().data(MARK) instanceof Mark m) {
            m.depth++; // a nested transaction: its configuration shares the outermost one's mark
        } else {
            ctx.configuration().data(MARK, new Mark());
        }
    }

    @Override
    public void commitStart(TransactionContext ctx) {
        if (!(ctx.configuration().data(MARK) instanceof Mark m) || m.depth != 1 || !m.appended) {
            return;
        }
        // Still inside the transaction, holding the head row's lock: this is exactly what commits.
        AuditChainRepository chain = new AuditChainRepository(ctx.configuration().dsl());
        AuditHead head = chain.head();
        synchronized (this) {
            if (frozen != null || resigning) {
                return;
            }
            if (confirmed != null) {
                if (head.seq() <= confirmed.seq()) {
                    freeze("the chain ends at entry " + head.seq() + " but the signed head is at entry " + confirmed.seq());
                    return;
                }
                if (!chain.hashAt(confirmed.seq()).map(confirmed.hash()::equals).orElse(false)) {
                    freeze("entry " + confirmed.seq() + " no longer has the hash that was signed");
                    return;
                }
            }
            m.pending = head;
            pending.put(head.seq(), head.hash());
            write();
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
        if (m.pending == null) {
            return;
        }
        synchronized (this) {
            if (frozen != null) {
                return;
            }
            pending.remove(m.pending.seq());
            if (confirmed == null || m.pending.seq() > confirmed.seq()) {
                confirmed = m.pending;
            }
            pending.headMap(confirmed.seq(), true).clear();
            write();
        }
    }

    @Override
    public void rollbackEnd(TransactionContext ctx) {
        if (!(ctx.configuration().data(MARK) instanceof Mark m)) {
            return;
        }
        if (m.depth > 1) {
            m.depth--;
            return;
        }
        if (m.pending == null) {
            return;
        }
        synchronized (this) {
            if (frozen == null && pending.remove(m.pending.seq()) != null) {
                write();
            }
        }
    }

    private void load() {
        try {
            SignedHead h = SignedHead.decode(Files.readAllBytes(file), key);
            confirmed = h.confirmed();
            pending.putAll(h.pending());
        } catch (NoSuchFileException e) {
            confirmed = null;
        } catch (SignedHead.Invalid e) {
            freeze(file + " cannot be trusted (" + e.getMessage() + ")");
        } catch (IOException e) {
            freeze(file + " cannot be read (" + e.getMessage() + ")");
        }
    }

    private void freeze(String why) {
        frozen = why;
        LOG.error("Audit head not signed any more: {}. Run 'loket audit verify'.", why);
    }

    /** Writes the file atomically; a failure is logged (the commit has happened or is about to: it must not fail for this). */
    private void write() {
        if (confirmed == null && pending.isEmpty()) {
            return;
        }
        byte[] bytes = new SignedHead(confirmed == null ? AuditHead.EMPTY : confirmed, pending).encode(key);
        // One writer per file (the keeper is synchronized; one process per data folder), so the
        // temporary file's name can be fixed: no random name, created with mode 600 at once.
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.deleteIfExists(tmp); // a leftover keeps its own mode: start afresh
            try (FileChannel ch = open(tmp)) {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.error("Cannot write the audit head {}: {}", file, e.getMessage());
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }

    private static FileChannel open(Path tmp) throws IOException {
        Set<StandardOpenOption> options = EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        try {
            return FileChannel.open(tmp, options, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return FileChannel.open(tmp, options); // Windows: the folder's own permissions protect it
        }
    }
}
