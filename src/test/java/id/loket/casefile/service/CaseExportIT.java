package id.loket.casefile.service;

import static id.loket.testing.OfficeFixture.OFFICER;
import static id.loket.testing.OfficeFixture.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.loket.appointment.model.Appointment;
import id.loket.appointment.model.PassportType;
import id.loket.appointment.model.ServiceType;
import id.loket.common.model.Sex;
import id.loket.casefile.model.AuditEntry;
import id.loket.casefile.model.CaseAction;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.DocumentCheck;
import id.loket.casefile.model.DocumentResult;
import id.loket.casefile.model.DocumentType;
import id.loket.casefile.model.InterviewOutcome;
import id.loket.casefile.model.RejectionReason;
import id.loket.casefile.model.Requirement;
import id.loket.checkin.model.WalkInForm;
import id.loket.testing.Cli;
import id.loket.testing.Cli.Run;
import id.loket.testing.Csv;
import id.loket.testing.OfficeFixture;
import id.loket.testing.SimulatedCentral;
import id.loket.verification.service.VerificationService;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code loket export cases} and the {@code "case"} of {@code loket export appointments}, end to
 * end: a day of counter work through the real services on a real H2 file, then the commands.
 */
class CaseExportIT {

    /** A note with everything the CSV flattening has to escape or quote. */
    private static final String ODD_NOTE = "Nama \"lama\"; (ganti) = a|b, \\ x\nbaris dua";
    private static final String WALK_IN_NIK = "5171010101900001";

    @TempDir
    Path dir;

    private Path data;
    private Appointment approved;
    private Appointment rejected;
    private Appointment heldThenResumed;
    private Appointment stillHeld;
    private Appointment waiting;
    private Appointment notCheckedIn;
    private String walkInRef;

    /** Builds the day: approved, rejected, held and resumed, still on hold, waiting, a walk-in; then closes the office. */
    @BeforeEach
    void day() {
        data = dir.resolve("data");
        try (OfficeFixture office = new OfficeFixture(data)) {
            VerificationService v = office.verification();
            approved = office.adult(ServiceType.RENEWAL);
            rejected = office.adult(ServiceType.NEW);
            heldThenResumed = office.minor();
            stillHeld = office.adult(ServiceType.REPLACEMENT_DAMAGED);
            waiting = office.adult(ServiceType.REPLACEMENT_LOST);
            notCheckedIn = office.booked(a -> !List.of(approved, rejected, heldThenResumed, stillHeld, waiting).contains(a)).get(0);

            office.checkIn().checkIn(approved.id(), OFFICER);
            office.checkIn().checkIn(rejected.id(), OFFICER);
            office.checkIn().checkIn(heldThenResumed.id(), OFFICER);
            office.checkIn().checkIn(stillHeld.id(), OFFICER);
            office.checkIn().checkIn(waiting.id(), OFFICER);
            walkInRef = office.checkIn().registerWalkIn(new WalkInForm(WALK_IN_NIK, "Sukarno", LocalDate.of(1990, 1, 1), "Denpasar",
                    Sex.M, false, ServiceType.REPLACEMENT_LOST, PassportType.ELECTRONIC, 10, null), OFFICER, false).caseRef();

            // approved: every required document verified, a name-change decree not applicable (with the odd note)
            office.checkIn().call(approved.id(), OFFICER);
            CaseFile a = office.verification().get(OFFICER, approved.id());
            verifyRequired(v, a, null);
            v.recordDocument(approved.id(), OFFICER, DocumentType.NAME_CHANGE_DECREE, DocumentResult.NOT_APPLICABLE, ODD_NOTE);
            v.flag(approved.id(), OFFICER, "checked twice");
            v.finish(approved.id(), OFFICER);
            v.interview(approved.id(), OFFICER, InterviewOutcome.PASSED, null);
            v.approve(approved.id(), SUPERVISOR);

            // rejected: the e-KTP does not match
            office.checkIn().call(rejected.id(), SUPERVISOR);
            v.recordDocument(rejected.id(), SUPERVISOR, DocumentType.E_KTP, DocumentResult.MISMATCH, "foto berbeda");
            v.reject(rejected.id(), SUPERVISOR, EnumSet.of(RejectionReason.FORGED_DOCUMENT, RejectionReason.DATA_MISMATCH), "e-KTP palsu");

            // held for the mother's e-KTP, back the same day, verified
            office.checkIn().call(heldThenResumed.id(), OFFICER);
            verifyRequired(v, v.get(OFFICER, heldThenResumed.id()), DocumentType.MOTHER_E_KTP);
            v.finish(heldThenResumed.id(), OFFICER);
            v.resume(heldThenResumed.id(), OFFICER);
            v.recordDocument(heldThenResumed.id(), OFFICER, DocumentType.MOTHER_E_KTP, DocumentResult.VERIFIED, null);
            v.finish(heldThenResumed.id(), OFFICER);

            // on hold: the damaged passport was not brought
            office.checkIn().call(stillHeld.id(), OFFICER);
            verifyRequired(v, v.get(OFFICER, stillHeld.id()), DocumentType.DAMAGED_PASSPORT);
            v.finish(stillHeld.id(), OFFICER);
        }
    }

