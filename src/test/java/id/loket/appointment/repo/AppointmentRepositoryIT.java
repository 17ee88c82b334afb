package id.loket.appointment.repo;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.appointment.model.Applicant;
import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.UpsertCounts;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.appointment.model.Guardian;
import id.loket.appointment.model.GuardianRelation;
import id.loket.appointment.model.PassportType;
import id.loket.appointment.model.Payment;
import id.loket.appointment.model.PaymentStatus;
import id.loket.appointment.model.ServiceType;
import id.loket.common.model.Sex;
import id.loket.db.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appointments in a real H2 file. */
class AppointmentRepositoryIT {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 27, 7, 0, 0, 0, ZoneOffset.ofHours(8));

    @TempDir
    Path dir;

    private Database db;

    @BeforeEach
    void open() {
        db = Database.openFolder(dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Appointment appointment(String id, long version, String name, List<Guardian> guardians) {
        return new Appointment(id, version, "DPS" + id.substring(0, 7).toUpperCase(), "DPS", DAY, "08:00", "09:00",
                AppointmentStatus.BOOKED, null, ServiceType.NEW, PassportType.ELECTRONIC, guardians.isEmpty() ? 10 : 5, false,
                new Applicant("5171015708900002", name, LocalDate.of(1990, 8, 17), "Denpasar", Sex.F, false,
                        "+62 812 0000 0000", null, null, guardians),
                new Payment("123456789012345", 950_000L, PaymentStatus.PAID, "ABCDEFGH12345678", NOW.minusDays(3)), NOW.minusDays(3));
    }

    private AppointmentRepository repo() {
        return new AppointmentRepository(db.dsl());
    }

    @Test
    void newItemIsStoredAndReadBackEqual() {
        Appointment a = appointment("0b1c2d3e-0000-4000-8000-000000000001", 1, "Ni Luh Putu Ayu",
                List.of(new Guardian("5171011708650001", "I Wayan Sastra", GuardianRelation.FATHER),
                        new Guardian("5171014708700002", "Ni Made Sari", GuardianRelation.MOTHER)));

        UpsertCounts counts = repo().upsertNewer(List.of(a), NOW);

        assertThat(counts).isEqualTo(new UpsertCounts(1, 0));
        assertThat(repo().findById(a.id())).contains(a);
    }

    @Test
    void higherVersionReplacesTheStoredOneAndItsGuardians() {
        String id = "0b1c2d3e-0000-4000-8000-000000000002";
        repo().upsertNewer(List.of(appointment(id, 1, "Sukarno",
                List.of(new Guardian(null, "Wali", GuardianRelation.GUARDIAN)))), NOW);
        Appointment v2 = appointment(id, 2, "Sukarno", List.of());

        UpsertCounts counts = repo().upsertNewer(List.of(v2), NOW);

        assertThat(counts.applied()).isEqualTo(1);
        assertThat(repo().findById(id)).contains(v2);
    }

    @Test
    void sameOrLowerVersionIsIgnored() {
        String id = "0b1c2d3e-0000-4000-8000-000000000003";
        Appointment v3 = appointment(id, 3, "Ma'ruf Amin", List.of());
        repo().upsertNewer(List.of(v3), NOW);

        UpsertCounts counts = repo().upsertNewer(
                List.of(appointment(id, 3, "Changed", List.of()), appointment(id, 2, "Older", List.of())), NOW);

        assertThat(counts).isEqualTo(new UpsertCounts(0, 2));
        assertThat(repo().findById(id)).contains(v3);
    }

    @Test
    void namesAreKeptByteForByteUpTo200Characters() {
        String longName = "Désirée Ni'matul Kusumawardhani ".repeat(7).substring(0, 200);
        List<String> names = List.of(longName, "Sukarno", "Zoë", "I Gusti Ngurah Rai-Putra", "R.A. Kartini");
        for (int i = 0; i < names.size(); i++) {
            repo().upsertNewer(List.of(appointment("0b1c2d3e-0000-4000-8000-00000000010" + i, 1, names.get(i), List.of())), NOW);
        }

        List<String> stored = repo().findByDate("DPS", DAY).stream().map(a -> a.applicant().fullName()).toList();

        assertThat(stored).containsExactlyInAnyOrderElementsOf(names);
        assertThat(stored).anySatisfy(n -> assertThat(n.getBytes(StandardCharsets.UTF_8)).isEqualTo(longName.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void storedAppointmentsSurviveClosingTheDatabase() {
        Appointment a = appointment("0b1c2d3e-0000-4000-8000-000000000004", 1, "Ni Ketut Ayu", List.of());
        repo().upsertNewer(List.of(a), NOW);
        db.close();

        db = Database.openFolder(dir);

        assertThat(repo().findByDate("DPS", DAY)).containsExactly(a);
        assertThat(repo().countByDate("DPS", DAY.plusDays(1))).isZero();
    }
}
