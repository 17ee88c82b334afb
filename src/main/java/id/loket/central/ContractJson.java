package id.loket.central;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
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
import id.loket.common.model.Nik;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one place that knows the JSON shape of central's contract. The desk's client, the
 * simulator and the export all read and write appointments through it, so they cannot drift
 * apart. Reading is strict about what the contract requires and silent about unknown fields.
 */
public final class ContractJson {

    private static final Pattern SLOT = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final Pattern BILLING_CODE = Pattern.compile("[0-9]{15}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ContractJson() {
    }

    /** A mapper that ignores unknown fields and writes ISO-8601 dates. */
    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
    }

    // ---- writing ----

    public static ObjectNode write(Appointment a) {
        ObjectNode n = NODES.objectNode();
        n.put("id", a.id());
        n.put("version", a.version());
        n.put("bookingCode", a.bookingCode());
        n.put("office", a.office());
        n.put("date", text(a.date()));
        n.put("slotStart", a.slotStart());
        n.put("slotEnd", a.slotEnd());
        n.put("status", name(a.status()));
        n.put("rescheduledTo", text(a.rescheduledTo()));
        n.put("service", name(a.service()));
        n.put("passportType", name(a.passportType()));
        n.put("validityYears", a.validityYears());
        n.put("sameDay", a.sameDay());
        n.set("applicant", write(a.applicant()));
        n.set("payment", write(a.payment()));
        n.put("updatedAt", text(a.updatedAt()));
        return n;
    }

    private static ObjectNode write(Applicant p) {
        ObjectNode n = NODES.objectNode();
        n.put("nik", p.nik());
        n.put("fullName", p.fullName());
        n.put("birthDate", text(p.birthDate()));
        n.put("birthPlace", p.birthPlace());
        n.put("sex", name(p.sex()));
        n.put("married", p.married());
        n.put("phone", p.phone());
        n.put("email", p.email());
        n.put("oldPassportNumber", p.oldPassportNumber());
        ArrayNode guardians = n.putArray("guardians");
        for (Guardian g : p.guardians()) {
            ObjectNode gn = guardians.addObject();
            gn.put("nik", g.nik());
            gn.put("fullName", g.fullName());
            gn.put("relation", name(g.relation()));
        }
        return n;
    }

    private static ObjectNode write(Payment p) {
        ObjectNode n = NODES.objectNode();
        n.put("billingCode", p.billingCode());
        n.put("amount", p.amount());
        n.put("status", name(p.status()));
        n.put("ntpn", p.ntpn());
        n.put("paidAt", text(p.paidAt()));
        return n;
    }

    private static String text(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static String text(OffsetDateTime t) {
        return t == null ? null : t.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    // ---- reading ----

    /**
     * Reads one Appointment item, or says which field breaks the contract. Unknown fields are
     * ignored; text is taken exactly as sent.
     */
    public static Appointment readAppointment(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new ContractViolation("item", "contract.notObject");
        }
        String id = requiredText(n, "id", "id", Limits.ID);
        try {
            UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ContractViolation("id", "contract.notUuid");
        }
        long version = requiredLong(n, "version", "version");
        if (version < 1) {
            throw new ContractViolation("version", "contract.notPositive");
        }
        String bookingCode = requiredText(n, "bookingCode", "bookingCode", Limits.BOOKING_CODE);
        String office = requiredText(n, "office", "office", 5);
        LocalDate date = requiredDate(n, "date", "date");
        String slotStart = requiredText(n, "slotStart", "slotStart", Limits.SLOT);
        checkSlot(slotStart, "slotStart");
        String slotEnd = optionalText(n, "slotEnd", "slotEnd", Limits.SLOT);
        if (slotEnd != null) {
            checkSlot(slotEnd, "slotEnd");
        }
        AppointmentStatus status = requiredEnum(n, "status", "status", AppointmentStatus.class);
        LocalDate rescheduledTo = optionalDate(n, "rescheduledTo", "rescheduledTo");
        ServiceType service = requiredEnum(n, "service", "service", ServiceType.class);
        PassportType passportType = requiredEnum(n, "passportType", "passportType", PassportType.class);
        Integer validity = optionalInt(n, "validityYears", "validityYears");
        if (validity != null && validity != 5 && validity != 10) {
            throw new ContractViolation("validityYears", "contract.notAllowed", validity);
        }
        boolean sameDay = optionalBoolean(n, "sameDay", "sameDay");
        JsonNode applicantNode = required(n, "applicant", "applicant");
        Applicant applicant = readApplicant(applicantNode);
        JsonNode paymentNode = required(n, "payment", "payment");
        Payment payment = readPayment(paymentNode);
        OffsetDateTime updatedAt = optionalTime(n, "updatedAt", "updatedAt");
        return new Appointment(id, version, bookingCode, office, date, slotStart, slotEnd, status, rescheduledTo,
                service, passportType, validity, sameDay, applicant, payment, updatedAt);
    }

    private static Applicant readApplicant(JsonNode n) {
        if (!n.isObject()) {
            throw new ContractViolation("applicant", "contract.notObject");
        }
        String nik = requiredRawText(n, "nik", "applicant.nik");
        Nik.Problem problem = Nik.check(nik);
        if (problem != null) {
            throw new ContractViolation("applicant.nik", "contract.badNik", Nik.mask(nik),
                    problem.name().toLowerCase(Locale.ROOT));
        }
        String fullName = requiredRawText(n, "fullName", "applicant.fullName");
        if (fullName.isBlank()) {
            throw new ContractViolation("applicant.fullName", "contract.blank");
        }
        int length = fullName.codePointCount(0, fullName.length());
        if (length > Limits.FULL_NAME) {
            throw new ContractViolation("applicant.fullName", "contract.tooLong", length, Limits.FULL_NAME);
        }
        LocalDate birthDate = requiredDate(n, "birthDate", "applicant.birthDate");
        String birthPlace = optionalText(n, "birthPlace", "applicant.birthPlace", Limits.BIRTH_PLACE);
        Sex sex = requiredEnum(n, "sex", "applicant.sex", Sex.class);
        boolean married = optionalBoolean(n, "married", "applicant.married");
        String phone = optionalText(n, "phone", "applicant.phone", Limits.PHONE);
        String email = optionalText(n, "email", "applicant.email", Limits.EMAIL);
        String oldPassport = optionalText(n, "oldPassportNumber", "applicant.oldPassportNumber", Limits.OLD_PASSPORT_NUMBER);
        List<Guardian> guardians = new ArrayList<>();
        JsonNode gs = n.get("guardians");
        if (gs != null && !gs.isNull()) {
            if (!gs.isArray()) {
                throw new ContractViolation("applicant.guardians", "contract.notArray");
            }
            for (int i = 0; i < gs.size(); i++) {
                JsonNode g = gs.get(i);
                String where = "applicant.guardians[" + i + "]";
                if (!g.isObject()) {
                    throw new ContractViolation(where, "contract.notObject");
                }
                guardians.add(new Guardian(
                        optionalText(g, "nik", where + ".nik", Limits.GUARDIAN_NIK),
                        optionalText(g, "fullName", where + ".fullName", Limits.FULL_NAME),
                        optionalEnum(g, "relation", where + ".relation", GuardianRelation.class)));
            }
        }
        return new Applicant(nik, fullName, birthDate, birthPlace, sex, married, phone, email, oldPassport, guardians);
    }

    private static Payment readPayment(JsonNode n) {
        if (!n.isObject()) {
            throw new ContractViolation("payment", "contract.notObject");
        }
        String billingCode = optionalText(n, "billingCode", "payment.billingCode", 15);
        if (billingCode != null && !BILLING_CODE.matcher(billingCode).matches()) {
            throw new ContractViolation("payment.billingCode", "contract.badBillingCode");
        }
        Long amount = null;
        JsonNode a = n.get("amount");
        if (a != null && !a.isNull()) {
            if (!a.canConvertToLong() || !a.isIntegralNumber() || a.asLong() < 0) {
                throw new ContractViolation("payment.amount", "contract.notWholeRupiah");
            }
            amount = a.asLong();
        }
        PaymentStatus status = requiredEnum(n, "status", "payment.status", PaymentStatus.class);
        String ntpn = optionalText(n, "ntpn", "payment.ntpn", 16);
        OffsetDateTime paidAt = optionalTime(n, "paidAt", "payment.paidAt");
        return new Payment(billingCode, amount, status, ntpn, paidAt);
    }

    private static void checkSlot(String slot, String field) {
        if (!SLOT.matcher(slot).matches()) {
            throw new ContractViolation(field, "contract.badSlot", echo(slot));
        }
    }

    /** A value quoted back in a refusal: long garbage is shown by its start only. */
    private static String echo(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }

    private static JsonNode required(JsonNode n, String name, String field) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            throw new ContractViolation(field, "contract.missing");
        }
        return v;
    }

    private static String requiredRawText(JsonNode n, String name, String field) {
        JsonNode v = required(n, name, field);
        if (!v.isTextual()) {
            throw new ContractViolation(field, "contract.notText");
        }
        return v.textValue();
    }

    private static String requiredText(JsonNode n, String name, String field, int maxLength) {
        String s = requiredRawText(n, name, field);
        if (s.isEmpty()) {
            throw new ContractViolation(field, "contract.blank");
        }
        return checkLength(s, field, maxLength);
    }

    private static String optionalText(JsonNode n, String name, String field, int maxLength) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new ContractViolation(field, "contract.notText");
        }
        return checkLength(v.textValue(), field, maxLength);
    }

    private static String checkLength(String s, String field, int maxLength) {
        int length = s.codePointCount(0, s.length());
        if (length > maxLength) {
            throw new ContractViolation(field, "contract.tooLong", length, maxLength);
        }
        return s;
    }

    private static long requiredLong(JsonNode n, String name, String field) {
        JsonNode v = required(n, name, field);
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new ContractViolation(field, "contract.notInteger");
        }
        return v.longValue();
    }

    private static Integer optionalInt(JsonNode n, String name, String field) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new ContractViolation(field, "contract.notInteger");
        }
        return v.intValue();
    }

    private static boolean optionalBoolean(JsonNode n, String name, String field) {
        JsonNode v = n.get(name);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new ContractViolation(field, "contract.notBoolean");
        }
        return v.booleanValue();
    }

    private static LocalDate requiredDate(JsonNode n, String name, String field) {
        return parseDate(requiredRawText(n, name, field), field);
    }

    private static LocalDate optionalDate(JsonNode n, String name, String field) {
        String s = optionalText(n, name, field, 10);
        return s == null ? null : parseDate(s, field);
    }

    private static LocalDate parseDate(String s, String field) {
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new ContractViolation(field, "contract.badDate", echo(s));
        }
    }

    private static OffsetDateTime optionalTime(JsonNode n, String name, String field) {
        String s = optionalText(n, name, field, 64);
        if (s == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            throw new ContractViolation(field, "contract.badTime", echo(s));
        }
    }

    private static <E extends Enum<E>> E requiredEnum(JsonNode n, String name, String field, Class<E> type) {
        return parseEnum(requiredRawText(n, name, field), field, type);
    }

    private static <E extends Enum<E>> E optionalEnum(JsonNode n, String name, String field, Class<E> type) {
        String s = optionalText(n, name, field, 64);
        return s == null ? null : parseEnum(s, field, type);
    }

    private static <E extends Enum<E>> E parseEnum(String s, String field, Class<E> type) {
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            throw new ContractViolation(field, "contract.unknownValue", echo(s));
        }
    }
}
