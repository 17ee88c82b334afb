package id.loket.central.sim;

import id.loket.appointment.model.Applicant;
import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.appointment.model.Guardian;
import id.loket.appointment.model.GuardianRelation;
import id.loket.appointment.model.PassportType;
import id.loket.appointment.model.Payment;
import id.loket.appointment.model.PaymentStatus;
import id.loket.appointment.model.ServiceType;
import id.loket.common.model.Sex;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Makes the bookings central would hold for one office day, so demo mode and tests have a
 * believable morning to preload without a real central. Rare cases (cancelled, rescheduled,
 * unpaid, minors, unusual names, every service type) are dealt as quotas rather than left to
 * chance: a day of 50 or more bookings always contains each of them, whatever the seed.
 */
public final class DayGenerator {

    /** Below this a day may be too small to hold every rare case, so none is forced. */
    private static final int COUNT_WITH_EVERY_CASE = 50;
    private static final int FIRST_SLOT_HOUR = 8;
    private static final int SLOTS = 7;
    private static final int ADULT_AGE = 17;
    /** Booking codes are read aloud and typed: no 0/O, 1/I look-alikes. */
    private static final String CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int CODE_LENGTH = 7;
    private static final String NTPN_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final List<String> PHONE_PREFIXES = List.of(
            "811", "812", "813", "821", "822", "823", "851", "852", "853", "814", "815", "816", "855",
            "856", "857", "858", "817", "818", "819", "859", "877", "878", "895", "896", "897", "881");
    private static final List<String> MAIL_DOMAINS = List.of(
            "gmail.com", "gmail.com", "gmail.com", "yahoo.co.id", "yahoo.com", "outlook.com", "ymail.com");

    /** Where applicants live, weighted: the office is in Denpasar, so most are from Bali. */
    private static final List<Region> REGIONS = List.of(
            new Region("5171", "Denpasar", 4, true, 45),
            new Region("5101", "Negara", 5, true, 3),
            new Region("5102", "Tabanan", 10, true, 6),
            new Region("5103", "Badung", 6, true, 9),
            new Region("5104", "Gianyar", 7, true, 7),
            new Region("5105", "Klungkung", 4, true, 3),
            new Region("5106", "Bangli", 4, true, 2),
            new Region("5107", "Karangasem", 8, true, 3),
            new Region("5108", "Singaraja", 9, true, 4),
            new Region("3578", "Surabaya", 31, false, 4),
            new Region("3573", "Malang", 5, false, 2),
            new Region("3171", "Jakarta", 10, false, 3),
            new Region("3273", "Bandung", 30, false, 2),
            new Region("5271", "Mataram", 6, false, 3),
            new Region("3374", "Semarang", 16, false, 1),
            new Region("3471", "Yogyakarta", 14, false, 1),
            new Region("5371", "Kupang", 6, false, 2));
    private static final int REGION_WEIGHT = REGIONS.stream().mapToInt(Region::weight).sum();

    /*
     * Central's price list (PP 45/2024 as reported). The simulator plays central, which computes
     * the amount; the desk's own fee settings are deliberately not read here.
     */
    private static final long REGULAR_5_YEARS = 350_000;
    private static final long REGULAR_10_YEARS = 650_000;
    private static final long ELECTRONIC_5_YEARS = 650_000;
    private static final long ELECTRONIC_10_YEARS = 950_000;
    private static final long SAME_DAY_SURCHARGE = 1_000_000;
    private static final long LOST_FINE = 1_000_000;
    private static final long DAMAGED_FINE = 500_000;

    private final long seed;

    public DayGenerator(long seed) {
        this.seed = seed;
    }

    /** A realistic day of bookings for the office, deterministic for the seed (same seed+office+date+count → equal lists). */
    public List<Appointment> generate(String office, LocalDate date, int count, ZoneId zone) {
        Objects.requireNonNull(office, "office");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(zone, "zone");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        long daySeed = (seed * 31 + office.hashCode()) * 31 + date.toEpochDay();
        return new Day(office, date, count, zone, new SplittableRandom(daySeed)).appointments();
    }

