package id.loket.central.sim;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.appointment.model.Applicant;
import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.appointment.model.Guardian;
import id.loket.appointment.model.GuardianRelation;
import id.loket.appointment.model.PassportType;
import id.loket.appointment.model.PaymentStatus;
import id.loket.appointment.model.ServiceType;
import id.loket.common.model.Sex;
import id.loket.common.model.Nik;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DayGeneratorTest {

    private static final String OFFICE = "DPS";
    private static final LocalDate DATE = LocalDate.of(2026, 11, 27);
    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    private static final int QUOTA = 250;

    private static List<Appointment> day(long seed) {
        return new DayGenerator(seed).generate(OFFICE, DATE, QUOTA, WITA);
    }

    private static boolean isMinor(Applicant applicant) {
        return Period.between(applicant.birthDate(), DATE).getYears() < 17;
    }

    @Test
    void sameSeedOfficeDateAndCountGiveEqualDays() {
        assertThat(day(42)).isEqualTo(day(42));
    }

    @Test
    void differentSeedsGiveDifferentDays() {
        assertThat(day(42)).isNotEqualTo(day(43));
    }

    @Test
    void differentDatesGiveDifferentDays() {
        DayGenerator generator = new DayGenerator(42);
        assertThat(generator.generate(OFFICE, DATE, QUOTA, WITA))
                .isNotEqualTo(generator.generate(OFFICE, DATE.plusDays(1), QUOTA, WITA));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, 49, 50, 250, 400})
    void returnsTheRequestedCount(int count) {
        assertThat(new DayGenerator(7).generate(OFFICE, DATE, count, WITA)).hasSize(count);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 2026})
    void everyNikIsValidAndAgreesWithBirthDateAndSex(long seed) {
        for (Appointment appointment : day(seed)) {
            Applicant applicant = appointment.applicant();
            assertThat(Nik.isValid(applicant.nik())).as(applicant.nik()).isTrue();
            assertThat(Nik.parse(applicant.nik()).agreesWith(applicant.birthDate(), applicant.sex()))
                    .as(applicant.nik()).isTrue();
        }
    }

    @Test
    void womensNikCarriesDayPlusForty() {
        for (Appointment appointment : day(42)) {
            Applicant applicant = appointment.applicant();
            int nikDay = Integer.parseInt(applicant.nik().substring(6, 8));
            if (applicant.sex() == Sex.F) {
                assertThat(nikDay).isBetween(41, 71);
            } else {
                assertThat(nikDay).isBetween(1, 31);
            }
        }
    }

    @Test
    void mostApplicantsAreFromBaliAndSomeFromElsewhere() {
        long bali = day(42).stream().filter(a -> a.applicant().nik().startsWith("51")).count();
        assertThat(bali).isBetween(QUOTA * 6L / 10, QUOTA - 1L);
    }

    @Test
    void noTwoPeopleShareANik() {
        List<String> niks = day(42).stream()
                .flatMap(a -> Stream.concat(
                        Stream.of(a.applicant().nik()),
                        a.applicant().guardians().stream().map(Guardian::nik)))
                .toList();
        assertThat(niks).doesNotHaveDuplicates();
    }

    @Test
    void bookingCodesAreUniqueAndMadeOfOfficeCodeAndSevenUnambiguousCharacters() {
        List<String> codes = day(42).stream().map(Appointment::bookingCode).toList();
        assertThat(codes).doesNotHaveDuplicates()
                .allSatisfy(code -> assertThat(code).matches("DPS[A-HJ-NP-Z2-9]{7}"));
    }

    @Test
    void idsAreUniqueUuidsAndEveryBookingIsVersionOneOfTheOffice() {
        List<Appointment> day = day(42);
        assertThat(day).extracting(Appointment::id).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(UUID.fromString(id).toString()).isEqualTo(id));
        assertThat(day).allSatisfy(a -> {
            assertThat(a.version()).isEqualTo(1);
            assertThat(a.office()).isEqualTo(OFFICE);
            assertThat(a.date()).isEqualTo(DATE);
            assertThat(a.updatedAt().toLocalDate()).isBefore(DATE);
            assertThat(a.updatedAt().getOffset()).isEqualTo(WITA.getRules().getOffset(a.updatedAt().toInstant()));
        });
    }

    @Test
    void everyServiceTypeAppearsAndNewIsTheMostCommon() {
        Map<ServiceType, Long> services = day(42).stream()
                .collect(Collectors.groupingBy(Appointment::service, Collectors.counting()));
        assertThat(services).containsOnlyKeys(ServiceType.values());
        assertThat(services.get(ServiceType.NEW)).isGreaterThan(services.get(ServiceType.RENEWAL));
        assertThat(services.get(ServiceType.RENEWAL)).isGreaterThan(services.get(ServiceType.REPLACEMENT_LOST));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 2026})
    void minorsComeWithFatherAndMotherAndGetFiveYears(long seed) {
        List<Appointment> minors = day(seed).stream().filter(a -> isMinor(a.applicant())).toList();
        assertThat(minors).isNotEmpty();
        for (Appointment minor : minors) {
            assertThat(minor.validityYears()).isEqualTo(5);
            assertThat(minor.applicant().married()).isFalse();
            assertThat(minor.applicant().guardians())
                    .extracting(Guardian::relation)
                    .containsExactly(GuardianRelation.FATHER, GuardianRelation.MOTHER);
            for (Guardian parent : minor.applicant().guardians()) {
                assertThat(parent.fullName()).isNotBlank();
                assertThat(Nik.isValid(parent.nik())).as(parent.nik()).isTrue();
                Nik nik = Nik.parse(parent.nik());
                assertThat(nik.sex()).isEqualTo(parent.relation() == GuardianRelation.FATHER ? Sex.M : Sex.F);
                LocalDate parentBirth = nik.birthDate(DATE);
                assertThat(Period.between(parentBirth, minor.applicant().birthDate()).getYears())
                        .as("parent's age at the child's birth").isBetween(18, 50);
            }
        }
    }

    @Test
    void adultsComeAloneAndGetTenYears() {
        List<Appointment> adults = day(42).stream().filter(a -> !isMinor(a.applicant())).toList();
        assertThat(adults).isNotEmpty().allSatisfy(adult -> {
            assertThat(adult.validityYears()).isEqualTo(10);
            assertThat(adult.applicant().guardians()).isEmpty();
            assertThat(Period.between(adult.applicant().birthDate(), DATE).getYears()).isBetween(17, 70);
        });
        assertThat(adults).anyMatch(a -> a.applicant().married()).anyMatch(a -> !a.applicant().married());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 2026})
    void namesIncludeTheShapesThatBreakNaiveCode(long seed) {
        List<String> names = day(seed).stream().map(a -> a.applicant().fullName()).toList();
        assertThat(names).allSatisfy(name -> assertThat(name).hasSizeLessThanOrEqualTo(200).isNotBlank());
        assertThat(names).anyMatch(name -> !name.contains(" "))
                .anyMatch(name -> name.contains("'"))
                .anyMatch(name -> name.contains("-") || name.contains("."))
                .anyMatch(name -> name.chars().anyMatch(c -> c > 127))
                .anyMatch(name -> name.startsWith("I "))
                .anyMatch(name -> name.startsWith("Ni "));
        assertThat(names).noneMatch(name -> name.equals(name.toUpperCase(Locale.ROOT)));
    }

    @Test
    void balineseBirthOrderTitlesMatchSex() {
        for (Appointment appointment : day(42)) {
            Applicant applicant = appointment.applicant();
            if (applicant.fullName().startsWith("I ")) {
                assertThat(applicant.sex()).as(applicant.fullName()).isEqualTo(Sex.M);
            }
            if (applicant.fullName().startsWith("Ni ")) {
                assertThat(applicant.sex()).as(applicant.fullName()).isEqualTo(Sex.F);
            }
        }
    }

    @Test
    void contactDetailsLookIndonesian() {
        List<Applicant> applicants = day(42).stream().map(Appointment::applicant).toList();
        assertThat(applicants).allSatisfy(a -> assertThat(a.phone()).matches("\\+62 8\\d{2} \\d{4} \\d{4}"));
        assertThat(applicants).anyMatch(a -> a.email() == null);
        assertThat(applicants).map(Applicant::email).filteredOn(e -> e != null)
                .allSatisfy(email -> assertThat(email).matches("[a-z0-9.]+@[a-z.]+"));
        assertThat(applicants).allSatisfy(a -> assertThat(a.birthPlace()).isNotBlank());
    }

    @Test
    void onlyRenewalsAndDamagedReplacementsBringAnOldPassport() {
        for (Appointment appointment : day(42)) {
            String old = appointment.applicant().oldPassportNumber();
            if (appointment.service() == ServiceType.RENEWAL
                    || appointment.service() == ServiceType.REPLACEMENT_DAMAGED) {
                assertThat(old).matches("[A-Z]\\d{7}");
            } else {
                assertThat(old).isNull();
            }
        }
    }

    @Test
    void amountsFollowTheFeeTable() {
        Map<PassportType, Map<Integer, Long>> base = Map.of(
                PassportType.REGULAR, Map.of(5, 350_000L, 10, 650_000L),
                PassportType.ELECTRONIC, Map.of(5, 650_000L, 10, 950_000L));
        Map<ServiceType, Long> fine = Map.of(
                ServiceType.NEW, 0L, ServiceType.RENEWAL, 0L,
                ServiceType.REPLACEMENT_LOST, 1_000_000L, ServiceType.REPLACEMENT_DAMAGED, 500_000L);
        for (Appointment a : day(42)) {
            long expected = base.get(a.passportType()).get(a.validityYears())
                    + (a.sameDay() ? 1_000_000L : 0L)
                    + fine.get(a.service());
            assertThat(a.payment().amount()).as(a.bookingCode()).isEqualTo(expected);
            assertThat(a.payment().billingCode()).matches("\\d{15}");
        }
    }

    @Test
    void passportTypesAreMixed() {
        Map<PassportType, Long> types = day(42).stream()
                .collect(Collectors.groupingBy(Appointment::passportType, Collectors.counting()));
        assertThat(types.get(PassportType.REGULAR)).isGreaterThan(types.get(PassportType.ELECTRONIC));
        assertThat(types.get(PassportType.ELECTRONIC)).isPositive();
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 42, 2026})
    void rareCasesArePresentEvenWhenTheDayIsSmall(long seed) {
        List<Appointment> day = new DayGenerator(seed).generate(OFFICE, DATE, 50, WITA);
        assertThat(day).anyMatch(a -> a.status() == AppointmentStatus.CANCELLED)
                .anyMatch(a -> a.status() == AppointmentStatus.RESCHEDULED)
                .anyMatch(a -> a.payment().status() == PaymentStatus.UNPAID)
                .anyMatch(a -> isMinor(a.applicant()))
                .anyMatch(a -> !a.applicant().fullName().contains(" "));
        assertThat(day).extracting(Appointment::service).contains(ServiceType.values());
    }

    @Test
    void onlyRescheduledBookingsHaveALaterDate() {
        for (Appointment a : day(42)) {
            if (a.status() == AppointmentStatus.RESCHEDULED) {
                assertThat(a.rescheduledTo()).isAfter(DATE).isBeforeOrEqualTo(DATE.plusDays(14));
            } else {
                assertThat(a.rescheduledTo()).isNull();
            }
        }
    }

    @Test
    void paidBookingsCarryProofAndUnpaidOnesDoNot() {
        for (Appointment a : day(42)) {
            if (a.payment().status() == PaymentStatus.PAID) {
                assertThat(a.payment().ntpn()).matches("[0-9A-Z]{16}");
                assertThat(a.payment().paidAt()).isNotNull();
                assertThat(a.payment().paidAt().toLocalDate()).isBefore(DATE);
            } else {
                assertThat(a.payment().status()).isEqualTo(PaymentStatus.UNPAID);
                assertThat(a.payment().ntpn()).isNull();
                assertThat(a.payment().paidAt()).isNull();
            }
        }
    }

    @Test
    void bookingsFillTheHourlySlotsFromEightToThreeEvenly() {
        List<Appointment> day = day(42);
        assertThat(day).allSatisfy(a -> {
            assertThat(a.slotStart()).matches("(08|09|1[0-4]):00");
            assertThat(Integer.parseInt(a.slotEnd().substring(0, 2)))
                    .isEqualTo(Integer.parseInt(a.slotStart().substring(0, 2)) + 1);
        });
        Map<String, Long> perSlot = day.stream()
                .collect(Collectors.groupingBy(Appointment::slotStart, Collectors.counting()));
        assertThat(perSlot).hasSize(7);
        assertThat(perSlot.values()).allSatisfy(n -> assertThat(n).isBetween(35L, 37L));
    }

    @Test
    void rareCasesStayRare() {
        List<Appointment> day = day(42);
        Map<AppointmentStatus, Long> statuses = day.stream()
                .collect(Collectors.groupingBy(Appointment::status, Collectors.counting()));
        assertThat(statuses.get(AppointmentStatus.BOOKED)).isGreaterThan(QUOTA * 9L / 10);
        long minors = day.stream().map(Appointment::applicant).filter(DayGeneratorTest::isMinor).count();
        assertThat(minors).isBetween(QUOTA / 10L, QUOTA / 5L);
    }
}