    /** Verifies the required documents and the first identity document; {@code missing} is marked missing instead. */
    private static void verifyRequired(VerificationService v, CaseFile c, DocumentType missing) {
        boolean identity = false;
        for (DocumentCheck d : c.documents()) {
            if (d.requirement() == Requirement.REQUIRED || (d.requirement() == Requirement.ONE_OF && !identity)) {
                v.recordDocument(c.caseRef(), OFFICER, d.type(), d.type() == missing ? DocumentResult.MISSING : DocumentResult.VERIFIED, null);
                identity |= d.requirement() == Requirement.ONE_OF;
            }
        }
    }

    /** The audit trail as stored (the office is closed again when the test reads it). */
    private CaseQueriesOnFolder office() {
        return new CaseQueriesOnFolder(data);
    }

    /** Reads a case's full audit trail from the data folder. */
    private record CaseQueriesOnFolder(Path data) {
        List<AuditEntry> history(String caseRef) {
            try (id.loket.db.Database db = id.loket.db.Database.openFolder(data)) {
                return new CaseQueries(db).history(OFFICER, caseRef);
            }
        }
    }

    private Run loket(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--lang", "en", "--data", data.toString()));
        all.addAll(Cli.signIn("supervisor"));
        return Cli.loket(all.toArray(String[]::new));
    }

