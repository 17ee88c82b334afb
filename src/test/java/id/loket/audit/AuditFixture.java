package id.loket.audit;

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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A data folder with an audit chain, its signed head, and a verifier, as the composition root
 * builds them; and a way in through plain JDBC for tampering, as someone with H2's Shell would.
 */
final class AuditFixture implements AutoCloseable {

    static final byte[] KEY = "folder-audit-key-for-these-tests".getBytes(StandardCharsets.US_ASCII);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T01:00:00Z"), ZoneId.of("Asia/Makassar"));
    /** The steps the history cycles through: entry 7 (and every 8th after it) is a REJECT. */
    private static final CaseAction[] STEPS = {CaseAction.CHECK_IN, CaseAction.CALL, CaseAction.RECORD_DOCUMENT, CaseAction.VERIFY,
        CaseAction.INTERVIEW, CaseAction.FLAG, CaseAction.REJECT};

    final Path folder;
    Database db;
    AuditHeadKeeper keeper;
    AuditVerifier verifier;

    AuditFixture(Path folder) {
        this.folder = folder;
        open();
    }

    void open() {
        db = Database.openFolder(folder);
        keeper = AuditHeadKeeper.attach(db, KEY, headFile(), false);
        verifier = new AuditVerifier(db, new Authorization(db), keeper, CLOCK);
    }

    Path headFile() {
        return folder.resolve("audit.head");
    }

    /** Entries 1..n, each in a transaction of its own: case steps, with an office-wide login every fifth entry. */
    void history(int n) {
        for (int i = 1; i <= n; i++) {
            int k = i;
            OffsetDateTime at = OffsetDateTime.now(CLOCK).plusSeconds(37L * k).plusNanos(123_456_789);
            db.inTransactionRun(tx -> {
                AuditRepository audit = new AuditRepository(tx);
                if (k % 5 == 0) {
                    new AuditTrail(tx).appendOffice(OfficeAction.LOGIN, "supervisor", "9", "login", at);
                } else {
                    CaseAction a = STEPS[(k - 1) % STEPS.length];
                    audit.append(new AuditEntry("DPS-20261127-A" + (100 + k / 7), a, CaseStatus.IN_VERIFICATION,
                            a == CaseAction.REJECT ? CaseStatus.REJECTED : CaseStatus.IN_VERIFICATION, at, "petugas" + (k % 3 + 1),
                            String.valueOf(k % 4 + 1), a == CaseAction.REJECT ? "FORGED_DOCUMENT; note with | and \\ and ü" : null));
                }
            });
        }
    }

    /** A signed-in member of staff with {@code role}, as the sessions table holds one. */
    Session session(Role role) {
        String user = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        OffsetDateTime now = OffsetDateTime.now(CLOCK);
        db.dsl().execute("INSERT INTO staff (username, full_name, role, password_hash, active, created_at) VALUES (?, ?, ?, 'x', TRUE, CURRENT_TIMESTAMP)",
                user, "Staf " + user, role.name());
        String id = UUID.randomUUID().toString();
        db.dsl().execute("INSERT INTO staff_session (id, kind, username, role, started_at) VALUES (?, 'STAFF', ?, ?, CURRENT_TIMESTAMP)", id, user,
                role.name());
        return new Session(id, Session.Kind.STAFF, user, user, role, now, "1");
    }

    /** Closes Loket, runs {@code sql} on the H2 file through plain JDBC (the URL Database uses), and opens Loket again. */
    void tamper(String... sql) throws SQLException {
        db.close();
        try (Connection c = id.loket.testing.PlainJdbc.open(folder); Statement s = c.createStatement()) {
            for (String statement : sql) {
                s.execute(statement);
            }
        }
        open();
    }

    @Override
    public void close() {
        db.close();
    }
}
