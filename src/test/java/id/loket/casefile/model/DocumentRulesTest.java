package id.loket.casefile.model;

import static id.loket.casefile.model.DocumentResult.MISMATCH;
import static id.loket.casefile.model.DocumentResult.MISSING;
import static id.loket.casefile.model.DocumentResult.NOT_APPLICABLE;
import static id.loket.casefile.model.DocumentResult.VERIFIED;
import static org.assertj.core.api.Assertions.assertThat;

import id.loket.appointment.model.ServiceType;
import id.loket.common.model.Sex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The checklist for every service and applicant, and the verdict on it, against tables written
 * out here from the office rules (docs/office-rules.md, "Service types and required documents").
 */
class DocumentRulesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    /** Checklist lines written as {@code REQUIREMENT:TYPE}, in checklist order. */
    private static final Map<ServiceType, List<String>> ADULT = new EnumMap<>(ServiceType.class);
    private static final Map<ServiceType, List<String>> MINOR = new EnumMap<>(ServiceType.class);

    static {
        List<String> adultIdentity = List.of("REQUIRED:E_KTP", "REQUIRED:KK",
                "ONE_OF:BIRTH_CERT", "ONE_OF:MARRIAGE_CERT", "ONE_OF:DIPLOMA", "ONE_OF:BAPTISM_CERT");
        List<String> adultIfApplicable = List.of("IF_APPLICABLE:NAME_CHANGE_DECREE");
        List<String> minorIdentity = List.of("REQUIRED:KK", "REQUIRED:BIRTH_CERT", "REQUIRED:FATHER_E_KTP", "REQUIRED:MOTHER_E_KTP",
                "REQUIRED:PARENTS_MARRIAGE_CERT", "REQUIRED:PARENTS_STATEMENT");
        List<String> minorIfApplicable = List.of("IF_APPLICABLE:PARENTS_PASSPORTS", "IF_APPLICABLE:DIVORCE_DEED", "IF_APPLICABLE:CUSTODY_DECREE");
        Map<ServiceType, List<String>> extra = Map.of(
                ServiceType.NEW, List.of(),
                ServiceType.RENEWAL, List.of("REQUIRED:OLD_PASSPORT"),
                ServiceType.REPLACEMENT_LOST, List.of("REQUIRED:POLICE_LOSS_REPORT"),
                ServiceType.REPLACEMENT_DAMAGED, List.of("REQUIRED:DAMAGED_PASSPORT"));
        for (ServiceType s : ServiceType.values()) {
            ADULT.put(s, concat(adultIdentity, extra.get(s), adultIfApplicable));
            MINOR.put(s, concat(minorIdentity, extra.get(s), minorIfApplicable));
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        List<String> all = new ArrayList<>();
        for (List<String> p : parts) {
            all.addAll(p);
        }
        return all;
    }

    private static List<String> written(List<DocumentCheck> checks) {
        return checks.stream().map(c -> c.requirement() + ":" + c.type()).toList();
    }

    private static Person person(LocalDate birthDate, boolean married) {
        return new Person("5171010101900001", "Ni Luh Putu Ayu", birthDate, "Denpasar", Sex.F, married);
    }

    /** Applicants on {@link #DAY}: age (years, days before the next birthday) and married, and whether a minor. */
    static Stream<Arguments> applicants() {
        Map<String, Object[]> people = new LinkedHashMap<>();
        people.put("adult, 30, unmarried", new Object[] {DAY.minusYears(30), false, false});
        people.put("adult, 30, married", new Object[] {DAY.minusYears(30), true, false});
        people.put("17 today, unmarried", new Object[] {DAY.minusYears(17), false, false});
        people.put("16, one day short of 17, unmarried", new Object[] {DAY.minusYears(17).plusDays(1), false, true});
        people.put("16, married", new Object[] {DAY.minusYears(16), true, false});
        people.put("16, unmarried", new Object[] {DAY.minusYears(16), false, true});
        people.put("4, unmarried", new Object[] {DAY.minusYears(4), false, true});
        List<Arguments> args = new ArrayList<>();
        for (ServiceType s : ServiceType.values()) {
            people.forEach((label, p) -> args.add(Arguments.of(s, label, p[0], p[1], p[2])));
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("applicants")
    void checklistFollowsTheServiceAndWhetherTheApplicantIsAMinorOnTheDay(ServiceType service, String label, LocalDate birthDate,
            boolean married, boolean minor) {
        Person p = person(birthDate, married);

        assertThat(p.isMinorOn(DAY)).as("minor").isEqualTo(minor);
        List<DocumentCheck> list = DocumentRules.checklist(service, p.isMinorOn(DAY));
        assertThat(written(list)).isEqualTo(minor ? MINOR.get(service) : ADULT.get(service));
        assertThat(list).allSatisfy(c -> {
            assertThat(c.result()).isNull();
            assertThat(c.note()).isNull();
        });
    }

    @Test
    void aMarried16YearOldGetsTheAdultChecklistWithAnEKtpAndNoParentsDocuments() {
        Person p = person(DAY.minusYears(16), true);

        List<DocumentCheck> list = DocumentRules.checklist(ServiceType.NEW, p.isMinorOn(DAY));

        assertThat(list).extracting(DocumentCheck::type).contains(DocumentType.E_KTP)
                .doesNotContain(DocumentType.FATHER_E_KTP, DocumentType.MOTHER_E_KTP, DocumentType.PARENTS_STATEMENT);
    }

    @Test
    void theChecklistCannotBeChangedByItsReader() {
        List<DocumentCheck> list = DocumentRules.checklist(ServiceType.NEW, false);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> list.add(list.get(0))).isInstanceOf(UnsupportedOperationException.class);
    }

    // ---- the verdict ----

    /** The adult NEW checklist with the given results, by type; the rest unchecked. */
    private static List<DocumentCheck> adultNew(Object... typeAndResult) {
        return with(DocumentRules.checklist(ServiceType.NEW, false), typeAndResult);
    }

    private static List<DocumentCheck> minorRenewal(Object... typeAndResult) {
        return with(DocumentRules.checklist(ServiceType.RENEWAL, true), typeAndResult);
    }

    private static List<DocumentCheck> with(List<DocumentCheck> list, Object... typeAndResult) {
        Map<DocumentType, DocumentResult> results = new EnumMap<>(DocumentType.class);
        for (int i = 0; i < typeAndResult.length; i += 2) {
            results.put((DocumentType) typeAndResult[i], (DocumentResult) typeAndResult[i + 1]);
        }
        assertThat(list).extracting(DocumentCheck::type).containsAll(results.keySet());
        return list.stream().map(c -> results.containsKey(c.type())
                ? c.withResult(results.get(c.type()), results.get(c.type()).needsNote() ? "catatan" : null) : c).toList();
    }

    private static final DocumentType E_KTP = DocumentType.E_KTP;
    private static final DocumentType KK = DocumentType.KK;
    private static final DocumentType BIRTH = DocumentType.BIRTH_CERT;
    private static final DocumentType MARRIAGE = DocumentType.MARRIAGE_CERT;
    private static final DocumentType DIPLOMA = DocumentType.DIPLOMA;
    private static final DocumentType BAPTISM = DocumentType.BAPTISM_CERT;
    private static final DocumentType NAME_CHANGE = DocumentType.NAME_CHANGE_DECREE;

    /** Checklist → expected verdict and expected {@code missing}. */
    static Stream<Arguments> verdicts() {
        return Stream.of(
                row("nothing checked yet", adultNew(), "INCOMPLETE"),
                row("required verified, identity group unchecked", adultNew(E_KTP, VERIFIED, KK, VERIFIED), "INCOMPLETE"),
                row("identity verified, one required unchecked", adultNew(E_KTP, VERIFIED, BIRTH, VERIFIED), "INCOMPLETE"),
                row("all required and one identity document verified", adultNew(E_KTP, VERIFIED, KK, VERIFIED, BIRTH, VERIFIED), "VERIFIED"),
                row("any one identity document is enough (baptism)", adultNew(E_KTP, VERIFIED, KK, VERIFIED, BAPTISM, VERIFIED), "VERIFIED"),
                row("identity verified, other identity documents missing", adultNew(E_KTP, VERIFIED, KK, VERIFIED,
                        BIRTH, MISSING, MARRIAGE, MISSING, DIPLOMA, VERIFIED, BAPTISM, MISSING), "VERIFIED"),
                row("required not applicable (with a note) counts as done", adultNew(E_KTP, VERIFIED, KK, NOT_APPLICABLE, DIPLOMA, VERIFIED), "VERIFIED"),
                row("if-applicable left unchecked does not block", adultNew(E_KTP, VERIFIED, KK, VERIFIED, MARRIAGE, VERIFIED), "VERIFIED"),
                row("if-applicable not applicable", adultNew(E_KTP, VERIFIED, KK, VERIFIED, MARRIAGE, VERIFIED, NAME_CHANGE, NOT_APPLICABLE), "VERIFIED"),
                row("if-applicable verified", adultNew(E_KTP, VERIFIED, KK, VERIFIED, MARRIAGE, VERIFIED, NAME_CHANGE, VERIFIED), "VERIFIED"),
                row("if-applicable missing (name changed, no decree)", adultNew(E_KTP, VERIFIED, KK, VERIFIED, MARRIAGE, VERIFIED,
                        NAME_CHANGE, MISSING), "MISSING", NAME_CHANGE),
                row("required missing", adultNew(E_KTP, VERIFIED, KK, MISSING, BIRTH, VERIFIED), "MISSING", KK),
                row("two required missing", adultNew(E_KTP, MISSING, KK, MISSING, BIRTH, VERIFIED), "MISSING", E_KTP, KK),
                row("required missing while another is unchecked: not finished yet", adultNew(KK, MISSING, BIRTH, VERIFIED), "INCOMPLETE", KK),
                row("required missing while the identity group is open", adultNew(E_KTP, VERIFIED, KK, MISSING, BIRTH, MISSING), "INCOMPLETE", KK, BIRTH),
                row("one identity document missing, the others unchecked", adultNew(E_KTP, VERIFIED, KK, VERIFIED, BIRTH, MISSING), "INCOMPLETE", BIRTH),
                row("every identity document missing", adultNew(E_KTP, VERIFIED, KK, VERIFIED,
                        BIRTH, MISSING, MARRIAGE, MISSING, DIPLOMA, MISSING, BAPTISM, MISSING), "MISSING", BIRTH, MARRIAGE, DIPLOMA, BAPTISM),
                row("identity documents missing or not applicable", adultNew(E_KTP, VERIFIED, KK, VERIFIED,
                        BIRTH, NOT_APPLICABLE, MARRIAGE, MISSING, DIPLOMA, MISSING, BAPTISM, MISSING), "MISSING", MARRIAGE, DIPLOMA, BAPTISM),
                row("no identity document applies: the whole group is to bring", adultNew(E_KTP, VERIFIED, KK, VERIFIED,
                        BIRTH, NOT_APPLICABLE, MARRIAGE, NOT_APPLICABLE, DIPLOMA, NOT_APPLICABLE, BAPTISM, NOT_APPLICABLE),
                        "MISSING", BIRTH, MARRIAGE, DIPLOMA, BAPTISM),
                row("mismatch wins over everything unchecked", adultNew(E_KTP, MISMATCH), "MISMATCH"),
                row("mismatch wins over missing", adultNew(E_KTP, MISSING, KK, MISMATCH, BIRTH, VERIFIED), "MISMATCH", E_KTP),
                row("mismatch on an identity document", adultNew(E_KTP, VERIFIED, KK, VERIFIED, BIRTH, VERIFIED, DIPLOMA, MISMATCH), "MISMATCH"),
                row("mismatch on an if-applicable document", adultNew(E_KTP, VERIFIED, KK, VERIFIED, BIRTH, VERIFIED, NAME_CHANGE, MISMATCH), "MISMATCH"),
                row("minor: no identity group, all required verified", minorRenewal(KK, VERIFIED, BIRTH, VERIFIED,
                        DocumentType.FATHER_E_KTP, VERIFIED, DocumentType.MOTHER_E_KTP, VERIFIED, DocumentType.PARENTS_MARRIAGE_CERT, VERIFIED,
                        DocumentType.PARENTS_STATEMENT, VERIFIED, DocumentType.OLD_PASSPORT, VERIFIED), "VERIFIED"),
                row("minor: old passport unchecked", minorRenewal(KK, VERIFIED, BIRTH, VERIFIED,
                        DocumentType.FATHER_E_KTP, VERIFIED, DocumentType.MOTHER_E_KTP, VERIFIED, DocumentType.PARENTS_MARRIAGE_CERT, VERIFIED,
                        DocumentType.PARENTS_STATEMENT, VERIFIED), "INCOMPLETE"),
                row("minor: mother's e-KTP and divorce deed missing", minorRenewal(KK, VERIFIED, BIRTH, VERIFIED,
                        DocumentType.FATHER_E_KTP, VERIFIED, DocumentType.MOTHER_E_KTP, MISSING, DocumentType.PARENTS_MARRIAGE_CERT, VERIFIED,
                        DocumentType.PARENTS_STATEMENT, VERIFIED, DocumentType.OLD_PASSPORT, VERIFIED, DocumentType.DIVORCE_DEED, MISSING),
                        "MISSING", DocumentType.MOTHER_E_KTP, DocumentType.DIVORCE_DEED));
    }

    private static Arguments row(String label, List<DocumentCheck> checks, String verdict, DocumentType... missing) {
        return Arguments.of(label, checks, DocumentRules.Verdict.valueOf(verdict), Arrays.asList(missing));
    }

    @ParameterizedTest(name = "{0} → {2}")
    @MethodSource("verdicts")
    void verdictAndMissing(String label, List<DocumentCheck> checks, DocumentRules.Verdict verdict, List<DocumentType> missing) {
        assertThat(DocumentRules.verdict(checks)).isEqualTo(verdict);
        assertThat(DocumentRules.missing(checks)).containsExactlyElementsOf(missing);
    }

    @Test
    void everyFreshChecklistIsIncompleteAndMissesNothing() {
        for (ServiceType s : ServiceType.values()) {
            for (boolean minor : new boolean[] {false, true}) {
                List<DocumentCheck> list = DocumentRules.checklist(s, minor);
                assertThat(DocumentRules.verdict(list)).as(s + (minor ? " minor" : " adult")).isEqualTo(DocumentRules.Verdict.INCOMPLETE);
                assertThat(DocumentRules.missing(list)).isEmpty();
            }
        }
    }

    @Test
    void everyChecklistWithItsRequiredAndOneIdentityDocumentVerifiedIsVerified() {
        for (ServiceType s : ServiceType.values()) {
            for (boolean minor : new boolean[] {false, true}) {
                boolean identity = false;
                List<DocumentCheck> done = new ArrayList<>();
                for (DocumentCheck c : DocumentRules.checklist(s, minor)) {
                    boolean check = c.requirement() == Requirement.REQUIRED || (c.requirement() == Requirement.ONE_OF && !identity);
                    identity |= c.requirement() == Requirement.ONE_OF;
                    done.add(check ? c.withResult(VERIFIED, null) : c);
                }
                assertThat(DocumentRules.verdict(done)).as(s + (minor ? " minor" : " adult")).isEqualTo(DocumentRules.Verdict.VERIFIED);
            }
        }
    }

    @Test
    void mismatchAndNotApplicableNeedANote() {
        assertThat(Arrays.stream(DocumentResult.values()).filter(DocumentResult::needsNote)).containsExactly(MISMATCH, NOT_APPLICABLE);
    }
}
