package id.loket.backup.service;

import id.loket.audit.model.AuditCanonical;
import id.loket.audit.model.AuditHead;
import id.loket.audit.model.AuditLink;
import id.loket.audit.model.AuditReport;
import id.loket.audit.model.AuditReport.Outcome;
import id.loket.audit.model.SignedHead;
import id.loket.audit.AuditChainRepository;
import id.loket.audit.AuditHeadKeeper;
import id.loket.audit.model.OfficeAction;
import id.loket.common.model.UserFacingException;
import id.loket.db.Database;
import id.loket.staff.model.Guarded;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Session;
import id.loket.staff.model.Unguarded;
import id.loket.staff.service.Authorization;
import id.loket.staff.service.Officer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks the whole audit chain and its signed head, and names the first entry that was changed,
 * removed, inserted or cut off at the end. Reads the chain in number order, a page at a time, so
 * a year of entries needs no more memory than a page.
 *
 * <p>What each verdict means is in {@link Outcome}; what an administrator does about it is in
 * docs/security.md.
 */
public final class AuditVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(AuditVerifier.class);
    private static final int PAGE = 5000;

    private final Database db;
    private final Authorization authorization;
    private final AuditHeadKeeper keeper;
    private final Clock clock;

    /**
     * {@code keeper} keeps the signed head file this check compares with (its file, key and
     * whether the database is shared); null for a database without one (the chain alone is checked).
     */
    public AuditVerifier(Database db, Authorization authorization, AuditHeadKeeper keeper, Clock clock) {
        this.db = db;
        this.authorization = authorization;
        this.keeper = keeper;
        this.clock = clock;
    }

    /** The whole chain and the head: for a supervisor or administrator, and for restore (with the restorer's session). */
    @Guarded(Permission.VERIFY_AUDIT)
    public AuditReport verify(Session session) {
        authorization.require(session, Permission.VERIFY_AUDIT);
        AuditReport report = check();
        LOG.info("Audit chain checked: {} ({} entries, first at {})", report.outcome(), report.entries(), report.at());
        return report;
    }

    /**
     * The same check without a session, for a warning beside the history a caller already may
     * see (the case export): it answers only the verdict and entry numbers.
     */
    @Unguarded("answers only whether the chain holds and entry numbers: no personal data, changes nothing")
    public AuditReport chainStatus() {
        return check();
    }

    /**
     * An administrator accepts the chain as it is now and has the head signed at its end again
     * (after a restore, or after looking into a reported problem); audited. Answers what the
     * check found before. A broken chain stays broken: verify keeps naming the entry.
     */
    @Guarded(Permission.RESTORE)
    public AuditReport resign(Session session) {
        Officer officer = authorization.require(session, Permission.RESTORE);
        if (keeper == null) {
            throw new UserFacingException("audit.noHeadFile");
        }
        AuditReport before = check();
        String details = "head re-signed; before: " + before.outcome() + (before.at() > 0 ? " at entry " + before.at() : "")
                + (before.head() == null ? "" : ", signed head was entry " + before.head().seq());
        OffsetDateTime now = OffsetDateTime.now(clock);
        keeper.resignNext();
        db.inTransactionRun(tx -> new AuditChainRepository(tx).append(null, OfficeAction.AUDIT_HEAD_RESIGNED.name(), null, null, now,
                officer.username(), officer.counter(), details));
        keeper.resign(new AuditChainRepository(db.dsl()).head());
        return before;
    }

    /** A signed head as read from the file, or why there is none to trust. */
    private record HeadRead(SignedHead head, boolean missing, boolean invalid) {
    }

    private HeadRead readHead() {
        if (keeper == null) {
            return new HeadRead(null, true, false);
        }
        try {
            return new HeadRead(SignedHead.decode(Files.readAllBytes(keeper.file()), keeper.key()), false, false);
        } catch (NoSuchFileException e) {
            return new HeadRead(null, true, false);
        } catch (SignedHead.Invalid | IOException e) {
            LOG.warn("Audit head {} cannot be trusted: {}", keeper.file(), e.getMessage());
            return new HeadRead(null, false, true);
        }
    }

    AuditReport check() {
        HeadRead file = readHead();
        AuditChainRepository repo = new AuditChainRepository(db.dsl());
        Walk walk = walk(repo);
        AuditReport inserted = unchainedInsert(repo, walk.entries);
        if (walk.problem != null || inserted != null) {
            AuditReport first = walk.problem == null || (inserted != null && inserted.at() <= walk.problem.at()) ? inserted : walk.problem;
            return first.withEntries(repo.chainLength());
        }
        long n = walk.entries;
        if (keeper == null) {
            return AuditReport.intact(n, null, 0);
        }
        if (file.invalid()) {
            return new AuditReport(Outcome.HEAD_FORGED, n, 0, 0, null, 0, 0);
        }
        if (file.missing()) {
            return n == 0 || keeper.shared() ? AuditReport.intact(n, null, 0) : new AuditReport(Outcome.HEAD_MISSING, n, 1, n, null, 0, 0);
        }
        AuditReport r = against(file.head(), n, repo);
        if (r.outcome() == Outcome.HEAD_BEHIND) {
            // Entries appended while this check read the chain (in this process) are signed by now.
            HeadRead again = readHead();
            if (again.head() != null && !again.head().equals(file.head())) {
                AuditReport second = against(again.head(), n, repo);
                if (second.outcome() == Outcome.INTACT || second.outcome() == Outcome.CUT_OFF) {
                    return AuditReport.intact(n, again.head().confirmed(), second.recovered());
                }
            }
        }
        return r;
    }

    /** The chain (n entries, all checked) against a signed head. */
    private AuditReport against(SignedHead signed, long n, AuditChainRepository repo) {
        AuditHead c = signed.confirmed();
        if (c.seq() > n) {
            return new AuditReport(Outcome.CUT_OFF, n, n + 1, c.seq(), c, 0, 0);
        }
        if (c.seq() > 0 && !repo.hashAt(c.seq()).map(c.hash()::equals).orElse(false)) {
            return new AuditReport(Outcome.REWRITTEN, n, c.seq(), c.seq(), c, 0, 0);
        }
        long covered = c.seq();
        while (covered < n && Objects.equals(signed.pending().get(covered + 1), repo.hashAt(covered + 1).orElse(null))) {
            covered++;
        }
        if (covered == n) {
            return AuditReport.intact(n, c, n - c.seq());
        }
        if (keeper.shared()) {
            return AuditReport.intact(n, c, 0); // other desks wrote after this desk's head
        }
        return new AuditReport(Outcome.HEAD_BEHIND, n, covered + 1, n, c, 0, 0);
    }

    /** What reading the chain in order found: how many entries, and the first problem (or null). */
    private record Walk(long entries, AuditReport problem) {
    }

    private Walk walk(AuditChainRepository repo) {
        AuditCanonical canonical = new AuditCanonical();
        long expected = 1;
        String prev = AuditCanonical.GENESIS;
        String beforePrev = null;
        long after = Long.MIN_VALUE;
        while (true) {
            List<AuditLink> page = repo.chainAfter(after, PAGE);
            if (page.isEmpty()) {
                return new Walk(expected - 1, null);
            }
            for (AuditLink r : page) {
                long s = r.seq();
                after = s;
                if (s < expected) {
                    return new Walk(expected - 1, problem(Outcome.INSERTED, s, s, r.id()));
                }
                if (s > expected) {
                    return new Walk(expected - 1, problem(Outcome.REMOVED, expected, s - 1, 0));
                }
                String computed = canonical.hash(r, s);
                boolean selfOk = computed.equals(r.hash());
                if (!prev.equals(r.prevHash())) {
                    if (beforePrev != null && beforePrev.equals(r.prevHash())) {
                        // links past the entry before it: that one was slipped in (the rest renumbered)
                        return new Walk(s - 2, problem(Outcome.INSERTED, s - 1, s - 1, 0));
                    }
                    if (!selfOk && canonical.hash(r, s + 1).equals(r.hash())) {
                        // this entry used to be s + 1: entry s was removed and the rest renumbered
                        return new Walk(s - 1, problem(Outcome.REMOVED, s, s, 0));
                    }
                    if (selfOk && s > 1) {
                        // hashes right, but the entry before changed (and was re-hashed)
                        return new Walk(s - 2, problem(Outcome.CHANGED, s - 1, s - 1, 0));
                    }
                    return new Walk(s - 1, problem(Outcome.CHANGED, s, s, 0));
                }
                if (!selfOk) {
                    return new Walk(s - 1, problem(Outcome.CHANGED, s, s, 0));
                }
                beforePrev = prev;
                prev = r.hash();
                expected++;
            }
        }
    }

    /** A row without a place in the chain: inserted before the first entry written after it. */
    private static AuditReport unchainedInsert(AuditChainRepository repo, long entries) {
        List<AuditLink> rows = repo.unchained(1);
        if (rows.isEmpty()) {
            return null;
        }
        AuditLink row = rows.get(0);
        Optional<Long> next = repo.firstSeqAfterRow(row.id());
        long at = next.orElse(repo.lastSeq() + 1);
        return new AuditReport(Outcome.INSERTED, entries, at, at, null, row.id(), 0);
    }

    private static AuditReport problem(Outcome outcome, long at, long to, long rowId) {
        return new AuditReport(outcome, 0, at, to, null, rowId, 0);
    }
}
