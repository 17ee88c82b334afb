package id.loket.bench;

import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.verification.service.VerificationService;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One step on a case at the counter against its baseline.
 * <p>
 * {@code loket}: {@link VerificationService#recordPayment}, the officer recording the NTPN from the
 * applicant's proof of payment, through {@code CaseWork.act} as every step at the counter goes: the
 * session checked (it and its account read again), the case's row locked and read with its checklist,
 * the lifecycle's rule, the case written under its row version, an audit row appended to the hash chain
 * (the chain head's row locked and advanced, SHA-256 over the entry and the one before), a
 * PAYMENT_RECORDED event with its JSON payload put in the outbox, the case read back; one
 * transaction. The signed head of the chain ({@code audit.head}) is kept as the desk keeps it
 * ({@link BenchOffice#keepAuditHead}), so each commit also rewrites that file twice.
 * <p>
 * Why this step: it writes exactly the case, one audit row and one event, and the service lets it
 * be taken again on the same case (an NTPN typed wrong is recorded anew), so every invocation is a
 * real, accepted step for as long as the measurement runs. The forward steps (verify, interview,
 * approve, receipt) take a case one way only: a time-based iteration takes as many steps as the
 * machine manages, so a pool of fresh cases per iteration would have to be sized for the fastest
 * machine, and making it (each case through several steps) would take far longer than the
 * measurement. {@code POOL} cases of the day ({@code bookings}, 60% arrived) are called to the
 * officer's counter before the trial (IN_VERIFICATION, held there, as while the officer works on
 * them); the invocations go round them in queue order, each round recording the other of two
 * NTPNs, so every step changes the case.
 * <p>
 * {@code baselineJdbc}: the same three rows by plain JDBC in one transaction on a pooled
 * connection: an UPDATE of the case row (NTPN, its confirmation, row version, time), an INSERT of
 * an audit row (the chain's columns left empty, as rows of before the chain) and an INSERT of an
 * outbox row with a payload of the same shape made by string concatenation. What Loket adds on top
 * is its checks, its reads, the chaining and jOOQ.
 * <p>
 * Both write into the day's tables, which grow by one audit row and one event per invocation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class CaseStepBenchmark {

    static final int POOL = 200;
    private static final String[] NTPN = {"0123456789ABCDEF", "FEDCBA9876543210"};
    private static final String UPDATE_CASE = "UPDATE case_file SET payment_ntpn = ?, payment_ntpn_confirmed = FALSE,"
            + " row_version = row_version + 1, updated_at = ? WHERE case_ref = ?";
    private static final String INSERT_AUDIT = "INSERT INTO audit_log (case_ref, action, from_status, to_status, at, officer, counter_no,"
            + " details) VALUES (?, 'RECORD_PAYMENT', ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_EVENT = "INSERT INTO outbox_event (event_id, case_ref, event_type, occurred_at, payload, state)"
            + " VALUES (?, ?, 'PAYMENT_RECORDED', ?, ?, 'PENDING')";

    @Param({"1500", "5000"})
    int bookings;

    private BenchOffice office;
    private VerificationService verification;
    private String[] pool;
    private long step;

    @Setup(Level.Trial)
    public void setUp() {
        office = BenchOffice.day(bookings, 0.6);
        office.closedIfFails(this::prepare);
    }

    private void prepare() {
        office.keepAuditHead();
        verification = office.verification();
        List<CaseFile> waiting = office.waiting();
        if (waiting.size() < POOL) {
            throw new IllegalStateException("the day has " + waiting.size() + " cases waiting, " + POOL + " needed");
        }
        pool = new String[POOL];
        for (int i = 0; i < POOL; i++) {
            pool[i] = office.checkIn().call(waiting.get(i).caseRef(), office.officer).caseRef();
        }
        step = 0;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        office.close();
    }

    @Benchmark
    public CaseFile loket() {
        long n = step++;
        return verification.recordPayment(pool[(int) (n % POOL)], office.officer, NTPN[(int) (n / POOL % 2)]);
    }

    @Benchmark
    public int baselineJdbc() {
        long n = step++;
        String caseRef = pool[(int) (n % POOL)];
        String ntpn = NTPN[(int) (n / POOL % 2)];
        OffsetDateTime now = OffsetDateTime.now(office.clock).truncatedTo(ChronoUnit.MILLIS);
        return office.db.dsl().connectionResult(c -> write(c, caseRef, ntpn, now));
    }

    private int write(Connection c, String caseRef, String ntpn, OffsetDateTime now) throws SQLException {
        String officer = office.officer.username();
        String counter = office.officer.counter();
        String eventId = UUID.randomUUID().toString();
        String payload = "{\"eventId\":\"" + eventId + "\",\"type\":\"PAYMENT_RECORDED\",\"caseRef\":\"" + caseRef
                + "\",\"occurredAt\":\"" + now + "\",\"officer\":\"" + officer + "\",\"counter\":\"" + counter
                + "\",\"data\":{\"ntpn\":\"" + ntpn + "\"}}";
        String status = CaseStatus.IN_VERIFICATION.name();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement u = c.prepareStatement(UPDATE_CASE); PreparedStatement a = c.prepareStatement(INSERT_AUDIT);
             PreparedStatement e = c.prepareStatement(INSERT_EVENT)) {
            u.setString(1, ntpn);
            u.setObject(2, now, Types.TIMESTAMP_WITH_TIMEZONE);
            u.setString(3, caseRef);
            int rows = u.executeUpdate();
            a.setString(1, caseRef);
            a.setString(2, status);
            a.setString(3, status);
            a.setObject(4, now, Types.TIMESTAMP_WITH_TIMEZONE);
            a.setString(5, officer);
            a.setString(6, counter);
            a.setString(7, "NTPN " + ntpn);
            rows += a.executeUpdate();
            e.setString(1, eventId);
            e.setString(2, caseRef);
            e.setObject(3, now, Types.TIMESTAMP_WITH_TIMEZONE);
            e.setString(4, payload);
            rows += e.executeUpdate();
            if (rows != 3) {
                throw new IllegalStateException("wrote " + rows + " rows for case " + caseRef + ", not 3");
            }
            c.commit();
            return rows;
        } catch (SQLException | RuntimeException ex) {
            c.rollback();
            throw ex;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }
}
