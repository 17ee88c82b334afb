package id.loket.bench;

import id.loket.appointment.model.Applicant;
import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.Guardian;
import id.loket.appointment.model.Payment;
import id.loket.appointment.repo.AppointmentRepository;
import id.loket.central.sim.DayGenerator;
import id.loket.db.Database;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
 * The pull's write ({@link AppointmentRepository#upsertNewer}, one transaction per page of 200
 * generated appointments, as {@code PullService} applies a page) against its baseline: the same
 * rows, appointments and their guardians, inserted by a plain JDBC batch, one transaction per
 * page, into the same tables of the same (encrypted, desk) H2 file. One operation writes a whole
 * day of {@code bookings} into empty tables; the tables are emptied before each operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class PageUpsertBenchmark {

    static final int PAGE = 200;
    private static final String INSERT_APPOINTMENT = "INSERT INTO appointment (id, version, booking_code, office,"
            + " appointment_date, slot_start, slot_end, status, rescheduled_to, service, passport_type, validity_years,"
            + " same_day, nik, full_name, birth_date, birth_place, sex, married, phone, email, old_passport_number,"
            + " payment_billing_code, payment_amount, payment_status, payment_ntpn, payment_paid_at, updated_at, pulled_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_GUARDIAN = "INSERT INTO appointment_guardian (appointment_id, ordinal, nik, full_name, relation)"
            + " VALUES (?, ?, ?, ?, ?)";

    @Param({"1000"})
    int bookings;

    private java.nio.file.Path dir;
    private Database db;
    private List<List<Appointment>> pages;
    private OffsetDateTime now;

    @Setup(Level.Trial)
    public void setUp() {
        dir = BenchOffice.tempDir();
        db = Database.openFolder(dir.resolve("data"));
        List<Appointment> day = new DayGenerator(7).generate(BenchOffice.OFFICE, BenchOffice.DAY, bookings, BenchOffice.ZONE);
        pages = new ArrayList<>();
        for (int i = 0; i < day.size(); i += PAGE) {
            pages.add(List.copyOf(day.subList(i, Math.min(day.size(), i + PAGE))));
        }
        now = BenchOffice.DAY.atTime(7, 0).atZone(BenchOffice.ZONE).toOffsetDateTime();
    }

    /** Empty tables before each day written (not measured). */
    @Setup(Level.Invocation)
    public void empty() {
        db.dsl().connection(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM appointment_guardian");
                s.execute("DELETE FROM appointment");
            }
        });
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        db.close();
        BenchOffice.deleteQuietly(dir);
    }

    @Benchmark
    public int loket() {
        int applied = 0;
        for (List<Appointment> page : pages) {
            applied += db.inTransaction(tx -> new AppointmentRepository(tx).upsertNewer(page, now)).applied();
        }
        return applied;
    }

    @Benchmark
    public int baselineJdbcBatch() {
        int[] rows = {0};
        for (List<Appointment> page : pages) {
            db.dsl().connection(c -> rows[0] += insertPage(c, page, now));
        }
        return rows[0];
    }

    private static int insertPage(Connection c, List<Appointment> page, OffsetDateTime now) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(INSERT_APPOINTMENT); PreparedStatement gs = c.prepareStatement(INSERT_GUARDIAN)) {
            boolean guardians = false;
            for (Appointment a : page) {
                bind(ps, a, now);
                ps.addBatch();
                List<Guardian> list = a.applicant().guardians();
                for (int i = 0; i < list.size(); i++) {
                    Guardian g = list.get(i);
                    gs.setString(1, a.id());
                    gs.setInt(2, i);
                    gs.setString(3, g.nik());
                    gs.setString(4, g.fullName());
                    gs.setString(5, g.relation() == null ? null : g.relation().name());
                    gs.addBatch();
                    guardians = true;
                }
            }
            int n = ps.executeBatch().length;
            if (guardians) {
                gs.executeBatch();
            }
            c.commit();
            return n;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private static void bind(PreparedStatement ps, Appointment a, OffsetDateTime now) throws SQLException {
        Applicant p = a.applicant();
        Payment pay = a.payment();
        int i = 1;
        ps.setString(i++, a.id());
        ps.setLong(i++, a.version());
        ps.setString(i++, a.bookingCode());
        ps.setString(i++, a.office());
        ps.setDate(i++, Date.valueOf(a.date()));
        ps.setString(i++, a.slotStart());
        ps.setString(i++, a.slotEnd());
        ps.setString(i++, a.status().name());
        ps.setObject(i++, a.rescheduledTo(), Types.DATE);
        ps.setString(i++, a.service().name());
        ps.setString(i++, a.passportType().name());
        ps.setObject(i++, a.validityYears(), Types.INTEGER);
        ps.setBoolean(i++, a.sameDay());
        ps.setString(i++, p.nik());
        ps.setString(i++, p.fullName());
        ps.setDate(i++, Date.valueOf(p.birthDate()));
        ps.setString(i++, p.birthPlace());
        ps.setString(i++, p.sex().name());
        ps.setBoolean(i++, p.married());
        ps.setString(i++, p.phone());
        ps.setString(i++, p.email());
        ps.setString(i++, p.oldPassportNumber());
        ps.setString(i++, pay.billingCode());
        ps.setObject(i++, pay.amount(), Types.BIGINT);
        ps.setString(i++, pay.status().name());
        ps.setString(i++, pay.ntpn());
        ps.setObject(i++, pay.paidAt(), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setObject(i++, a.updatedAt(), Types.TIMESTAMP_WITH_TIMEZONE);
        ps.setObject(i, now, Types.TIMESTAMP_WITH_TIMEZONE);
    }
}
