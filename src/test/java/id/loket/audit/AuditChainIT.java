package id.loket.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.loket.audit.model.AuditCanonical;
import id.loket.audit.model.AuditHead;
import id.loket.audit.model.AuditReport;
import id.loket.audit.model.AuditReport.Outcome;
import id.loket.audit.model.SignedHead;
import id.loket.casefile.model.CaseAction;
import id.loket.casefile.repo.AuditRepository;
import id.loket.common.model.UserFacingException;
import id.loket.staff.model.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chain on a real H2 file, tampered with through plain JDBC as someone with H2's Shell would:
 * each change is named at the first entry it touched, a cut at the end is caught through the
 * signed head, and an untouched chain is intact with its exact count.
 */
class AuditChainIT {

    private static final int N = 25;

    @TempDir
    Path dir;

    private AuditFixture f;

    @BeforeEach
    void history() {
        f = new AuditFixture(dir.resolve("data"));
        f.history(N);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private AuditReport verify() {
        return f.verifier.verify(f.session(Role.SUPERVISOR));
    }

    @Test
    void untouchedChainIsIntactWithTheExactCount() throws Exception {
        AuditReport r = verify();
        assertThat(r.outcome()).isEqualTo(Outcome.INTACT);
        assertThat(r.entries()).isEqualTo(N);
        assertThat(r.head()).isEqualTo(new AuditChainRepository(f.db.dsl()).head());
        assertThat(r.recovered()).isZero();
        SignedHead signed = SignedHead.decode(Files.readAllBytes(f.headFile()), AuditFixture.KEY);
        assertThat(signed.confirmed().seq()).isEqualTo(N);
        assertThat(signed.pending()).isEmpty();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f.headFile()))).isEqualTo("rw-------");
        try (var files = Files.list(f.folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain("audit.head.tmp");
        }
    }

    @Test
    void storedHashesAreTheDocumentedCanonicalForm() throws Exception {
        f.close();
        AuditCanonical canonical = new AuditCanonical();
        String prev = AuditCanonical.GENESIS;
        try (Connection c = jdbc(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT seq, case_ref, action, from_status, to_status, at, officer, counter_no, details, prev_hash, hash"
                        + " FROM audit_log ORDER BY seq")) {
            long expected = 1;
            while (rs.next()) {
                assertThat(rs.getLong(1)).isEqualTo(expected++);
                assertThat(rs.getString(10)).isEqualTo(prev);
                String hash = canonical.hash(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class), rs.getString(7), rs.getString(8), rs.getString(9), prev);
                assertThat(rs.getString(11)).isEqualTo(hash);
                prev = hash;
            }
            assertThat(expected - 1).isEqualTo(N);
        }
        f.open();
    }

    @Test
    void officerChangedOnARejectIsNamedAtThatEntry() throws Exception {
        f.tamper("UPDATE audit_log SET officer = 'petugas9' WHERE seq = 7 AND action = 'REJECT'");
        AuditReport r = verify();
        assertThat(r.outcome()).isEqualTo(Outcome.CHANGED);
        assertThat(r.at()).isEqualTo(7);
        assertThat(r.entries()).isEqualTo(N);
    }

    @Test
    void rowDeletedInTheMiddleIsNamed() throws Exception {
        f.tamper("DELETE FROM audit_log WHERE seq = 12");
        AuditReport r = verify();
        assertThat(r.outcome()).isEqualTo(Outcome.REMOVED);
        assertThat(r.at()).isEqualTo(12);
        assertThat(r.to()).isEqualTo(12);
    }

    @Test
    void rowDeletedAndTheRestRenumberedIsNamed() throws Exception {
        f.tamper("DELETE FROM audit_log WHERE seq = 12", "UPDATE audit_log SET seq = seq - 1 WHERE seq > 12",
                "UPDATE audit_head SET seq = seq - 1");
        AuditReport r = verify();
        assertThat(r.outcome()).isEqualTo(Outcome.REMOVED);
        assertThat(r.at()).isEqualTo(12);
    }

    @Test
    void forgedRowWithoutAPlaceInTheChainIsNamed() throws Exception {
        f.tamper("INSERT INTO audit_log (case_ref, action, from_status, to_status, at, officer, counter_no)"
                + " VALUES ('DPS-20261127-A101', 'APPROVE', 'INTERVIEWED', 'APPROVED', TIMESTAMP WITH TIME ZONE '2026-11-27 09:30:00+08', 'supervisor', '9')");
        AuditReport r = verify();
        assertThat(r.outcome()).isEqualTo(Outcome.INSERTED);
        assertThat(r.rowId()).isPositive();
        assertThat(r.at()).isEqualTo(N + 1); // written after every chained entry
    }

    @Test
    void forgedRowSlippedIntoTheChainWithRightHashesIsNamed() throws Exception {
        // The forger renumbers the entries after 10 and gives the new entry 11 a correct hash over entry 10.
        String prev = hashAt(10);
        OffsetDateTime at = OffsetDateTime.parse("2026-11-27T09:30:00+08:00");
        String forged = new AuditCanonical().hash(11, "DPS-20261127-A101", "APPROVE", "INTERVIEWED", "APPROVED", at, "supervisor", "9", null, prev);
        f.tamper("UPDATE audit_log SET seq = seq + 1000 WHERE seq > 10", "UPDATE audit_log SET seq = seq - 999 WHERE seq > 1000",
                "INSERT INTO audit_log (case_ref, action, from_status, to_status, at, officer, counter_no, seq, prev_hash, hash)"
                        + " VALUES ('DPS-20261127-A101', 'APPROVE', 'INTERVIEWED', 'APPROVED', TIMESTAMP WITH TIME ZONE '2026-11-27 09:30:00+08',"
                        + " 'supervisor', '9', 11, '" + prev + "', '" + forged + "')");
        AuditReport r = verify();
        assertThat(r.outcome()).isEqualTo(Outcome.INSERTED);
        assertThat(r.at()).isEqualTo(11);
    }

    @Test
    void lastRowsDeletedAreCaughtThroughTheSignedHead() throws Exception {
        String hash20 = hashAt(20);
        f.tamper("DELETE FROM audit_log WHERE seq > 20", "UPDATE audit_head SET seq = 20, hash = '" + hash20 + "'");
        AuditReport r = verify();
        assertThat(r.outcome()).isEqualTo(Outcome.CUT_OFF);
        assertThat(r.at()).isEqualTo(21);
        assertThat(r.to()).isEqualTo(N);
        assertThat(r.entries()).isEqualTo(20);
    }

    @Test
    void cutIsNotSignedOverByTheNextAppend() throws Exception {
        String hash20 = hashAt(20);
        f.tamper("DELETE FROM audit_log WHERE seq > 20", "UPDATE audit_head SET seq = 20, hash = '" + hash20 + "'");
        f.history(3); // the desk goes on working: entries 21..23 again, with other content
        assertThat(f.keeper.frozen()).isPresent();
        AuditReport r = verify();
        assertThat(r.outcome()).isEqualTo(Outcome.CUT_OFF);
        assertThat(r.at()).isEqualTo(24);
        assertThat(SignedHead.decode(Files.readAllBytes(f.headFile()), AuditFixture.KEY).confirmed().seq()).isEqualTo(N);
    }

    @Test
    void chainRewrittenWithFreshHashesIsCaughtAtTheSignedHead() throws Exception {
        f.close();
        // Change entry 5 and recompute every hash after it, and the head row: only the signed file still knows.
        try (Connection c = jdbc()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("UPDATE audit_log SET officer = 'petugas9' WHERE seq = 5");
            }
            AuditCanonical canonical = new AuditCanonical();
            String prev = null;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT seq, case_ref, action, from_status, to_status, at, officer, counter_no, details, prev_hash"
                            + " FROM audit_log WHERE seq >= 5 ORDER BY seq");
                    PreparedStatement u = c.prepareStatement("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?")) {
                while (rs.next()) {
                    String p = prev == null ? rs.getString(10) : prev;
                    prev = canonical.hash(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getObject(6, OffsetDateTime.class), rs.getString(7), rs.getString(8), rs.getString(9), p);
                    u.setString(1, p);
                    u.setString(2, prev);
                    u.setLong(3, rs.getLong(1));
                    u.executeUpdate();
                }
            }
            try (PreparedStatement u = c.prepareStatement("UPDATE audit_head SET hash = ?")) {
                u.setString(1, prev);
                u.executeUpdate();
            }
            c.commit();
        }
        f.open();
        AuditReport r = verify();
        assertThat(r.outcome()).isEqualTo(Outcome.REWRITTEN);
        assertThat(r.at()).isEqualTo(N);
    }

    @Test
    void headFileNotSignedWithTheKeyIsReportedAndLeftAlone() throws Exception {
        byte[] forged = new SignedHead(new AuditHead(3, hashAt(3))).encode("another key, not this folder's".getBytes());
        f.close();
        Files.write(f.headFile(), forged);
        f.open();
        f.history(1);
        assertThat(verify().outcome()).isEqualTo(Outcome.HEAD_FORGED);
        assertThat(Files.readAllBytes(f.headFile())).isEqualTo(forged);
    }

    @Test
    void headFileDeletedIsReportedAndNotWrittenAgain() throws Exception {
        f.close();
        Files.delete(f.headFile());
        f.open();
        f.history(2);
        AuditReport r = verify();
        assertThat(r.outcome()).isEqualTo(Outcome.HEAD_MISSING);
        assertThat(r.entries()).isEqualTo(N + 2);
        assertThat(f.headFile()).doesNotExist();
    }

    @Test
    void entryCommittedBeforeItsHeadWasConfirmedIsCoveredByThePendingList() throws Exception {
        // What a Loket killed between its commit and its confirmation leaves: the last entry only pending.
        TreeMap<Long, String> pending = new TreeMap<>();
        pending.put((long) N, hashAt(N));
        byte[] file = new SignedHead(new AuditHead(N - 1, hashAt(N - 1)), pending).encode(AuditFixture.KEY);
        f.close();
        Files.write(f.headFile(), file);
        f.open();
        AuditReport r = verify();
        assertThat(r.outcome()).isEqualTo(Outcome.INTACT);
        assertThat(r.entries()).isEqualTo(N);
        assertThat(r.recovered()).isEqualTo(1);
    }

    @Test
    void entriesAfterTheSignedHeadAreReportedAsNotCovered() throws Exception {
        byte[] file = new SignedHead(new AuditHead(N - 3, hashAt(N - 3))).encode(AuditFixture.KEY);
        f.close();
        Files.write(f.headFile(), file);
        f.open();
        AuditReport r = verify();
        assertThat(r.outcome()).isEqualTo(Outcome.HEAD_BEHIND);
        assertThat(r.at()).isEqualTo(N - 2);
        assertThat(r.to()).isEqualTo(N);
    }

    @Test
    void rowsOfAnEarlierVersionAreChainedAtFirstStart() throws Exception {
        // A folder upgraded from the version before V7: its rows have no place in the chain yet.
        f.close();
        try (Connection c = jdbc(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM audit_log");
            s.execute("UPDATE audit_head SET seq = 0, hash = '" + AuditCanonical.GENESIS + "'");
            s.execute("INSERT INTO audit_log (case_ref, action, from_status, to_status, at, officer, counter_no) VALUES"
                    + " ('DPS-20261126-A001', 'CHECK_IN', NULL, 'CHECKED_IN', TIMESTAMP WITH TIME ZONE '2026-11-26 08:00:00.123456+08', 'petugas1', '1'),"
                    + " ('DPS-20261126-A001', 'CALL', 'CHECKED_IN', 'IN_VERIFICATION', TIMESTAMP WITH TIME ZONE '2026-11-26 08:05:00+08', 'petugas1', '1'),"
                    + " (NULL, 'LOGIN', NULL, NULL, TIMESTAMP WITH TIME ZONE '2026-11-26 08:06:00+08', 'supervisor', NULL)");
        }
        Files.delete(f.headFile()); // the earlier version had none
        f.open(); // attach chains them and signs the head
        AuditReport r = verify();
        assertThat(r.outcome()).isEqualTo(Outcome.INTACT);
        assertThat(r.entries()).isEqualTo(3);
        f.history(1);
        assertThat(verify().entries()).isEqualTo(4);
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void conflictDecisionIsChainedInTheCaseTrailButNotAsACaseStep() {
        f.db.inTransactionRun(tx -> new AuditTrail(tx).appendConflictResolution("DPS-20261127-A101", 42, "KEEP_OFFICE", "supervisor",
                "9", "central had the old slot", OffsetDateTime.now(AuditFixture.CLOCK)));
        assertThat(verify().entries()).isEqualTo(N + 1);
        assertThat(f.db.dsl().fetchValue("SELECT action FROM audit_log WHERE seq = ?", N + 1)).isEqualTo("CONFLICT_RESOLVED");
        assertThat(f.db.dsl().fetchValue("SELECT details FROM audit_log WHERE seq = ?", N + 1))
                .isEqualTo("conflict 42 KEEP_OFFICE: central had the old slot");
        assertThat(new AuditRepository(f.db.dsl()).history("DPS-20261127-A101")).extracting(e -> e.action())
                .isNotEmpty().doesNotContainNull().allMatch(a -> a instanceof CaseAction);
    }

    @Test
    void verifyIsForSupervisorsAndAdministratorsOnly() {
        assertThatThrownBy(() -> f.verifier.verify(f.session(Role.COUNTER))).isInstanceOf(UserFacingException.class)
                .hasFieldOrPropertyWithValue("key", "auth.forbidden");
        assertThat(f.verifier.verify(f.session(Role.ADMIN)).intact()).isTrue();
    }

    @Test
    void administratorResignsAfterARestoreOfAnOlderDatabaseAndItIsAudited() throws Exception {
        String hash20 = hashAt(20);
        f.tamper("DELETE FROM audit_log WHERE seq > 20", "UPDATE audit_head SET seq = 20, hash = '" + hash20 + "'");
        assertThatThrownBy(() -> f.verifier.resign(f.session(Role.SUPERVISOR))).isInstanceOf(UserFacingException.class);
        AuditReport before = f.verifier.resign(f.session(Role.ADMIN));
        assertThat(before.outcome()).isEqualTo(Outcome.CUT_OFF);
        AuditReport after = verify();
        assertThat(after.outcome()).isEqualTo(Outcome.INTACT);
        assertThat(after.entries()).isEqualTo(21);
        assertThat(f.db.dsl().fetchValue("SELECT action FROM audit_log WHERE seq = 21")).isEqualTo("AUDIT_HEAD_RESIGNED");
        f.history(2);
        assertThat(verify().entries()).isEqualTo(23);
        assertThat(f.keeper.frozen()).isEmpty();
    }

    private String hashAt(long seq) {
        return new AuditChainRepository(f.db.dsl()).hashAt(seq).orElseThrow();
    }

    private Connection jdbc() throws Exception {
        return id.loket.testing.PlainJdbc.open(f.folder);
    }
}