    private record Region(String code, String place, int districts, boolean bali, int weight) {
    }

    private record Share<T>(T value, double fraction) {
    }

    private record Person(String nik, String fullName) {
    }

    /** One generation run; holds what must stay unique within the day. */
    private static final class Day {
        private final String office;
        private final LocalDate date;
        private final int count;
        private final ZoneId zone;
        private final SplittableRandom random;
        private final Set<String> bookingCodes = new HashSet<>();
        private final Set<String> niks = new HashSet<>();
        private final Set<String> billingCodes = new HashSet<>();

        Day(String office, LocalDate date, int count, ZoneId zone, SplittableRandom random) {
            this.office = office;
            this.date = date;
            this.count = count;
            this.zone = zone;
            this.random = random;
        }

        List<Appointment> appointments() {
            List<ServiceType> services = deal(ServiceType.NEW, List.of(
                    new Share<>(ServiceType.RENEWAL, 0.35),
                    new Share<>(ServiceType.REPLACEMENT_LOST, 0.06),
                    new Share<>(ServiceType.REPLACEMENT_DAMAGED, 0.04)));
            List<AppointmentStatus> statuses = deal(AppointmentStatus.BOOKED, List.of(
                    new Share<>(AppointmentStatus.CANCELLED, 0.03),
                    new Share<>(AppointmentStatus.RESCHEDULED, 0.02)));
            List<PaymentStatus> payments = deal(PaymentStatus.PAID, List.of(
                    new Share<>(PaymentStatus.UNPAID, 0.03)));
            List<Boolean> minors = deal(false, List.of(new Share<>(true, 0.15)));
            List<PassportType> passportTypes = deal(PassportType.REGULAR, List.of(
                    new Share<>(PassportType.ELECTRONIC, 0.40)));
            List<Boolean> sameDays = deal(false, List.of(new Share<>(true, 0.03)));
            List<Optional<NameBank.Kind>> unusualNames = deal(Optional.empty(), List.of(
                    new Share<>(Optional.of(NameBank.Kind.MONONYM), 0.06),
                    new Share<>(Optional.of(NameBank.Kind.APOSTROPHE), 0.02),
                    new Share<>(Optional.of(NameBank.Kind.HYPHEN_OR_DOT), 0.02),
                    new Share<>(Optional.of(NameBank.Kind.NON_ASCII), 0.02)));

            List<Appointment> day = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int hour = FIRST_SLOT_HOUR + i * SLOTS / count;
                boolean minor = minors.get(i);
                Applicant applicant = applicant(services.get(i), minor, unusualNames.get(i));
                day.add(appointment(hour, statuses.get(i), services.get(i), passportTypes.get(i),
                        minor ? 5 : 10, sameDays.get(i), payments.get(i), applicant));
            }
            return List.copyOf(day);
        }

        private Appointment appointment(int hour, AppointmentStatus status, ServiceType service,
                PassportType passportType, int validityYears, boolean sameDay, PaymentStatus paymentStatus,
                Applicant applicant) {
            OffsetDateTime bookedAt = date.minusDays(2 + random.nextInt(13))
                    .atTime(7 + random.nextInt(15), random.nextInt(60))
                    .atZone(zone).toOffsetDateTime();
            OffsetDateTime paidAt = paymentStatus == PaymentStatus.PAID
                    ? bookedAt.plusMinutes(5 + random.nextInt(720))
                    : null;
            OffsetDateTime lastChange = paidAt != null ? paidAt : bookedAt;
            if (status != AppointmentStatus.BOOKED) {
                lastChange = lastChange.plusMinutes(30 + random.nextInt(600));
            }
            LocalDate rescheduledTo = status == AppointmentStatus.RESCHEDULED
                    ? date.plusDays(1 + random.nextInt(14))
                    : null;
            Payment payment = new Payment(
                    billingCode(),
                    amount(service, passportType, validityYears, sameDay),
                    paymentStatus,
                    paidAt != null ? randomText(NTPN_ALPHABET, 16) : null,
                    paidAt);
            return new Appointment(
                    uuid(), 1, bookingCode(), office, date,
                    slot(hour), slot(hour + 1),
                    status, rescheduledTo, service, passportType, validityYears, sameDay,
                    applicant, payment, lastChange);
        }

