package id.loket.audit;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.audit.model.AuditReport;
import id.loket.audit.model.AuditReport.Outcome;
import id.loket.audit.model.SignedHead;
import id.loket.backup.service.AuditVerifier;
import id.loket.casefile.model.AuditEntry;
import id.loket.casefile.model.CaseAction;
import id.loket.casefile.model.CaseStatus;
import id.loket.audit.model.OfficeAction;
import id.loket.casefile.repo.AuditRepository;
import id.loket.db.Database;
import id.loket.staff.model.Role;
import id.loket.staff.model.Session;
import id.loket.staff.service.Authorization;
import id.loket.testing.TestDatabase;
import id.loket.testing.TestDatabase.Backend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Appenders at once never fork the chain: threads of one desk (H2), and two desks sharing one
 * PostgreSQL database, each thread committing transactions of two entries and rolling some back,
 * leave one gap-free chain that verifies intact with the exact count, and every desk's head file
 * covers what it committed.
 */
class AuditConcurrencyIT {

    private static final int THREADS_PER_DESK = 3;
    private static final int TRANSACTIONS = 30;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void appendersAtOnceLeaveOneIntactChain(Backend backend, TestInfo info) throws Exception {
        try (TestDatabase database = TestDatabase.open(backend, dir, "audit_concurrency_" + info.getDisplayName())) {
            boolean shared = backend == Backend.POSTGRES;
            List<Database> desks = new ArrayList<>();
            desks.add(database.db());
            if (shared) {
                desks.add(database.openAgain()); // a second desk on the same database
            }
            List<AuditHeadKeeper> keepers = new ArrayList<>();
            for (int d = 0; d < desks.size(); d++) {
                keepers.add(AuditHeadKeeper.attach(desks.get(d), AuditFixture.KEY, dir.resolve("desk" + d + ".head"), shared));
            }
            try {
                int workers = desks.size() * THREADS_PER_DESK;
                ExecutorService pool = Executors.newFixedThreadPool(workers);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> done = new ArrayList<>();
                for (int w = 0; w < workers; w++) {
                    Database db = desks.get(w % desks.size());
                    int worker = w;
                    done.add(pool.submit(() -> {
                        start.await();
                        int committed = 0;
                        for (int t = 0; t < TRANSACTIONS; t++) {
                            boolean rollBack = t % 7 == 3;
                            try {
                                int k = t;
                                db.inTransactionRun(tx -> {
                                    AuditRepository audit = new AuditRepository(tx);
                                    OffsetDateTime now = OffsetDateTime.now(AuditFixture.CLOCK).plusSeconds(k);
                                    audit.append(new AuditEntry("CASE-" + worker + "-" + k, CaseAction.CALL, CaseStatus.CHECKED_IN,
                                            CaseStatus.IN_VERIFICATION, now, "petugas" + worker, String.valueOf(worker), null));
                                    new AuditTrail(tx).appendOffice(OfficeAction.DOCUMENT_PRINTED, "petugas" + worker, String.valueOf(worker), "slip", now);
                                    if (rollBack) {
                                        throw new IllegalStateException("rolled back on purpose");
                                    }
                                });
                                committed += 2;
                            } catch (IllegalStateException expected) {
                                assertThat(rollBack).isTrue();
                            }
                        }
                        return committed;
                    }));
                }
                start.countDown();
                int total = 0;
                for (Future<Integer> f : done) {
                    total += f.get(120, TimeUnit.SECONDS);
                }
                pool.shutdown();

                Database db = desks.get(0);
                AuditVerifier verifier = new AuditVerifier(db, new Authorization(db), keepers.get(0), AuditFixture.CLOCK);
                AuditReport r = verifier.verify(supervisor(db));
                assertThat(r.outcome()).isEqualTo(Outcome.INTACT);
                assertThat(r.entries()).isEqualTo(total);
                assertThat(db.dsl().fetchValue("SELECT COUNT(DISTINCT seq) FROM audit_log", Long.class)).isEqualTo((long) total);
                assertThat(db.dsl().fetchValue("SELECT MAX(seq) FROM audit_log", Long.class)).isEqualTo((long) total);
                assertThat(new AuditChainRepository(db.dsl()).head().seq()).isEqualTo(total);
                for (AuditHeadKeeper k : keepers) {
                    assertThat(k.frozen()).isEmpty();
                    SignedHead head = SignedHead.decode(Files.readAllBytes(k.file()), AuditFixture.KEY);
                    assertThat(head.pending()).isEmpty();
                    assertThat(new AuditChainRepository(db.dsl()).hashAt(head.confirmed().seq())).contains(head.confirmed().hash());
                }
                if (!shared) {
                    assertThat(keepers.get(0).confirmed().orElseThrow().seq()).isEqualTo(total);
                }
            } finally {
                for (int d = 1; d < desks.size(); d++) {
                    desks.get(d).close();
                }
            }
        }
    }

    private static Session supervisor(Database db) {
        OffsetDateTime now = OffsetDateTime.now(AuditFixture.CLOCK);
        db.dsl().execute("INSERT INTO staff (username, full_name, role, password_hash, active, created_at) VALUES ('spv', 'Supervisor', 'SUPERVISOR', 'x', TRUE, CURRENT_TIMESTAMP)");
        String id = UUID.randomUUID().toString();
        db.dsl().execute("INSERT INTO staff_session (id, kind, username, role, started_at) VALUES (?, 'STAFF', 'spv', 'SUPERVISOR', CURRENT_TIMESTAMP)", id);
        return new Session(id, Session.Kind.STAFF, "spv", "spv", Role.SUPERVISOR, now, null);
    }
}
