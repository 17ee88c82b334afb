package id.loket.appointment.repo;

import static id.loket.db.jooq.Tables.APPOINTMENT;
import static org.assertj.core.api.Assertions.assertThat;

import id.loket.appointment.model.Applicant;
import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.appointment.model.Guardian;
import id.loket.appointment.model.GuardianRelation;
import id.loket.appointment.model.PassportType;
import id.loket.appointment.model.Payment;
import id.loket.appointment.model.PaymentStatus;
import id.loket.appointment.model.ServiceType;
import id.loket.appointment.model.UpsertCounts;
import id.loket.central.sim.DayGenerator;
import id.loket.common.model.Sex;
import id.loket.testing.TestDatabase;
import id.loket.testing.TestDatabase.Backend;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The pull's batched upsert and the reads by condition, on H2 and on PostgreSQL. */
class AppointmentUpsertBatchIT {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 7, 7, 0, 0, 0, ZoneOffset.ofHours(8));

    @TempDir
    Path dir;

    private TestDatabase database;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    private AppointmentRepository repo(Backend backend) {
        if (database == null) {
            database = TestDatabase.open(backend, dir, "appointment_upsert_batch_" + backend.name().toLowerCase());
        }
        return new AppointmentRepository(database.db().dsl());
    }

    private static Appointment appointment(String id, long version, String name, List<Guardian> guardians) {
        return new Appointment(id, version, "DPS" + id.substring(0, 7).toUpperCase(), "DPS", DAY, "08:00", "09:00",
                AppointmentStatus.BOOKED, null, ServiceType.NEW, PassportType.ELECTRONIC, guardians.isEmpty() ? 10 : 5, false,
                new Applicant("5171015708900002", name, LocalDate.of(1990, 8, 17), "Denpasar", Sex.F, false,
                        "+62 812 0000 0000", null, null, guardians),
                new Payment("123456789012345", 950_000L, PaymentStatus.PAID, "ABCDEFGH12345678", NOW.minusDays(3)), NOW.minusDays(3));
    }

    /** Every nullable field null: the batch binds typed nulls. */
    private static Appointment bare(String id, long version) {
        return new Appointment(id, version, "DPSBARE" + id.substring(35), "DPS", DAY, "10:00", null,
                AppointmentStatus.BOOKED, null, ServiceType.RENEWAL, PassportType.REGULAR, null, true,
                new Applicant("5171015708900002", "Bare", LocalDate.of(1990, 8, 17), null, Sex.M, true, null, null, null, List.of()),
                new Payment(null, null, PaymentStatus.UNPAID, null, null), null);
    }

    private static String id(int n) {
        return String.format("0b1c2d3e-0000-4000-8000-%012d", n);
    }

    private static Guardian guardian(String name, GuardianRelation relation) {
        return new Guardian("5171011708650001", name, relation);
    }

    /**
     * The same appointment with its times at UTC: PostgreSQL answers a timestamp with time zone at
     * the session's offset, the same instant as written (as on every read, before and after).
     */
    private static Appointment utc(Appointment a) {
        Payment p = a.payment();
        return new Appointment(a.id(), a.version(), a.bookingCode(), a.office(), a.date(), a.slotStart(), a.slotEnd(), a.status(),
                a.rescheduledTo(), a.service(), a.passportType(), a.validityYears(), a.sameDay(), a.applicant(),
                new Payment(p.billingCode(), p.amount(), p.status(), p.ntpn(), utc(p.paidAt())), utc(a.updatedAt()));
    }

    private static OffsetDateTime utc(OffsetDateTime t) {
        return t == null ? null : t.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static List<Appointment> utc(List<Appointment> list) {
        return list.stream().map(AppointmentUpsertBatchIT::utc).toList();
    }

    @Test
    void everyColumnOfTheTableIsWritten() {
        assertThat(AppointmentRepository.columns()).containsExactlyInAnyOrder(APPOINTMENT.fields());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aPageOfNewUpdatedIgnoredAndRepeatedItemsIsTakenAsOneByOne(Backend backend) {
        AppointmentRepository repo = repo(backend);
        repo.upsertNewer(List.of(
                appointment(id(1), 3, "Stored three", List.of(guardian("Old father", GuardianRelation.FATHER))),
                appointment(id(2), 1, "Stored one", List.of(guardian("Old mother", GuardianRelation.MOTHER))),
                appointment(id(3), 2, "Stored two", List.of())), NOW);

        List<Appointment> page = List.of(
                appointment(id(1), 2, "Older: ignored", List.of()),
                appointment(id(2), 2, "Newer", List.of(guardian("New guardian", GuardianRelation.GUARDIAN),
                        guardian("Second", null))),
                appointment(id(4), 1, "New one", List.of(guardian("Father", GuardianRelation.FATHER))),
                appointment(id(4), 3, "New three", List.of()),
                appointment(id(4), 2, "New two: older than the three before it", List.of()),
                appointment(id(3), 3, "Stored, then newer", List.of(guardian("Mother", GuardianRelation.MOTHER))),
                appointment(id(3), 3, "Same again", List.of()),
                appointment(id(5), 7, "New", List.of()),
                bare(id(6), 1));

        UpsertCounts counts = repo.upsertNewer(page, NOW.plusHours(1));

        assertThat(counts).isEqualTo(new UpsertCounts(6, 3));
        assertThat(repo.findById(id(1)).map(AppointmentUpsertBatchIT::utc)).contains(utc(appointment(id(1), 3, "Stored three", List.of(guardian("Old father", GuardianRelation.FATHER)))));
        assertThat(repo.findById(id(2)).map(AppointmentUpsertBatchIT::utc)).contains(utc(page.get(1)));
        assertThat(repo.findById(id(3)).map(AppointmentUpsertBatchIT::utc)).contains(utc(page.get(5)));
        assertThat(repo.findById(id(4)).map(AppointmentUpsertBatchIT::utc)).contains(utc(page.get(3)));
        assertThat(repo.findById(id(5)).map(AppointmentUpsertBatchIT::utc)).contains(utc(page.get(7)));
        assertThat(repo.findById(id(6)).map(AppointmentUpsertBatchIT::utc)).contains(utc(page.get(8)));
        assertThat(repo.countByDate("DPS", DAY)).isEqualTo(6);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aGeneratedDayReadsBackAsPulledWithItsGuardians(Backend backend) {
        AppointmentRepository repo = repo(backend);
        List<Appointment> day = new DayGenerator(11).generate("DPS", DAY, 450, ZoneId.of("Asia/Makassar"));
        int applied = 0;
        for (int i = 0; i < day.size(); i += 200) {
            applied += repo.upsertNewer(day.subList(i, Math.min(day.size(), i + 200)), NOW).applied();
        }
        List<Appointment> otherDay = new DayGenerator(12).generate("DPS", DAY.plusDays(1), 30, ZoneId.of("Asia/Makassar"));
        repo.upsertNewer(otherDay, NOW);

        List<Appointment> read = utc(repo.findByDate("DPS", DAY));

        assertThat(applied).isEqualTo(day.size());
        assertThat(day).anySatisfy(a -> assertThat(a.applicant().guardians()).isNotEmpty());
        assertThat(read).containsExactlyElementsOf(utc(day.stream()
                .sorted(Comparator.comparing(Appointment::slotStart).thenComparing(Appointment::bookingCode).thenComparing(Appointment::id))
                .toList()));
        Map<String, Appointment> byId = repo.findByIds(List.of(day.get(0).id(), day.get(1).id(), otherDay.get(0).id(), id(999)))
                .stream().collect(Collectors.toMap(Appointment::id, Function.identity()));
        assertThat(byId).containsOnlyKeys(day.get(0).id(), day.get(1).id(), otherDay.get(0).id());
        assertThat(utc(byId.get(otherDay.get(0).id()))).isEqualTo(utc(otherDay.get(0)));
        Appointment withGuardians = day.stream().filter(a -> !a.applicant().guardians().isEmpty()).findFirst().orElseThrow();
        assertThat(utc(repo.findByBookingCode(withGuardians.bookingCode()))).containsExactly(utc(withGuardians));
        assertThat(repo.findByIds(List.of())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aNewerDayReplacesEveryRowAndGuardian(Backend backend) {
        AppointmentRepository repo = repo(backend);
        List<Appointment> day = new DayGenerator(11).generate("DPS", DAY, 250, ZoneId.of("Asia/Makassar"));
        repo.upsertNewer(day, NOW);
        List<Appointment> newer = new ArrayList<>();
        for (Appointment a : day) {
            Applicant p = a.applicant();
            List<Guardian> guardians = p.guardians().isEmpty() ? List.of(guardian("Added", GuardianRelation.GUARDIAN)) : List.of();
            newer.add(new Appointment(a.id(), a.version() + 1, a.bookingCode(), a.office(), a.date(), a.slotStart(), a.slotEnd(),
                    AppointmentStatus.CANCELLED, a.rescheduledTo(), a.service(), a.passportType(), a.validityYears(), a.sameDay(),
                    new Applicant(p.nik(), p.fullName() + " X", p.birthDate(), p.birthPlace(), p.sex(), p.married(), p.phone(),
                            p.email(), p.oldPassportNumber(), guardians),
                    a.payment(), a.updatedAt()));
        }

        UpsertCounts counts = repo.upsertNewer(newer, NOW.plusHours(2));

        assertThat(counts).isEqualTo(new UpsertCounts(250, 0));
        assertThat(utc(repo.findByDate("DPS", DAY))).containsExactlyInAnyOrderElementsOf(utc(newer));
    }
}