        private Applicant applicant(ServiceType service, boolean minor, Optional<NameBank.Kind> unusualName) {
            Region region = region();
            Sex sex = random.nextBoolean() ? Sex.M : Sex.F;
            int age = minor ? random.nextInt(ADULT_AGE) : adultAge();
            LocalDate birthDate = birthDateAtAge(age);
            NameBank.Kind kind = unusualName.orElseGet(() -> usualKind(region));
            Person person = person(region, sex, birthDate, kind);
            boolean married = !minor && (age > 25 ? random.nextBoolean() : age >= 19 && random.nextInt(100) < 15);
            List<Guardian> guardians = minor ? parents(region, birthDate, kind) : List.of();
            return new Applicant(
                    person.nik(), person.fullName(), birthDate, birthPlace(region), sex, married,
                    phone(), email(person.fullName(), birthDate), oldPassportNumber(service), guardians);
        }

        /** Both parents, because a minor's application needs both to attend and sign. */
        private List<Guardian> parents(Region region, LocalDate childBirth, NameBank.Kind childKind) {
            NameBank.Kind kind = childKind == NameBank.Kind.BALINESE ? childKind : NameBank.Kind.INDONESIAN;
            LocalDate fatherBirth = childBirth.minusYears(22 + random.nextInt(24)).minusDays(random.nextInt(365));
            LocalDate motherBirth = childBirth.minusYears(19 + random.nextInt(22)).minusDays(random.nextInt(365));
            Person father = person(region, Sex.M, fatherBirth, kind);
            Person mother = person(region, Sex.F, motherBirth, kind);
            return List.of(
                    new Guardian(father.nik(), father.fullName(), GuardianRelation.FATHER),
                    new Guardian(mother.nik(), mother.fullName(), GuardianRelation.MOTHER));
        }

        private Person person(Region region, Sex sex, LocalDate birthDate, NameBank.Kind kind) {
            return new Person(nik(region, birthDate, sex), NameBank.name(kind, sex, random));
        }

        /** Most Bali residents carry Balinese names, but not all: migrants from Java live here too. */
        private NameBank.Kind usualKind(Region region) {
            return region.bali() && random.nextInt(100) < 85 ? NameBank.Kind.BALINESE : NameBank.Kind.INDONESIAN;
        }

        /** Skewed young, as passport applicants are (work and study abroad), up to 70. */
        private int adultAge() {
            int span = 70 - ADULT_AGE + 1;
            return ADULT_AGE + Math.min(random.nextInt(span), random.nextInt(span));
        }

        /** At most 360 days back, so the person is exactly {@code age} on the appointment date. */
        private LocalDate birthDateAtAge(int age) {
            return date.minusYears(age).minusDays(1 + random.nextInt(360));
        }

        private String nik(Region region, LocalDate birthDate, Sex sex) {
            int district = 1 + random.nextInt(region.districts());
            int day = birthDate.getDayOfMonth() + (sex == Sex.F ? 40 : 0);
            String stem = String.format(Locale.ROOT, "%s%02d%02d%02d%02d", region.code(), district, day,
                    birthDate.getMonthValue(), birthDate.getYear() % 100);
            int serial = 1 + random.nextInt(9);
            while (!niks.add(stem + String.format(Locale.ROOT, "%04d", serial))) {
                serial++;
            }
            return stem + String.format(Locale.ROOT, "%04d", serial);
        }

        private Region region() {
            int pick = random.nextInt(REGION_WEIGHT);
            for (Region region : REGIONS) {
                pick -= region.weight();
                if (pick < 0) {
                    return region;
                }
            }
            throw new IllegalStateException("region weights");
        }

        /** Usually where they live now; some were born elsewhere and moved. */
        private String birthPlace(Region home) {
            return random.nextInt(100) < 85 ? home.place() : REGIONS.get(random.nextInt(REGIONS.size())).place();
        }

