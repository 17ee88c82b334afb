package id.loket.central;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.loket.appointment.model.Applicant;
import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.AppointmentStatus;
import id.loket.appointment.model.Guardian;
import id.loket.appointment.model.GuardianRelation;
import id.loket.appointment.model.Limits;
import id.loket.appointment.model.PassportType;
import id.loket.appointment.model.Payment;
import id.loket.appointment.model.PaymentStatus;
import id.loket.appointment.model.ServiceType;
import id.loket.common.model.Sex;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContractJsonTest {

    private static final ZoneOffset WITA = ZoneOffset.ofHours(8);
    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    private static final ObjectMapper MAPPER = ContractJson.mapper();

    // ---- appointments ----

    /** The first {@code count} code points of {@code seed} repeated. */
    private static String codePoints(String seed, int count) {
        StringBuilder b = new StringBuilder();
        while (b.codePointCount(0, b.length()) < count) {
            b.append(seed);
        }
        return b.substring(0, b.offsetByCodePoints(0, count));
    }

    /** Diacritics, an apostrophe, a hyphen, a dot and a CJK Extension B character (two chars, one code point). */
    private static final String NAME_SEED = "Ni Luh Putu Śrī Dèwi Ma'ruf Al-Farisi H. Ñyoman Tan 𠀋 ";

    private static Appointment appointment(String id, String bookingCode, AppointmentStatus status,
            LocalDate rescheduledTo, ServiceType service, Integer validity, boolean sameDay, Applicant applicant,
            Payment payment, OffsetDateTime updatedAt, String slotEnd) {
        return new Appointment(id, 3, bookingCode, "DPS", DAY, "08:00", slotEnd, status, rescheduledTo, service,
                PassportType.ELECTRONIC, validity, sameDay, applicant, payment, updatedAt);
    }

    private static Payment paid() {
        return new Payment("820261127000001", 650_000L, PaymentStatus.PAID, "0A1B2C3D4E5F6G7H",
                OffsetDateTime.of(2026, 11, 20, 14, 5, 9, 0, WITA));
    }

    private static Appointment minorWithGuardians() {
        Applicant child = new Applicant("5171014503150002", "Ni Komang Ayu Dèwi", LocalDate.of(2015, 3, 5),
                "Denpasar", Sex.F, false, "+62 812-3456-7890", "sastrawan@example.id", null,
                List.of(new Guardian("5171011708800001", "I Made Sastrawan", GuardianRelation.FATHER),
                        new Guardian("5171015208850002", "Ni Luh Putu Sri Wahyuni", GuardianRelation.MOTHER),
                        new Guardian(null, null, null)));
        return appointment("6f1c2a4e-3b5d-4c7e-9f10-2a3b4c5d6e7f", "DPSK7Q9M2X", AppointmentStatus.BOOKED, null,
                ServiceType.NEW, 5, false, child, paid(),
                OffsetDateTime.of(2026, 11, 26, 21, 15, 30, 123_000_000, WITA), "08:30");
    }

    private static Appointment mononymWithEveryOptionalFieldNull() {
        Applicant sukarno = new Applicant("3578010606010001", "Sukarno", LocalDate.of(2001, 6, 6), null, Sex.M,
                false, null, null, null, null);
        return appointment("0b7e6a2d-1c4f-4e8a-8d3b-5f6a7b8c9d0e", "DPSAB12CD3", AppointmentStatus.BOOKED, null,
                ServiceType.NEW, null, false, sukarno, new Payment(null, null, PaymentStatus.UNPAID, null, null),
                null, null);
    }

    private static Appointment apostropheAndHyphen() {
        Applicant maruf = new Applicant("3201011203650007", "Ma'ruf Al-Farisi bin H. Abdullah",
                LocalDate.of(1965, 3, 12), "Bogor", Sex.M, true, null, null, "C1234567", List.of());
        return appointment("2a9c8b7d-6e5f-4a3b-9c2d-1e0f9a8b7c6d", "DPSZZ99YY8", AppointmentStatus.RESCHEDULED,
                DAY.plusDays(3), ServiceType.RENEWAL, 10, true, maruf, paid(),
                OffsetDateTime.of(2026, 11, 27, 7, 30, 0, 0, WITA), "08:30");
    }

    private static Appointment diacritics() {
        Applicant zoe = new Applicant("5171014808950003", "Zoë Andrée Śrī Ñyoman Kusumadèwi",
                LocalDate.of(1995, 8, 8), "Singaraja", Sex.F, true, null, "zoe@example.id", null, List.of());
        return appointment("9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a", "DPSQQ11WW2", AppointmentStatus.CANCELLED, null,
                ServiceType.REPLACEMENT_LOST, 10, false, zoe, paid(), OffsetDateTime.of(2026, 11, 27, 9, 0, 0, 0, WITA),
                "09:00");
    }

    private static Appointment withFullName(String fullName) {
        Appointment a = minorWithGuardians();
        Applicant p = a.applicant();
        Applicant renamed = new Applicant(p.nik(), fullName, p.birthDate(), p.birthPlace(), p.sex(), p.married(),
                p.phone(), p.email(), p.oldPassportNumber(), p.guardians());
        return new Appointment(a.id(), a.version(), a.bookingCode(), a.office(), a.date(), a.slotStart(), a.slotEnd(),
                a.status(), a.rescheduledTo(), a.service(), a.passportType(), a.validityYears(), a.sameDay(), renamed,
                a.payment(), a.updatedAt());
    }

    static Stream<Named<Appointment>> appointments() {
        return Stream.of(
                Named.of("minor with guardians (one all null)", minorWithGuardians()),
                Named.of("one-word name, every optional field null", mononymWithEveryOptionalFieldNull()),
                Named.of("apostrophe, hyphen and dot in the name, rescheduled", apostropheAndHyphen()),
                Named.of("diacritics", diacritics()),
                Named.of("name of 200 code points", withFullName(codePoints(NAME_SEED, Limits.FULL_NAME))));
    }

    // ---- helpers ----

    private static ObjectNode parentOf(ObjectNode root, String path) {
        ObjectNode n = root;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            n = (ObjectNode) n.get(parts[i]);
        }
        return n;
    }

    private static String leaf(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static Consumer<ObjectNode> set(String path, Object value) {
        return root -> parentOf(root, path).set(leaf(path), MAPPER.valueToTree(value));
    }

    private static ContractViolation violation(Consumer<ObjectNode> breakIt) {
        ObjectNode json = ContractJson.write(minorWithGuardians());
        breakIt.accept(json);
        return catchThrowableOfType(ContractViolation.class, () -> ContractJson.readAppointment(json));
    }

    private static JsonNode throughText(JsonNode json) throws Exception {
        return MAPPER.readTree(MAPPER.writeValueAsString(json));
    }

    // ---- round trip ----

    @ParameterizedTest
    @MethodSource("appointments")
    void writtenAppointmentReadsBackEqual(Appointment appointment) {
        assertThat(ContractJson.readAppointment(ContractJson.write(appointment))).isEqualTo(appointment);
    }

    @ParameterizedTest
    @MethodSource("appointments")
    void writtenAppointmentReadsBackEqualThroughJsonText(Appointment appointment) throws Exception {
        assertThat(ContractJson.readAppointment(throughText(ContractJson.write(appointment)))).isEqualTo(appointment);
    }

    @Test
    void timesAreWrittenWithTheirOffset() {
        ObjectNode json = ContractJson.write(minorWithGuardians());
        assertThat(json.get("updatedAt").asText()).isEqualTo("2026-11-26T21:15:30.123+08:00");
        assertThat(json.get("payment").get("paidAt").asText()).isEqualTo("2026-11-20T14:05:09+08:00");
    }

    @Test
    void timeIsReadWithTheOffsetAsSent() {
        ObjectNode json = ContractJson.write(minorWithGuardians());
        json.put("updatedAt", "2026-11-27T08:00:00+07:00");
        assertThat(ContractJson.readAppointment(json).updatedAt())
                .isEqualTo(OffsetDateTime.of(2026, 11, 27, 8, 0, 0, 0, ZoneOffset.ofHours(7)));
    }

    @Test
    void nameIsTakenExactlyAsSent() {
        String name = " I Gusti  Ngurah Rai ";
        assertThat(ContractJson.readAppointment(ContractJson.write(withFullName(name))).applicant().fullName())
                .isEqualTo(name);
    }

    @Test
    void unknownFieldsAreIgnoredAtEveryLevel() throws Exception {
        Appointment appointment = minorWithGuardians();
        ObjectNode json = ContractJson.write(appointment);
        json.put("channel", "M-Paspor");
        json.putObject("_links").put("self", "/appointments/6f1c2a4e");
        json.putArray("tags").add("prioritas");
        ObjectNode applicant = (ObjectNode) json.get("applicant");
        applicant.put("nickname", "Komang");
        applicant.putObject("address").put("city", "Denpasar");
        ((ObjectNode) applicant.get("guardians").get(0)).put("phone", "+62 811");
        ((ObjectNode) json.get("payment")).put("bank", "BRI");

        assertThat(ContractJson.readAppointment(throughText(json))).isEqualTo(appointment);
    }

    // ---- contract breaks ----

    static Stream<String> requiredFields() {
        return Stream.of("id", "version", "bookingCode", "office", "date", "slotStart", "status", "service",
                "passportType", "applicant", "payment", "applicant.nik", "applicant.fullName", "applicant.birthDate",
                "applicant.sex", "payment.status");
    }

    @ParameterizedTest
    @MethodSource("requiredFields")
    void missingRequiredFieldIsNamed(String path) {
        ContractViolation v = violation(root -> parentOf(root, path).remove(leaf(path)));
        assertThat(v).isNotNull();
        assertThat(v.field()).isEqualTo(path);
        assertThat(v.key()).isEqualTo("contract.missing");
    }

    @ParameterizedTest
    @MethodSource("requiredFields")
    void jsonNullForRequiredFieldCountsAsMissing(String path) {
        ContractViolation v = violation(root -> parentOf(root, path).putNull(leaf(path)));
        assertThat(v).isNotNull();
        assertThat(v.field()).isEqualTo(path);
        assertThat(v.key()).isEqualTo("contract.missing");
    }

    static Stream<Arguments> contractBreaks() {
        return Stream.of(
                Arguments.of(Named.of("id not a UUID", set("id", "DPS-1")), "id", "contract.notUuid"),
                Arguments.of(Named.of("version 0", set("version", 0)), "version", "contract.notPositive"),
                Arguments.of(Named.of("version -1", set("version", -1)), "version", "contract.notPositive"),
                Arguments.of(Named.of("version as string", set("version", "3")), "version", "contract.notInteger"),
                Arguments.of(Named.of("version 1.5", set("version", 1.5)), "version", "contract.notInteger"),
                Arguments.of(Named.of("unknown status", set("status", "ARRIVED")), "status", "contract.unknownValue"),
                Arguments.of(Named.of("status in lower case", set("status", "booked")), "status", "contract.unknownValue"),
                Arguments.of(Named.of("unknown service", set("service", "VISA")), "service", "contract.unknownValue"),
                Arguments.of(Named.of("unknown payment status", set("payment.status", "LUNAS")), "payment.status",
                        "contract.unknownValue"),
                Arguments.of(Named.of("date 30 Feb", set("date", "2026-02-30")), "date", "contract.badDate"),
                Arguments.of(Named.of("date dd-MM-yyyy", set("date", "27-11-2026")), "date", "contract.badDate"),
                Arguments.of(Named.of("birth date without padding", set("applicant.birthDate", "2015-3-5")),
                        "applicant.birthDate", "contract.badDate"),
                Arguments.of(Named.of("time without offset", set("updatedAt", "2026-11-27T08:00:00")), "updatedAt",
                        "contract.badTime"),
                Arguments.of(Named.of("slot 8:00", set("slotStart", "8:00")), "slotStart", "contract.badSlot"),
                Arguments.of(Named.of("slot end 24:00", set("slotEnd", "24:00")), "slotEnd", "contract.badSlot"),
                Arguments.of(Named.of("validity 7 years", set("validityYears", 7)), "validityYears",
                        "contract.notAllowed"),
                Arguments.of(Named.of("sameDay as text", set("sameDay", "yes")), "sameDay", "contract.notBoolean"),
                Arguments.of(Named.of("billing code of 14 digits", set("payment.billingCode", "82026112700000")),
                        "payment.billingCode", "contract.badBillingCode"),
                Arguments.of(Named.of("negative amount", set("payment.amount", -1)), "payment.amount",
                        "contract.notWholeRupiah"),
                Arguments.of(Named.of("fractional amount", set("payment.amount", 650000.5)), "payment.amount",
                        "contract.notWholeRupiah"),
                Arguments.of(Named.of("amount as text", set("payment.amount", "650000")), "payment.amount",
                        "contract.notWholeRupiah"),
                Arguments.of(Named.of("NIK with serial 0000", set("applicant.nik", "5171014503150000")),
                        "applicant.nik", "contract.badNik"),
                Arguments.of(Named.of("NIK with unknown province", set("applicant.nik", "5071014503150002")),
                        "applicant.nik", "contract.badNik"),
                Arguments.of(Named.of("NIK with 31 April", set("applicant.nik", "5171017104150002")),
                        "applicant.nik", "contract.badNik"),
                Arguments.of(Named.of("NIK of 15 digits", set("applicant.nik", "517101450315000")),
                        "applicant.nik", "contract.badNik"),
                Arguments.of(Named.of("NIK with a letter", set("applicant.nik", "51710145031500O2")),
                        "applicant.nik", "contract.badNik"),
                Arguments.of(Named.of("NIK as a JSON number", set("applicant.nik", 5171014503150002L)),
                        "applicant.nik", "contract.notText"),
                Arguments.of(Named.of("blank full name", set("applicant.fullName", "   ")), "applicant.fullName",
                        "contract.blank"),
                Arguments.of(Named.of("full name of 201 code points",
                        set("applicant.fullName", codePoints(NAME_SEED, Limits.FULL_NAME + 1))),
                        "applicant.fullName", "contract.tooLong"),
                Arguments.of(Named.of("guardians as text", set("applicant.guardians", "ayah")),
                        "applicant.guardians", "contract.notArray"),
                Arguments.of(Named.of("guardians as object",
                        (Consumer<ObjectNode>) root -> ((ObjectNode) root.get("applicant")).putObject("guardians")),
                        "applicant.guardians", "contract.notArray"),
                Arguments.of(Named.of("guardian not an object", set("applicant.guardians", List.of("ayah"))),
                        "applicant.guardians[0]", "contract.notObject"),
                Arguments.of(Named.of("unknown guardian relation",
                        (Consumer<ObjectNode>) root -> ((ObjectNode) root.get("applicant").get("guardians").get(1))
                                .put("relation", "UNCLE")),
                        "applicant.guardians[1].relation", "contract.unknownValue"),
                Arguments.of(Named.of("applicant not an object", set("applicant", "Sukarno")), "applicant",
                        "contract.notObject"),
                Arguments.of(Named.of("payment not an object", set("payment", List.of())), "payment",
                        "contract.notObject"));
    }

    @ParameterizedTest
    @MethodSource("contractBreaks")
    void contractBreakNamesItsField(Consumer<ObjectNode> breakIt, String field, String key) {
        ContractViolation v = violation(breakIt);
        assertThat(v).as("a ContractViolation").isNotNull();
        assertThat(v.field()).isEqualTo(field);
        assertThat(v.key()).isEqualTo(key);
        assertThat(v.args()[0]).isEqualTo(field);
    }

    @Test
    void nikOfSeventeenDigitsIsBlamedOnTheNik() {
        assertThat(violation(set("applicant.nik", "51710145031500021")).field()).isEqualTo("applicant.nik");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5171014503150000", "5071014503150002", "517101450315000", "51710145031500O2"})
    void badNikViolationNeverCarriesTheFullNik(String nik) {
        ContractViolation v = violation(set("applicant.nik", nik));
        String firstTwelve = nik.substring(0, 12);
        assertThat(Arrays.toString(v.args())).doesNotContain(nik).doesNotContain(firstTwelve);
        assertThat(v.getMessage()).doesNotContain(nik).doesNotContain(firstTwelve);
    }

    @Test
    void fullNameOf201CodePointsIsRefusedWithItsLengthAndTheLimit() {
        ContractViolation v = violation(set("applicant.fullName", codePoints(NAME_SEED, 201)));
        assertThat(v.field()).isEqualTo("applicant.fullName");
        assertThat(v.args()).containsExactly("applicant.fullName", 201, 200);
    }

    @Test
    void fullNameOf201PlainLettersIsRefusedNotTruncated() {
        ContractViolation v = violation(set("applicant.fullName", "A".repeat(201)));
        assertThat(v).isNotNull();
        assertThat(v.field()).isEqualTo("applicant.fullName");
    }

    @Test
    void fullNameLimitCountsCodePointsNotChars() {
        String name = codePoints(NAME_SEED, Limits.FULL_NAME);
        assertThat(name.length()).isGreaterThan(Limits.FULL_NAME);
        assertThat(ContractJson.readAppointment(ContractJson.write(withFullName(name))).applicant().fullName())
                .isEqualTo(name);
    }

    @Test
    void writerNeverTruncatesAFullName() {
        String name = codePoints(NAME_SEED, 250);
        assertThat(ContractJson.write(withFullName(name)).get("applicant").get("fullName").asText()).isEqualTo(name);
    }

    @Test
    void itemThatIsNotAnObjectIsRefused() throws Exception {
        ContractViolation v = catchThrowableOfType(ContractViolation.class,
                () -> ContractJson.readAppointment(MAPPER.readTree("[1, 2]")));
        assertThat(v.field()).isEqualTo("item");
        assertThat(v.key()).isEqualTo("contract.notObject");
    }

    @Test
    void missingItemIsRefused() {
        ContractViolation v = catchThrowableOfType(ContractViolation.class, () -> ContractJson.readAppointment(null));
        assertThat(v.field()).isEqualTo("item");
    }
}
