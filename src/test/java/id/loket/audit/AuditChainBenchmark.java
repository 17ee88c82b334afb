package id.loket.audit;

import id.loket.audit.model.AuditCanonical;
import id.loket.audit.model.AuditHead;
import id.loket.audit.model.AuditReport;
import id.loket.backup.service.AuditVerifier;
import id.loket.casefile.model.AuditEntry;
import id.loket.casefile.model.CaseAction;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.repo.AuditRepository;
import id.loket.db.Database;
import id.loket.staff.service.Authorization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures, once, by hand (not part of the suite: it needs {@code -Dloket.benchmark=true}):
 * verify on a year of audit rows (3,000,000 chained entries in an H2 file), and what the chain
 * costs an append (10,000 appends, one transaction each: the old plain insert, the chained
 * append, and the chained append with the signed head file kept).
 *
 * <pre>mvn -B -o verify -Dtest=AuditChainBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dloket.benchmark=true \
 *     -DargLine=-Dloket.benchmark=true</pre>
 */
@EnabledIfSystemProperty(named = "loket.benchmark", matches = "true")
class AuditChainBenchmark {

    private static final int YEAR = Integer.getInteger("loket.benchmark.rows", 3_000_000);
    private static final int APPENDS = Integer.getInteger("loket.benchmark.appends", 10_000);

    @TempDir
    Path dir;

    @Test
    void measure() throws Exception {
        if (APPENDS > 0) {
            appends();
        }
        if (YEAR > 0) {
            verifyYear();
        }
    }

    private void appends() {
        OffsetDateTime at = OffsetDateTime.of(2026, 11, 27, 1, 0, 0, 0, ZoneOffset.UTC);
        try (Database db = Database.openFolder(dir.resolve("plain"))) {
            run("warm-up plain insert", 2000, i -> db.inTransactionRun(tx -> tx.execute(
                    "INSERT INTO audit_log (case_ref, action, from_status, to_status, at, officer, counter_no, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    "A" + i, "CALL", "CHECKED_IN", "IN_VERIFICATION", at, "petugas1", "1", null)));
            run("before: plain insert (no chain)", APPENDS, i -> db.inTransactionRun(tx -> tx.execute(
                    "INSERT INTO audit_log (case_ref, action, from_status, to_status, at, officer, counter_no, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    "A" + i, "CALL", "CHECKED_IN", "IN_VERIFICATION", at, "petugas1", "1", null)));
        }
        try (Database db = Database.openFolder(dir.resolve("chained"))) {
            run("warm-up chained", 2000, i -> append(db, at, i));
            run("after: chained append, no head file", APPENDS, i -> append(db, at, i));
        }
        try (Database db = Database.openFolder(dir.resolve("signed"))) {
            AuditHeadKeeper.attach(db, AuditFixture.KEY, dir.resolve("signed").resolve("audit.head"), false);
            run("warm-up signed", 2000, i -> append(db, at, i));
            run("after: chained append + signed head file", APPENDS, i -> append(db, at, i));
        }
    }

    private static void append(Database db, OffsetDateTime at, int i) {
        db.inTransactionRun(tx -> new AuditRepository(tx).append(new AuditEntry("A" + i, CaseAction.CALL, CaseStatus.CHECKED_IN,
                CaseStatus.IN_VERIFICATION, at, "petugas1", "1", null)));
    }

    private interface Step {
        void run(int i) throws Exception;
    }

    private static void run(String what, int n, Step step) {
        long t0 = System.nanoTime();
        try {
            for (int i = 0; i < n; i++) {
                step.run(i);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        System.out.printf("BENCH %-55s %,d in %,.0f ms = %.3f ms each%n", what, n, ms, ms / n);
    }

    private void verifyYear() throws Exception {
        Path folder = dir.resolve("year");
        AuditHead head;
        long t0 = System.nanoTime();
        try (Database db = Database.openFolder(folder)) {
            head = db.dsl().connectionResult(c -> generate(c, YEAR));
            db.dsl().execute("UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1", head.seq(), head.hash());
        }
        System.out.printf("BENCH generated %,d chained rows in %,.1f s; file %,d MB%n", YEAR, (System.nanoTime() - t0) / 1e9,
                Files.size(folder.resolve("loket.mv.db")) / (1024 * 1024));
        for (int round = 1; round <= 2; round++) {
            try (Database db = Database.openFolder(folder)) {
                AuditHeadKeeper keeper = AuditHeadKeeper.attach(db, AuditFixture.KEY, folder.resolve("audit.head"), false);
                keeper.resign(head);
                AuditVerifier verifier = new AuditVerifier(db, new Authorization(db), keeper, AuditFixture.CLOCK);
                Runtime.getRuntime().gc();
                long t1 = System.nanoTime();
                AuditReport r = verifier.chainStatus();
                double s = (System.nanoTime() - t1) / 1e9;
                long used = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024);
                System.out.printf("BENCH verify round %d: %s, %,d entries in %.1f s (%.0f entries/s), heap in use after %,d MB%n", round,
                        r.outcome(), r.entries(), s, r.entries() / s, used);
            }
        }
    }

    /** Writes n chained rows with plain JDBC in batches (what a year of a busy office leaves), answers the end. */
    private static AuditHead generate(Connection c, int n) throws Exception {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        AuditCanonical canonical = new AuditCanonical();
        OffsetDateTime start = OffsetDateTime.of(2026, 1, 2, 0, 30, 0, 0, ZoneOffset.UTC);
        CaseAction[] actions = CaseAction.values();
        String prev = AuditCanonical.GENESIS;
        try (PreparedStatement p = c.prepareStatement("INSERT INTO audit_log (case_ref, action, from_status, to_status, at, officer,"
                + " counter_no, details, seq, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 1; i <= n; i++) {
                String caseRef = i % 10 == 0 ? null : "DPS-2026" + String.format("%07d", i / 12);
                String action = caseRef == null ? "LOGIN" : actions[i % actions.length].name();
                String from = caseRef == null ? null : "IN_VERIFICATION";
                String to = caseRef == null ? null : (i % 3 == 0 ? "VERIFIED" : "IN_VERIFICATION");
                OffsetDateTime at = start.plusSeconds(i * 10L).plusNanos((i % 1000) * 1_000_000L);
                String officer = "petugas" + (i % 12);
                String counter = String.valueOf(i % 8 + 1);
                String details = i % 4 == 0 ? "FORGED_DOCUMENT; catatan petugas nomor " + i : null;
                String hash = canonical.hash(i, caseRef, action, from, to, at, officer, counter, details, prev);
                p.setString(1, caseRef);
                p.setString(2, action);
                p.setString(3, from);
                p.setString(4, to);
                p.setObject(5, at);
                p.setString(6, officer);
                p.setString(7, counter);
                p.setString(8, details);
                p.setLong(9, i);
                p.setString(10, prev);
                p.setString(11, hash);
                p.addBatch();
                prev = hash;
                if (i % 5000 == 0) {
                    p.executeBatch();
                    c.commit();
                }
            }
            p.executeBatch();
            c.commit();
        }
        c.setAutoCommit(auto);
        return new AuditHead(n, prev);
    }
}
