package id.loket.bench;

import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.appointment.repo.AppointmentRepository;
import id.loket.audit.AuditChainRepository;
import id.loket.audit.AuditHeadKeeper;
import id.loket.audit.model.SignedHead;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.service.CaseWork;
import id.loket.casefile.service.Cases;
import id.loket.central.sim.DayGenerator;
import id.loket.checkin.service.CheckInService;
import id.loket.db.Database;
import id.loket.staff.model.Role;
import id.loket.staff.model.Session;
import id.loket.testing.TestSessions;
import id.loket.verification.service.VerificationService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * A desk's H2 file in a temporary folder holding one office day, built through the same
 * repositories and services the desk uses: {@code bookings} appointments from central's day
 * generator, of which {@code arrivedShare} checked in at the information desk. What the
 * benchmarks read and write against.
 */
final class BenchOffice implements AutoCloseable {

    static final String OFFICE = "DPS";
    static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    static final ZoneId ZONE = ZoneId.of("Asia/Makassar");

    final Path dir;
    final Database db;
    final Clock clock;
    final Session desk = TestSessions.staff("informasi", Role.COUNTER, "0");
    final Session officer = TestSessions.staff("petugas1", Role.COUNTER, "3");
    final Session supervisor = TestSessions.staff("supervisor", Role.SUPERVISOR, "S");
    final List<Appointment> bookings;

    private BenchOffice(Path dir, Database db, Clock clock, List<Appointment> bookings) {
        this.dir = dir;
        this.db = db;
        this.clock = clock;
        this.bookings = bookings;
    }

    /**
     * A folder with the day's {@code bookings}, {@code arrivedShare} of the booked ones checked
     * in. Built once into {@code target/bench-data} (checking in thousands through the service
     * takes minutes) and copied for each trial, so every trial starts from the same file.
     */
    static BenchOffice day(int bookings, double arrivedShare) {
        Path template = Path.of("target", "bench-data", "day-" + bookings + "-" + Math.round(arrivedShare * 100));
        if (!Files.isDirectory(template.resolve("data"))) {
            build(template, bookings, arrivedShare);
        }
        Path dir = tempDir();
        copy(template.resolve("data"), dir.resolve("data"));
        return open(dir, bookings);
    }

    private static BenchOffice open(Path dir, int bookings) {
        Database db = Database.openFolder(dir.resolve("data"));
        Clock clock = Clock.fixed(DAY.atTime(LocalTime.of(11, 0)).atZone(ZONE).toInstant(), ZONE);
        return new BenchOffice(dir, db, clock, new DayGenerator(7).generate(OFFICE, DAY, bookings, ZONE));
    }

    private static void build(Path template, int bookings, double arrivedShare) {
        Path building = template.resolveSibling(template.getFileName() + ".building");
        deleteQuietly(building);
        try (BenchOffice office = open(building, bookings)) {
            TestSessions.register(office.db, office.desk, office.officer, office.supervisor);
            office.db.inTransactionRun(tx -> new AppointmentRepository(tx).upsertNewer(office.bookings, OffsetDateTime.now(office.clock)));
            List<Appointment> booked = office.bookings.stream().filter(a -> a.status() == AppointmentStatus.BOOKED)
                    .sorted(Comparator.comparing(Appointment::slotStart).thenComparing(Appointment::id)).toList();
            CheckInService checkIn = office.checkIn();
            int arrivals = (int) Math.round(booked.size() * arrivedShare);
            for (int i = 0; i < arrivals; i++) {
                checkIn.checkIn(booked.get(i).id(), office.desk);
            }
            office.db.close();
            deleteQuietly(template);
            Files.createDirectories(template.getParent());
            Files.move(building, template);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path from, Path to) {
        try (var paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    CheckInService checkIn() {
        return new CheckInService(new CaseWork(db, clock), OFFICE);
    }

    /** Verification as the desk makes it (a hold lasts 7 days, the default setting). */
    VerificationService verification() {
        return new VerificationService(new CaseWork(db, clock), 7);
    }

    /** The day's cases still waiting (checked in, not called), in queue order. */
    List<CaseFile> waiting() {
        return new Cases(db.dsl()).waitingHeads(OFFICE, DAY);
    }

    /**
     * Keeps the signed head of the audit chain ({@code audit.head} in the data folder) as the desk
     * does ({@code AppContext} attaches the same keeper): every commit that appends to the chain
     * then also rewrites that file, twice. The template is built without it, so the head is first
     * signed where the chain stands now (as a desk's first start signs it).
     */
    void keepAuditHead() {
        Path file = dir.resolve("data").resolve("audit.head");
        try {
            Files.write(file, new SignedHead(new AuditChainRepository(db.dsl()).head()).encode(db.auditKey()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AuditHeadKeeper keeper = AuditHeadKeeper.attach(db, db.auditKey(), file, false);
        keeper.frozen().ifPresent(why -> {
            throw new IllegalStateException("the audit head is not kept: " + why);
        });
    }

    /** Runs a trial's preparation on this day; closes the day if it fails (JMH does not tear down a trial whose setup failed). */
    void closedIfFails(Runnable prepare) {
        try {
            prepare.run();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Every row of {@code rs}, every column read, as a baseline reads what Loket's code reads. */
    static List<Object[]> rows(java.sql.ResultSet rs) throws java.sql.SQLException {
        int n = rs.getMetaData().getColumnCount();
        List<Object[]> rows = new java.util.ArrayList<>();
        while (rs.next()) {
            Object[] row = new Object[n];
            for (int i = 0; i < n; i++) {
                row[i] = rs.getObject(i + 1);
            }
            rows.add(row);
        }
        return rows;
    }

    static Path tempDir() {
        try {
            return Files.createTempDirectory("loket-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the database and removes the folder (a template being built is moved, not removed). */
    @Override
    public void close() {
        db.close();
        if (!dir.getFileName().toString().endsWith(".building")) {
            deleteQuietly(dir);
        }
    }

    static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
