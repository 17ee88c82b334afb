package id.loket.casefile.service;

import id.loket.audit.AuditTrail;
import id.loket.staff.service.Officer;
import id.loket.audit.model.OfficeAction;
import id.loket.staff.service.Authorization;
import id.loket.staff.model.Session;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Guarded;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.Guardian;
import id.loket.appointment.service.Appointments;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.repo.CaseRepository;
import id.loket.central.ContractJson;
import id.loket.db.Database;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes the local appointments of a date as JSON (the contract's Appointment objects plus
 * {@code "case"}) or as CSV (the same, flattened, one row each). Text is written as stored:
 * UTF-8, nothing shortened. {@code "case"} is null until the applicant is checked in, then
 * the case's summary {@code {"caseRef", "queueNumber", "status"}}; the CSV's {@code case}
 * column holds the case's status (empty before check-in). The CSV is written as the case
 * export writes its own (RFC 4180 through jackson-dataformat-csv).
 */
public final class AppointmentExport {

    public enum Format { JSON, CSV }

    private final Database db;
    private final Authorization authorization;

    public AppointmentExport(Database db) {
        this.authorization = new Authorization(db);
        this.db = db;
    }

    @Guarded(Permission.EXPORT_PERSONAL_DATA)
    public int write(Session session, LocalDate date, String office, Format format, OutputStream out) throws IOException {
        Officer officer = authorization.require(session, Permission.EXPORT_PERSONAL_DATA);
        db.inTransactionRun(tx -> new AuditTrail(tx).appendOffice(OfficeAction.PERSONAL_DATA_EXPORTED, officer.username(),
                officer.counter(), "appointments of " + office + " " + date + " as " + format, java.time.OffsetDateTime.now().truncatedTo(
                        java.time.temporal.ChronoUnit.MILLIS)));
        List<Appointment> list = new Appointments(db.dsl()).findByDate(office, date);
        Map<String, CaseFile> cases = new HashMap<>();
        for (CaseFile c : new CaseRepository(db.dsl()).findDay(office, date)) {
            if (c.appointmentId() != null) {
                cases.put(c.appointmentId(), c);
            }
        }
        if (format == Format.JSON) {
            writeJson(list, cases, out);
        } else {
            writeCsv(list, cases, out);
        }
        return list.size();
    }

    private static void writeJson(List<Appointment> list, Map<String, CaseFile> cases, OutputStream out) throws IOException {
        ObjectMapper mapper = ContractJson.mapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        List<ObjectNode> nodes = new ArrayList<>(list.size());
        for (Appointment a : list) {
            ObjectNode n = ContractJson.write(a);
            CaseFile c = cases.get(a.id());
            if (c == null) {
                n.putNull("case");
            } else {
                n.putObject("case")
                        .put("caseRef", c.caseRef())
                        .put("queueNumber", c.queueNumber().toString())
                        .put("status", c.status().name());
            }
            nodes.add(n);
        }
        mapper.writeValue(out, nodes);
        out.write('\n');
        out.flush();
    }

    /** A CSV column: its header and how to read it off an appointment. */
    private record Column(String header, Function<Appointment, Object> value) {
    }

    private static List<Column> columns(int guardianSlots, Map<String, CaseFile> cases) {
        List<Column> c = new ArrayList<>(List.of(
                new Column("id", Appointment::id),
                new Column("version", Appointment::version),
                new Column("bookingCode", Appointment::bookingCode),
                new Column("office", Appointment::office),
                new Column("date", Appointment::date),
                new Column("slotStart", Appointment::slotStart),
                new Column("slotEnd", Appointment::slotEnd),
                new Column("status", Appointment::status),
                new Column("rescheduledTo", Appointment::rescheduledTo),
                new Column("service", Appointment::service),
                new Column("passportType", Appointment::passportType),
                new Column("validityYears", Appointment::validityYears),
                new Column("sameDay", Appointment::sameDay),
                new Column("applicant.nik", a -> a.applicant().nik()),
                new Column("applicant.fullName", a -> a.applicant().fullName()),
                new Column("applicant.birthDate", a -> a.applicant().birthDate()),
                new Column("applicant.birthPlace", a -> a.applicant().birthPlace()),
                new Column("applicant.sex", a -> a.applicant().sex()),
                new Column("applicant.married", a -> a.applicant().married()),
                new Column("applicant.phone", a -> a.applicant().phone()),
                new Column("applicant.email", a -> a.applicant().email()),
                new Column("applicant.oldPassportNumber", a -> a.applicant().oldPassportNumber())));
        for (int i = 0; i < guardianSlots; i++) {
            final int g = i;
            String prefix = "applicant.guardians[" + i + "].";
            c.add(new Column(prefix + "nik", a -> guardian(a, g, Guardian::nik)));
            c.add(new Column(prefix + "fullName", a -> guardian(a, g, Guardian::fullName)));
            c.add(new Column(prefix + "relation", a -> guardian(a, g, Guardian::relation)));
        }
        c.addAll(List.of(
                new Column("payment.billingCode", a -> a.payment().billingCode()),
                new Column("payment.amount", a -> a.payment().amount()),
                new Column("payment.status", a -> a.payment().status()),
                new Column("payment.ntpn", a -> a.payment().ntpn()),
                new Column("payment.paidAt", a -> a.payment().paidAt()),
                new Column("updatedAt", Appointment::updatedAt),
                new Column("case", a -> cases.containsKey(a.id()) ? cases.get(a.id()).status() : null)));
        return c;
    }

    private static Object guardian(Appointment a, int index, Function<Guardian, Object> field) {
        List<Guardian> gs = a.applicant().guardians();
        return index < gs.size() ? field.apply(gs.get(index)) : null;
    }

    private static void writeCsv(List<Appointment> list, Map<String, CaseFile> cases, OutputStream out) throws IOException {
        int slots = Math.max(2, list.stream().mapToInt(a -> a.applicant().guardians().size()).max().orElse(0));
        List<Column> columns = columns(slots, cases);
        List<String[]> lines = new ArrayList<>(list.size());
        for (Appointment a : list) {
            lines.add(columns.stream().map(c -> CaseExport.text(c.value().apply(a))).toArray(String[]::new));
        }
        CaseExport.writeCsv(columns.stream().map(Column::header).toList(), lines, out);
    }
}