    private Map<String, JsonNode> exportJson() throws Exception {
        Run run = loket("export", "cases", "--date", SimulatedCentral.DAY.toString(), "--format", "json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode items = new ObjectMapper().readTree(run.out());
        assertThat(items.isArray()).isTrue();
        Map<String, JsonNode> byRef = new HashMap<>();
        items.forEach(i -> byRef.put(i.get("caseRef").asText(), i));
        return byRef;
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.isNull() ? null : n.asText()));
        return list;
    }

    @Test
    void jsonHasEveryCaseOfTheDayInQueueOrderWithItsIdentity() throws Exception {
        Run run = loket("export", "cases", "--date", SimulatedCentral.DAY.toString());
        JsonNode items = new ObjectMapper().readTree(run.out());

        assertThat(run.code()).isZero();
        assertThat(items).extracting(i -> i.get("queueNumber").asText())
                .containsExactly("A-001", "A-002", "A-003", "A-004", "A-005", "W-001");
        assertThat(items).extracting(i -> i.get("caseRef").asText())
                .containsExactly(approved.id(), rejected.id(), heldThenResumed.id(), stillHeld.id(), waiting.id(), walkInRef);
        JsonNode first = items.get(0);
        assertThat(first.get("appointmentId").asText()).isEqualTo(approved.id());
        assertThat(first.get("walkInRef").isNull()).isTrue();
        assertThat(first.get("office").asText()).isEqualTo("DPS");
        assertThat(first.get("date").asText()).isEqualTo("2026-11-27");
        assertThat(first.get("status").asText()).isEqualTo("APPROVED");
        assertThat(first.get("service").asText()).isEqualTo("RENEWAL");
        assertThat(first.get("applicantName").asText()).isEqualTo(approved.applicant().fullName());
        JsonNode walkIn = items.get(5);
        assertThat(walkInRef).isEqualTo("W-DPS-20261127-0001");
        assertThat(walkIn.get("appointmentId").isNull()).isTrue();
        assertThat(walkIn.get("walkInRef").asText()).isEqualTo(walkInRef);
        assertThat(walkIn.get("status").asText()).isEqualTo("CHECKED_IN");
        assertThat(walkIn.get("service").asText()).isEqualTo("REPLACEMENT_LOST");
        assertThat(walkIn.get("applicantName").asText()).isEqualTo("Sukarno");
        assertThat(walkIn.get("hold").isNull()).isTrue();
        assertThat(walkIn.get("rejectionReasons")).isEmpty();
        assertThat(walkIn.get("rejectionNote").isNull()).isTrue();
    }

    @Test
    void jsonHistoryHasTheTransitionsOnlyWithWhoWhenAndWhere() throws Exception {
        JsonNode c = exportJson().get(approved.id());

        JsonNode history = c.get("history");
        assertThat(history).extracting(h -> h.get("action").asText())
                .containsExactly("CHECK_IN", "CALL", "VERIFY", "INTERVIEW", "REQUEST_APPROVAL", "APPROVE");
        assertThat(history).extracting(h -> h.get("to").asText())
                .containsExactly("CHECKED_IN", "IN_VERIFICATION", "VERIFIED", "INTERVIEWED", "APPROVAL_PENDING", "APPROVED");
        assertThat(history.get(0).get("from").isNull()).isTrue();
        assertThat(history.get(1).get("from").asText()).isEqualTo("CHECKED_IN");
        assertThat(history.get(5).get("from").asText()).isEqualTo("APPROVAL_PENDING");
        assertThat(history.get(1).get("officer").asText()).isEqualTo("petugas1");
        assertThat(history.get(1).get("counter").asText()).isEqualTo("3");
        assertThat(history.get(5).get("officer").asText()).isEqualTo("supervisor");
        assertThat(history.get(5).get("counter").asText()).isEqualTo("1");
        for (JsonNode h : history) {
            assertThat(OffsetDateTime.parse(h.get("at").asText()).toInstant())
                    .isEqualTo(SimulatedCentral.DAY.atTime(8, 30).atOffset(ZoneOffset.ofHours(8)).toInstant());
        }
        // document results, the flag: recorded in place, not transitions
        assertThat(history.findValuesAsText("action")).doesNotContain("RECORD_DOCUMENT", "FLAG");
        assertThat(office().history(approved.id())).extracting(e -> e.action())
                .contains(CaseAction.RECORD_DOCUMENT, CaseAction.FLAG);
    }

    @Test
    void jsonDocumentsCarryRequirementResultAndNoteAsRecorded() throws Exception {
        JsonNode c = exportJson().get(approved.id());

        Map<String, JsonNode> docs = new HashMap<>();
        c.get("documents").forEach(d -> docs.put(d.get("type").asText(), d));
        assertThat(docs.keySet()).contains("E_KTP", "KK", "BIRTH_CERT", "DIPLOMA", "OLD_PASSPORT", "NAME_CHANGE_DECREE");
        assertThat(docs.get("E_KTP").get("requirement").asText()).isEqualTo("REQUIRED");
        assertThat(docs.get("E_KTP").get("result").asText()).isEqualTo("VERIFIED");
        assertThat(docs.get("E_KTP").get("note").isNull()).isTrue();
        assertThat(docs.get("BIRTH_CERT").get("requirement").asText()).isEqualTo("ONE_OF");
        assertThat(docs.get("DIPLOMA").get("result").isNull()).isTrue();
        assertThat(docs.get("NAME_CHANGE_DECREE").get("result").asText()).isEqualTo("NOT_APPLICABLE");
        assertThat(docs.get("NAME_CHANGE_DECREE").get("note").asText()).isEqualTo(ODD_NOTE);
    }

    @Test
    void jsonHasRejectionReasonsAndHoldDetails() throws Exception {
        Map<String, JsonNode> cases = exportJson();

        JsonNode r = cases.get(rejected.id());
        assertThat(r.get("status").asText()).isEqualTo("REJECTED");
        assertThat(texts(r.get("rejectionReasons"))).containsExactly("DATA_MISMATCH", "FORGED_DOCUMENT");
        assertThat(r.get("rejectionNote").asText()).isEqualTo("e-KTP palsu");
        assertThat(r.get("history")).extracting(h -> h.get("action").asText()).containsExactly("CHECK_IN", "CALL", "REJECT");
        assertThat(r.at("/history/2/officer").asText()).isEqualTo("supervisor");
        assertThat(r.get("hold").isNull()).isTrue();

        JsonNode held = cases.get(stillHeld.id());
        assertThat(held.get("status").asText()).isEqualTo("ON_HOLD");
        assertThat(held.at("/hold/returnBy").asText()).isEqualTo(SimulatedCentral.DAY.plusDays(7).toString());
        assertThat(texts(held.at("/hold/missing"))).containsExactly("DAMAGED_PASSPORT");

        JsonNode back = cases.get(heldThenResumed.id());
        assertThat(back.get("status").asText()).isEqualTo("VERIFIED");
        assertThat(texts(back.at("/hold/missing"))).containsExactly("MOTHER_E_KTP");
        assertThat(back.get("history")).extracting(h -> h.get("action").asText())
                .containsExactly("CHECK_IN", "CALL", "PUT_ON_HOLD", "RESUME", "VERIFY");
        assertThat(back.get("documents")).filteredOn(d -> d.get("type").asText().equals("MOTHER_E_KTP"))
                .extracting(d -> d.get("result").asText()).containsExactly("VERIFIED");
    }

    @Test
    void csvHasAHeaderAndOneRowPerCaseWithListsFlattenedAsDocumented() {
        Run run = loket("export", "cases", "--date", SimulatedCentral.DAY.toString(), "--format", "csv");

        assertThat(run.code()).as(run.err()).isZero();
        List<List<String>> rows = Csv.parse(run.out());
        List<String> header = rows.get(0);
        assertThat(header).containsExactly("caseRef", "office", "date", "appointmentId", "walkInRef", "queueNumber", "status", "service",
                "applicantName", "documents", "history", "rejectionReasons", "rejectionNote", "holdReturnBy", "holdMissing");
        assertThat(rows).hasSize(1 + 6);
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(header.size()));
        Map<String, Map<String, String>> byRef = new HashMap<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), r.get(i));
            }
            byRef.put(m.get("caseRef"), m);
        }

        Map<String, String> a = byRef.get(approved.id());
        assertThat(a.get("queueNumber")).isEqualTo("A-001");
        assertThat(a.get("status")).isEqualTo("APPROVED");
        assertThat(a.get("walkInRef")).isEmpty();
        assertThat(a.get("documents")).startsWith("E_KTP=VERIFIED;KK=VERIFIED;BIRTH_CERT=VERIFIED;MARRIAGE_CERT=;")
                .endsWith(";OLD_PASSPORT=VERIFIED;NAME_CHANGE_DECREE=NOT_APPLICABLE(Nama \"lama\"\\; \\(ganti\\) \\= a\\|b, \\\\ x\nbaris dua)");
        List<String> docs = split(a.get("documents"), ';');
        assertThat(docs.get(docs.size() - 1)).isEqualTo("NAME_CHANGE_DECREE=NOT_APPLICABLE(" + CaseExport.escape(ODD_NOTE) + ")");
        assertThat(unescape(between(docs.get(docs.size() - 1), '(', ')'))).isEqualTo(ODD_NOTE);
        List<String> history = split(a.get("history"), ';');
        assertThat(history).hasSize(6);
        assertThat(history.get(0)).isEqualTo("CHECK_IN||CHECKED_IN|2026-11-27T08:30:00+08:00|petugas1|3");
        assertThat(history.get(5)).isEqualTo("APPROVE|APPROVAL_PENDING|APPROVED|2026-11-27T08:30:00+08:00|supervisor|1");

        Map<String, String> r = byRef.get(rejected.id());
        assertThat(r.get("rejectionReasons")).isEqualTo("DATA_MISMATCH;FORGED_DOCUMENT");
        assertThat(r.get("rejectionNote")).isEqualTo("e-KTP palsu");
        assertThat(r.get("documents")).startsWith("E_KTP=MISMATCH(foto berbeda);KK=;");
        assertThat(r.get("holdReturnBy")).isEmpty();

        Map<String, String> h = byRef.get(stillHeld.id());
        assertThat(h.get("holdReturnBy")).isEqualTo("2026-12-04");
        assertThat(h.get("holdMissing")).isEqualTo("DAMAGED_PASSPORT");
        assertThat(byRef.get(heldThenResumed.id()).get("holdMissing")).isEqualTo("MOTHER_E_KTP");

        Map<String, String> w = byRef.get(walkInRef);
        assertThat(w.get("appointmentId")).isEmpty();
        assertThat(w.get("walkInRef")).isEqualTo(walkInRef);
        assertThat(w.get("queueNumber")).isEqualTo("W-001");
        assertThat(w.get("history")).isEqualTo("CHECK_IN||CHECKED_IN|2026-11-27T08:30:00+08:00|petugas1|3");
    }

    @Test
    void aDateWithoutCasesExportsAnEmptyArrayAndAHeaderOnly() throws Exception {
        Run json = loket("export", "cases", "--date", "2026-11-28");
        Run csv = loket("export", "cases", "--date", "2026-11-28", "--format", "CSV");
        Run bad = loket("export", "cases", "--date", "2026-11-28", "--format", "xml");

        assertThat(new ObjectMapper().readTree(json.out())).isEmpty();
        assertThat(csv.out()).isEqualTo(String.join(",", CaseExport.csvHeader()) + "\r\n");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("Unknown format \"xml\"");
    }

    @Test
    void appointmentsExportCarriesTheCaseSummaryOnceCheckedInAndNullBefore() throws Exception {
        Run run = loket("export", "appointments", "--date", SimulatedCentral.DAY.toString(), "--format", "json");

        assertThat(run.code()).as(run.err()).isZero();
        Map<String, JsonNode> byId = new HashMap<>();
        new ObjectMapper().readTree(run.out()).forEach(i -> byId.put(i.get("id").asText(), i));
        JsonNode a = byId.get(approved.id()).get("case");
        assertThat(a.get("caseRef").asText()).isEqualTo(approved.id());
        assertThat(a.get("queueNumber").asText()).isEqualTo("A-001");
        assertThat(a.get("status").asText()).isEqualTo("APPROVED");
        assertThat(a.size()).isEqualTo(3);
        assertThat(byId.get(waiting.id()).get("case").get("status").asText()).isEqualTo("CHECKED_IN");
        assertThat(byId.get(waiting.id()).get("case").get("queueNumber").asText()).isEqualTo("A-005");
        assertThat(byId.get(notCheckedIn.id()).has("case")).isTrue();
        assertThat(byId.get(notCheckedIn.id()).get("case").isNull()).isTrue();
        assertThat(byId.values().stream().filter(n -> !n.get("case").isNull())).hasSize(5);
    }

    @Test
    void appointmentsCsvCaseColumnHoldsTheStatus() {
        Run run = loket("export", "appointments", "--date", SimulatedCentral.DAY.toString(), "--format", "csv");

        List<List<String>> rows = Csv.parse(run.out());
        int caseColumn = rows.get(0).indexOf("case");
        Map<String, String> byId = new HashMap<>();
        rows.subList(1, rows.size()).forEach(r -> byId.put(r.get(0), r.get(caseColumn)));
        assertThat(byId.get(approved.id())).isEqualTo("APPROVED");
        assertThat(byId.get(rejected.id())).isEqualTo("REJECTED");
        assertThat(byId.get(stillHeld.id())).isEqualTo("ON_HOLD");
        assertThat(byId.get(notCheckedIn.id())).isEmpty();
    }

    @Test
    void flatteningEscapesSeparatorsAndSplitsBackExactly() {
        String note = "a;b|c(d)e=f\\g";
        String flat = CaseExport.documents(List.of(
                new DocumentCheck(DocumentType.E_KTP, Requirement.REQUIRED, DocumentResult.MISMATCH, note),
                new DocumentCheck(DocumentType.KK, Requirement.REQUIRED, null, null)));
        String history = CaseExport.history(List.of(new AuditEntry("x", CaseAction.CALL, CaseStatus.CHECKED_IN, CaseStatus.IN_VERIFICATION,
                OffsetDateTime.parse("2026-11-27T08:30:00+08:00"), "o;ne", null, "ignored")));

        assertThat(flat).isEqualTo("E_KTP=MISMATCH(a\\;b\\|c\\(d\\)e\\=f\\\\g);KK=");
        assertThat(split(flat, ';')).hasSize(2);
        assertThat(unescape(between(split(flat, ';').get(0), '(', ')'))).isEqualTo(note);
        assertThat(history).isEqualTo("CALL|CHECKED_IN|IN_VERIFICATION|2026-11-27T08:30:00+08:00|o\\;ne|");
        assertThat(split(history, '|')).containsExactly("CALL", "CHECKED_IN", "IN_VERIFICATION", "2026-11-27T08:30:00+08:00", "o\\;ne", "");
        assertThat(CaseExport.csv("a,b")).isEqualTo("\"a,b\"");
        assertThat(CaseExport.csv("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CaseExport.csv(null)).isEmpty();
    }

    /** Splits at unescaped {@code sep}, keeping escapes. */
    private static List<String> split(String s, char sep) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                cur.append(c).append(s.charAt(++i));
            } else if (c == sep) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        return parts;
    }

    /** The text between the first unescaped {@code open} and the last {@code close}. */
    private static String between(String s, char open, char close) {
        int start = -1;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (s.charAt(i) == open) {
                start = i;
                break;
            }
        }
        return s.substring(start + 1, s.lastIndexOf(close));
    }

    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            out.append(c == '\\' && i + 1 < s.length() ? s.charAt(++i) : c);
        }
        return out.toString();
    }
}