        private String phone() {
            return String.format(Locale.ROOT, "+62 %s %04d %04d",
                    PHONE_PREFIXES.get(random.nextInt(PHONE_PREFIXES.size())),
                    random.nextInt(10_000), random.nextInt(10_000));
        }

        /** Not everyone gives an address; those who do use an ASCII one made from their name. */
        private String email(String fullName, LocalDate birthDate) {
            if (random.nextInt(100) < 25) {
                return null;
            }
            List<String> words = new ArrayList<>();
            for (String word : asciiLower(fullName).split("[^a-z]+")) {
                if (word.length() > 2) {
                    words.add(word);
                }
            }
            if (words.isEmpty()) {
                words.add("pemohon");
            }
            String first = words.get(0);
            String last = words.get(words.size() - 1);
            String local = words.size() == 1 ? first : first + (random.nextBoolean() ? "." : "") + last;
            if (words.size() == 1 || random.nextBoolean()) {
                local += String.format(Locale.ROOT, "%02d", birthDate.getYear() % 100);
            }
            return local + "@" + MAIL_DOMAINS.get(random.nextInt(MAIL_DOMAINS.size()));
        }

        private static String asciiLower(String text) {
            return Normalizer.normalize(text, Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "")
                    .toLowerCase(Locale.ROOT)
                    .replace("'", "");
        }

        /** Only renewals and damaged replacements bring an old passport to hand in. */
        private String oldPassportNumber(ServiceType service) {
            if (service != ServiceType.RENEWAL && service != ServiceType.REPLACEMENT_DAMAGED) {
                return null;
            }
            char series = random.nextInt(100) < 35 ? 'X' : "ABC".charAt(random.nextInt(3));
            return series + String.format(Locale.ROOT, "%07d", random.nextInt(10_000_000));
        }

        private static long amount(ServiceType service, PassportType type, int validityYears, boolean sameDay) {
            long amount = switch (type) {
                case REGULAR -> validityYears == 5 ? REGULAR_5_YEARS : REGULAR_10_YEARS;
                case ELECTRONIC -> validityYears == 5 ? ELECTRONIC_5_YEARS : ELECTRONIC_10_YEARS;
            };
            if (sameDay) {
                amount += SAME_DAY_SURCHARGE;
            }
            if (service == ServiceType.REPLACEMENT_LOST) {
                amount += LOST_FINE;
            } else if (service == ServiceType.REPLACEMENT_DAMAGED) {
                amount += DAMAGED_FINE;
            }
            return amount;
        }

        private String billingCode() {
            String code;
            do {
                code = (1 + random.nextInt(9)) + randomText("0123456789", 14);
            } while (!billingCodes.add(code));
            return code;
        }

        private String bookingCode() {
            String code;
            do {
                code = office + randomText(CODE_ALPHABET, CODE_LENGTH);
            } while (!bookingCodes.add(code));
            return code;
        }

        /** Shaped like a random (version 4) UUID, but drawn from the seeded generator. */
        private String uuid() {
            long high = (random.nextLong() & ~0xF000L) | 0x4000L;
            long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
            return new UUID(high, low).toString();
        }

        private String randomText(String alphabet, int length) {
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return text.toString();
        }

        private static String slot(int hour) {
            return LocalTime.of(hour, 0).toString();
        }

        /**
         * A shuffled deck with each rare value's share of the day and {@code common} for the rest.
         * A rare value gets at least one card once the day is big enough to hold them all.
         */
        private <T> List<T> deal(T common, List<Share<T>> rare) {
            List<T> deck = new ArrayList<>(count);
            int minimum = count >= COUNT_WITH_EVERY_CASE ? 1 : 0;
            for (Share<T> share : rare) {
                int cards = Math.max(minimum, (int) Math.round(share.fraction() * count));
                for (int i = 0; i < cards && deck.size() < count; i++) {
                    deck.add(share.value());
                }
            }
            while (deck.size() < count) {
                deck.add(common);
            }
            for (int i = deck.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                T swap = deck.get(i);
                deck.set(i, deck.get(j));
                deck.set(j, swap);
            }
            return deck;
        }
    }
}
