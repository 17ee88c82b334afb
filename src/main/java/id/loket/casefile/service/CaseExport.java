package id.loket.casefile.service;

import id.loket.common.csv.Csv;
import id.loket.audit.AuditTrail;
import id.loket.staff.service.Officer;
import id.loket.audit.model.OfficeAction;
import id.loket.staff.service.Authorization;
import id.loket.staff.model.Unguarded;
import id.loket.staff.model.Session;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Guarded;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.loket.casefile.model.AuditEntry;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.DocumentCheck;
import id.loket.casefile.model.DocumentType;
import id.loket.casefile.model.RejectionReason;
import id.loket.casefile.repo.AuditRepository;
import id.loket.casefile.repo.CaseRepository;
import id.loket.casefile.repo.OutboxRepository;
import id.loket.casefile.model.EventType;
import id.loket.casefile.model.OutboxEvent;
import java.util.Map;
import id.loket.db.Database;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes the cases of a date (every case the office opened that day, in queue order) as JSON
 * or CSV: reference, appointment id or walk-in reference, queue number, status, service,
 * applicant, the checklist with results and notes, the history of transitions, rejection
 * reasons and hold details. Text is written as stored: UTF-8, nothing shortened.
 *
 * <p>JSON: an array of objects with camelCase names; {@code documents} and {@code history}
 * are arrays of objects, {@code rejectionReasons} an array of codes, {@code hold} null for a
 * case never put on hold, else {@code {"returnBy": "YYYY-MM-DD", "missing": [codes]}}.
 *
 * <p>CSV: a header, then one row per case, lines ending CRLF, a field quoted (RFC 4180) when
 * it holds a comma, quote, CR or LF, inner quotes doubled. Lists are flattened into one field,
 * items separated by {@code ;}:
 * <ul>
 * <li>{@code documents}: {@code TYPE=RESULT} or {@code TYPE=RESULT(note)} per checklist line,
 *     in checklist order; a document not checked yet is {@code TYPE=} (empty result);</li>
 * <li>{@code history}: {@code ACTION|FROM|TO|AT|OFFICER|COUNTER} per transition, oldest first,
 *     {@code AT} in ISO-8601 with offset, an absent value (FROM of a check-in, no counter) empty;</li>
 * <li>{@code rejectionReasons} and {@code holdMissing}: the codes.</li>
 * </ul>
 * Inside a note, an officer name or a counter, the characters {@code \ ; | ( ) =} are written
 * with a backslash before them ({@code \;}), so every list can be split back exactly. The CSV
 * is written by jackson-dataformat-csv (see {@link #writeCsv(List, List, OutputStream)}).
 */
public final class CaseExport {

    public enum Format { JSON, CSV }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final Database db;
    private final Authorization authorization;

    public CaseExport(Database db) {
        this.authorization = new Authorization(db);
        this.db = db;
    }

    /** A case as exported: the case, its transitions, and its hold details (null if never held). */
    public record Row(CaseFile caseFile, List<AuditEntry> history, Hold hold) {
    }

    /** When the applicant had to come back by, and what they had to bring. */
    public record Hold(LocalDate returnBy, List<DocumentType> missing) {
    }

    /** Writes the cases of {@code date} at {@code office}; answers how many. */
    @Guarded(Permission.EXPORT_PERSONAL_DATA)
    public int write(Session session, LocalDate date, String office, Format format, OutputStream out) throws IOException {
        Officer officer = authorization.require(session, Permission.EXPORT_PERSONAL_DATA);
        db.inTransactionRun(tx -> new AuditTrail(tx).appendOffice(OfficeAction.PERSONAL_DATA_EXPORTED, officer.username(),
                officer.counter(), "cases of " + office + " " + date + " as " + format, java.time.OffsetDateTime.now().truncatedTo(
                        java.time.temporal.ChronoUnit.MILLIS)));
        List<Row> rows = rows(session, date, office);
        if (format == Format.JSON) {
            writeJson(rows, out);
        } else {
            writeCsv(rows, out);
        }
        return rows.size();
    }

    /** The cases of a day with what the export shows of them, read in one transaction. */
    @Guarded(Permission.EXPORT_PERSONAL_DATA)
    public List<Row> rows(Session session, LocalDate date, String office) {
        authorization.require(session, Permission.EXPORT_PERSONAL_DATA);
        // the day's cases, their histories and their holds' events: three queries, whatever the day's size
        return db.inTransaction(tx -> {
            Map<String, List<AuditEntry>> histories = new AuditRepository(tx).historiesOfDay(office, date);
            Map<String, List<OutboxEvent>> holds = new OutboxRepository(tx).ofDay(office, date, EventType.PUT_ON_HOLD);
            List<Row> rows = new ArrayList<>();
            for (CaseFile c : new CaseRepository(tx).findDay(office, date)) {
                List<AuditEntry> transitions = histories.getOrDefault(c.caseRef(), List.of()).stream().filter(CaseExport::isTransition).toList();
                rows.add(new Row(c, transitions, hold(c, holds.getOrDefault(c.caseRef(), List.of()))));
            }
            return rows;
        });
    }

    /** An audit row that moved the case (check-in, call, verify, hold, ...), not one that recorded a fact in place. */
    static boolean isTransition(AuditEntry e) {
        return !Objects.equals(e.from(), e.to());
    }

    /**
     * The hold's details: the return-by date on the case, and what was missing as the last
     * PUT_ON_HOLD event said it (after a resume the checklist no longer shows it); for a case
     * on hold without such an event, what its checklist shows missing.
     */
    private static Hold hold(CaseFile c, List<OutboxEvent> holdEvents) {
        if (c.holdReturnBy() == null) {
            return null;
        }
        List<DocumentType> missing = Holds.missing(c, holdEvents);
        return new Hold(c.holdReturnBy(), missing);
    }

    // ---- JSON ----

    private static void writeJson(List<Row> rows, OutputStream out) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        ArrayNode all = NODES.arrayNode();
        for (Row r : rows) {
            all.add(json(r));
        }
        mapper.writeValue(out, all);
        out.write('\n');
        out.flush();
    }

    static ObjectNode json(Row row) {
        CaseFile c = row.caseFile();
        ObjectNode n = NODES.objectNode();
        n.put("caseRef", c.caseRef());
        n.put("office", c.office());
        n.put("date", c.date().toString());
        n.put("appointmentId", c.appointmentId());
        n.put("walkInRef", c.walkIn() ? c.caseRef() : null);
        n.put("queueNumber", c.queueNumber().toString());
        n.put("status", c.status().name());
        n.put("service", c.service().name());
        n.put("applicantName", c.applicant().fullName());
        ArrayNode docs = n.putArray("documents");
        for (DocumentCheck d : c.documents()) {
            docs.addObject()
                    .put("type", d.type().name())
                    .put("requirement", d.requirement().name())
                    .put("result", name(d.result()))
                    .put("note", d.note());
        }
        ArrayNode history = n.putArray("history");
        for (AuditEntry e : row.history()) {
            history.addObject()
                    .put("action", e.action().name())
                    .put("from", name(e.from()))
                    .put("to", name(e.to()))
                    .put("at", e.at() == null ? null : e.at().format(TIME))
                    .put("officer", e.officer())
                    .put("counter", e.counter());
        }
        ArrayNode reasons = n.putArray("rejectionReasons");
        sorted(c).forEach(r -> reasons.add(r.name()));
        n.put("rejectionNote", c.rejectionNote());
        if (row.hold() == null) {
            n.putNull("hold");
        } else {
            ObjectNode hold = n.putObject("hold");
            hold.put("returnBy", row.hold().returnBy().toString());
            ArrayNode missing = hold.putArray("missing");
            row.hold().missing().forEach(m -> missing.add(m.name()));
        }
        return n;
    }

    // ---- CSV ----

    /** A CSV column: its header and how to read it off a row. */
    private record Column(String header, Function<Row, Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("caseRef", r -> r.caseFile().caseRef()),
            new Column("office", r -> r.caseFile().office()),
            new Column("date", r -> r.caseFile().date()),
            new Column("appointmentId", r -> r.caseFile().appointmentId()),
            new Column("walkInRef", r -> r.caseFile().walkIn() ? r.caseFile().caseRef() : null),
            new Column("queueNumber", r -> r.caseFile().queueNumber()),
            new Column("status", r -> r.caseFile().status()),
            new Column("service", r -> r.caseFile().service()),
            new Column("applicantName", r -> r.caseFile().applicant().fullName()),
            new Column("documents", r -> documents(r.caseFile().documents())),
            new Column("history", r -> history(r.history())),
            new Column("rejectionReasons", r -> sorted(r.caseFile()).stream().map(Enum::name).collect(Collectors.joining(";"))),
            new Column("rejectionNote", r -> r.caseFile().rejectionNote()),
            new Column("holdReturnBy", r -> r.hold() == null ? null : r.hold().returnBy()),
            new Column("holdMissing", r -> r.hold() == null ? null
                    : r.hold().missing().stream().map(Enum::name).collect(Collectors.joining(";"))));

    /** The CSV header, in column order. */
    @Unguarded("column names")
    public static List<String> csvHeader() {
        return COLUMNS.stream().map(Column::header).toList();
    }

    private static void writeCsv(List<Row> rows, OutputStream out) throws IOException {
        List<String[]> lines = new ArrayList<>(rows.size());
        for (Row r : rows) {
            lines.add(COLUMNS.stream().map(c -> text(c.value().apply(r))).toArray(String[]::new));
        }
        writeCsv(csvHeader(), lines, out);
    }

    /** The header, then the lines, as CSV into {@code out} (shared by the appointment export). */
    static void writeCsv(List<String> header, List<String[]> lines, OutputStream out) throws IOException {
        List<String[]> rows = new ArrayList<>(lines.size() + 1);
        rows.add(header.toArray(String[]::new));
        rows.addAll(lines);
        Csv.write(rows, out);
        out.flush();
    }

    /** {@code TYPE=RESULT(note);...}, see the class comment. */
    static String documents(List<DocumentCheck> docs) {
        List<String> items = new ArrayList<>(docs.size());
        for (DocumentCheck d : docs) {
            StringBuilder s = new StringBuilder(d.type().name()).append('=');
            if (d.result() != null) {
                s.append(d.result().name());
            }
            if (d.note() != null) {
                s.append('(').append(escape(d.note())).append(')');
            }
            items.add(s.toString());
        }
        return String.join(";", items);
    }

    /** {@code ACTION|FROM|TO|AT|OFFICER|COUNTER;...}, see the class comment. */
    static String history(List<AuditEntry> entries) {
        List<String> items = new ArrayList<>(entries.size());
        for (AuditEntry e : entries) {
            items.add(String.join("|", e.action().name(), Objects.toString(name(e.from()), ""), Objects.toString(name(e.to()), ""),
                    e.at() == null ? "" : e.at().format(TIME), escape(e.officer()), escape(e.counter())));
        }
        return String.join(";", items);
    }

    /** A backslash before each of {@code \ ; | ( ) =}; null is empty. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if ("\\;|()=".indexOf(ch) >= 0) {
                s.append('\\');
            }
            s.append(ch);
        }
        return s.toString();
    }

    /**
     * A value as CSV text before quoting: a time in ISO-8601 with its offset, null as an empty
     * field (written as "", not null: the CSV writer leaves a null array element out altogether).
     */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof OffsetDateTime t ? t.format(TIME) : Objects.toString(value);
    }

    /** One field as the CSV writes it: quoted (RFC 4180) when it holds a comma, quote, CR or LF, inner quotes doubled. */
    static String csv(Object value) {
        return Csv.field(text(value));
    }

    private static List<RejectionReason> sorted(CaseFile c) {
        return c.rejectionReasons().stream().sorted().toList();
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
