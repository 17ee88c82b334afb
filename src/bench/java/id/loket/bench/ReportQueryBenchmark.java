package id.loket.bench;

import id.loket.report.model.ReportDefinition;
import id.loket.report.model.ReportResult;
import id.loket.report.repo.ReportReader;
import id.loket.report.service.ReportCatalog;
import id.loket.report.service.ReportService;
import id.loket.staff.service.Authorization;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
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
 * The shipped report {@code daily-summary} of one day against its baseline, on the day's
 * {@code bookings} with 60% of the booked ones checked in (no case further on: the figures past the
 * arrivals are zeros, but the query reads the same rows and views as on a busier day).
 * <p>
 * {@code loket}: {@link ReportService#run} of the report as the desk's catalogue holds it (class
 * path), as the supervisor, for {@code BenchOffice.DAY}: the session and the report's roles
 * checked, the SQL checked to be one query and its {@code :names} made bind values, a new
 * connection as the report reader ({@link ReportReader}: a database user that may only read)
 * in a transaction rolled back afterwards, the rows read through jOOQ into maps, and the run
 * appended to the audit chain (its signed head kept as the desk keeps it,
 * {@link BenchOffice#keepAuditHead}). The reader's user is made before the trial.
 * <p>
 * {@code baselineJdbc}: the same SQL of the same report (its comments dropped, {@code :names} made
 * {@code ?} before the trial) run by plain JDBC on a pooled connection of the database's owner,
 * with the same values, every column of every row read. The database's own work on the report's
 * query; what Loket adds is the reader's connection, the checks, jOOQ and the audit row.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class ReportQueryBenchmark {

    static final String REPORT = "daily-summary";

    @Param({"1500", "5000"})
    int bookings;

    private BenchOffice office;
    private ReportService reports;
    private ReportDefinition definition;
    private Map<String, Object> values;
    private String jdbcSql;
    private Object[] jdbcValues;

    @Setup(Level.Trial)
    public void setUp() {
        office = BenchOffice.day(bookings, 0.6);
        office.closedIfFails(this::prepare);
    }

    private void prepare() {
        office.keepAuditHead();
        definition = ReportCatalog.fromClassPath(ReportQueryBenchmark.class.getClassLoader()).find(REPORT)
                .orElseThrow(() -> new IllegalStateException("no report " + REPORT + " on the class path"));
        reports = new ReportService(ReportReader.of(office.db), office.db.dsl(), BenchOffice.OFFICE, BenchOffice.ZONE, office.clock,
                new Authorization(office.db));
        values = reports.parameters(definition, Map.of("date", BenchOffice.DAY.toString()));
        ReportResult first = reports.run(office.supervisor, definition, values); // makes the reader's database user
        id.loket.report.repo.ReportQuery.Parsed jdbc = id.loket.report.repo.ReportQuery.forJdbc(definition.sql());
        List<String> names = jdbc.names();
        jdbcSql = jdbc.sql();
        jdbcValues = new Object[names.size()];
        for (int i = 0; i < jdbcValues.length; i++) {
            jdbcValues[i] = bind(names.get(i));
        }
        List<Object[]> plain = baselineJdbc();
        if (plain.size() != first.rows().size() || first.rows().size() < 10) {
            throw new IllegalStateException(REPORT + " gave " + first.rows().size() + " rows, its SQL by JDBC " + plain.size());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        office.close();
    }

    @Benchmark
    public ReportResult loket() {
        return reports.run(office.supervisor, definition, values);
    }

    @Benchmark
    public List<Object[]> baselineJdbc() {
        return office.db.dsl().connectionResult(this::query);
    }

    private List<Object[]> query(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(jdbcSql)) {
            for (int i = 0; i < jdbcValues.length; i++) {
                Object v = jdbcValues[i];
                if (v instanceof OffsetDateTime) {
                    ps.setObject(i + 1, v, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    ps.setObject(i + 1, v);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                return BenchOffice.rows(rs);
            }
        }
    }

    /** The value of {@code :name} for the day: the report's parameters, and what {@link ReportService} adds to every report. */
    private Object bind(String name) {
        LocalDate day = BenchOffice.DAY;
        return switch (name) {
            case "date", "to" -> day;
            case ReportService.OFFICE -> BenchOffice.OFFICE;
            case ReportService.FROM_AT -> day.atStartOfDay(BenchOffice.ZONE).toOffsetDateTime();
            case ReportService.UNTIL_AT -> day.plusDays(1).atStartOfDay(BenchOffice.ZONE).toOffsetDateTime();
            default -> throw new IllegalStateException(REPORT + " uses :" + name + ", which the benchmark does not bind");
        };
    }
}
