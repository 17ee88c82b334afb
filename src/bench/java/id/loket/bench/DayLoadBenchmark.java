package id.loket.bench;

import id.loket.queue.model.QueueDay;
import id.loket.queue.service.QueueService;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
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
 * The desk's reload of the day ({@link QueueService#dayWithCounts}: every booking with its case,
 * the walk-ins, the day's figures) against its baseline: the same bookings and cases read by one
 * JOIN on the day in plain JDBC, every column of both tables read. And what a step at a counter
 * costs each desk instead since the change feed names the case ({@code loketOneCase}: that case's
 * line, {@link QueueService#casesWithCounts}, and the day's figures).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class DayLoadBenchmark {

    @Param({"1500", "5000"})
    int bookings;

    private BenchOffice office;
    private QueueService queue;
    private java.util.Set<String> oneCase;

    @Setup(Level.Trial)
    public void setUp() {
        office = BenchOffice.day(bookings, 0.6);
        queue = new QueueService(office.db);
        oneCase = java.util.Set.of(office.db.dsl().fetchOne("SELECT case_ref FROM case_file ORDER BY case_ref LIMIT 1").get(0, String.class));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        office.close();
    }

    @Benchmark
    public QueueDay loket() {
        return queue.dayWithCounts(office.supervisor, BenchOffice.OFFICE, BenchOffice.DAY);
    }

    @Benchmark
    public QueueDay loketOneCase() {
        return queue.casesWithCounts(office.supervisor, BenchOffice.OFFICE, BenchOffice.DAY, oneCase).orElseThrow();
    }

    @Benchmark
    public List<Object[]> baselineOneJoin() {
        return office.db.dsl().connectionResult(DayLoadBenchmark::join);
    }

    private static List<Object[]> join(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT a.*, f.* FROM appointment a LEFT JOIN case_file f ON f.appointment_id = a.id"
                + " WHERE a.office = ? AND a.appointment_date = ? ORDER BY a.slot_start, a.booking_code")) {
            ps.setString(1, BenchOffice.OFFICE);
            ps.setDate(2, Date.valueOf(BenchOffice.DAY));
            try (ResultSet rs = ps.executeQuery()) {
                return BenchOffice.rows(rs);
            }
        }
    }
}
