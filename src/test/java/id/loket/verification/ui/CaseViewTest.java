package id.loket.verification.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.appointment.model.PassportType;
import id.loket.appointment.model.ServiceType;
import id.loket.common.model.Sex;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.DocumentCheck;
import id.loket.casefile.model.DocumentResult;
import id.loket.casefile.model.DocumentRules;
import id.loket.casefile.model.DocumentType;
import id.loket.casefile.model.InterviewOutcome;
import id.loket.casefile.model.Person;
import id.loket.casefile.model.QueueNumber;
import id.loket.casefile.model.QueueSeries;
import id.loket.casefile.model.RejectionReason;
import id.loket.common.i18n.Messages;
import id.loket.staff.model.Role;
import id.loket.verification.ui.CaseView.Step;
import id.loket.verification.ui.CaseView.StepState;
import id.loket.verification.ui.CaseView.Banner;
import id.loket.verification.ui.CaseView.Tone;
import id.loket.verification.ui.CaseView.Verb;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What the case panel offers, which step Enter takes, where the checklist moves, how the NIK is read. */
class CaseViewTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 27);
    /** Born 17 Aug 1990, a woman: the NIK's day is 17 + 40. */
    private static final String NIK = "5171015708900001";
    private static final Person ADULT = new Person(NIK, "Ni Luh Putu Ayu", LocalDate.of(1990, 8, 17), "Denpasar", Sex.F, true);

    private static CaseFile caseOf(ServiceType service, CaseStatus status, Person p) {
        OffsetDateTime at = DAY.atTime(8, 30).atOffset(ZoneOffset.ofHours(8));
        return new CaseFile("a-1", "DPS", DAY, "a-1", false, new QueueNumber(QueueSeries.A, 7), status, service,
                PassportType.ELECTRONIC, 10, "08:00", null, p, "3", "petugas1", at, at, false, null, null, null, null, null,
                null, null, null, null, null, null, false, DocumentRules.checklist(service, p.isMinorOn(DAY)), 1);
    }

    private static CaseView view(ServiceType service, CaseStatus status, Role role) {
        return new CaseView(caseOf(service, status, ADULT), role, DAY);
    }

    @ParameterizedTest(name = "{0} {1} {2}: offered {3}, Enter {4}")
    @CsvSource(delimiter = '|', textBlock = """
            RENEWAL          | CHECKED_IN       | COUNTER    | CALL RECORD_NTPN                        | CALL
            RENEWAL          | IN_VERIFICATION  | COUNTER    | FINISH REJECT FLAG RECORD_NTPN          | FINISH
            RENEWAL          | ON_HOLD          | COUNTER    | RESUME RECORD_NTPN PRINT_AGAIN          | RESUME
            RENEWAL          | VERIFIED         | COUNTER    | INTERVIEW INTERVIEW_FLAG FLAG RECORD_NTPN | INTERVIEW
            RENEWAL          | INTERVIEWED      | COUNTER    | APPROVE REJECT FLAG RECORD_NTPN         | APPROVE
            RENEWAL          | APPROVED         | COUNTER    | RECORD_NTPN ISSUE_RECEIPT               | ISSUE_RECEIPT
            RENEWAL          | APPROVED         | ADMIN      |                                         |
            RENEWAL          | RECEIPT_ISSUED   | COUNTER    | PRINT_AGAIN                             |
            RENEWAL          | READY_FOR_PICKUP | SUPERVISOR | PRINT_AGAIN                             |
            RENEWAL          | HANDED_OVER      | COUNTER    | PRINT_AGAIN                             |
            RENEWAL          | REJECTED         | COUNTER    | PRINT_AGAIN                             |
            RENEWAL          | REJECTED         | ADMIN      |                                         |
            REPLACEMENT_LOST | APPROVAL_PENDING | COUNTER    | RECORD_NTPN                             |
            REPLACEMENT_LOST | APPROVAL_PENDING | SUPERVISOR | APPROVE REJECT RECORD_NTPN              | APPROVE
            RENEWAL          | IN_VERIFICATION  | ADMIN      |                                         |
            """)
    void offersWhatTheLifecycleAllowsAndEnterTakesTheStepTheCaseWaitsFor(ServiceType service, CaseStatus status, Role role,
            String offered, String primary) {
        CaseView v = view(service, status, role);
        Set<Verb> expected = EnumSet.noneOf(Verb.class);
        if (offered != null) {
            for (String s : offered.trim().split("\\s+")) {
                expected.add(Verb.valueOf(s));
            }
        }
        assertThat(v.offered()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(v.primary().map(Enum::name).orElse(null)).isEqualTo(primary);
    }

    @Test
    void theOfficerSeesThatAPendingApprovalIsTheSupervisorsAndIsDoneHere() {
        CaseView officer = view(ServiceType.REPLACEMENT_LOST, CaseStatus.APPROVAL_PENDING, Role.COUNTER);
        CaseView supervisor = view(ServiceType.REPLACEMENT_LOST, CaseStatus.APPROVAL_PENDING, Role.SUPERVISOR);
        assertThat(officer.awaitingSupervisor()).isTrue();
        assertThat(officer.doneForNow()).isTrue();
        assertThat(supervisor.awaitingSupervisor()).isFalse();
        assertThat(supervisor.doneForNow()).isFalse();
    }

    @ParameterizedTest(name = "{0}: paper {1}")
    @CsvSource(nullValues = "-", value = {"CHECKED_IN, -", "APPROVED, -", "RECEIPT_ISSUED, RECEIPT", "READY_FOR_PICKUP, RECEIPT",
            "HANDED_OVER, PICKUP_SLIP", "REJECTED, REJECTION_SLIP", "ON_HOLD, HOLD_SLIP", "NO_SHOW, -"})
    void eachStateGivesItsOwnPaper(CaseStatus status, CaseView.Paper paper) {
        assertThat(view(ServiceType.RENEWAL, status, Role.COUNTER).paper()).isEqualTo(java.util.Optional.ofNullable(paper));
    }

    @Test
    void anApprovedCaseStaysAtTheCounterUntilItsReceiptIsIssued() {
        assertThat(view(ServiceType.RENEWAL, CaseStatus.APPROVED, Role.COUNTER).doneForNow()).isFalse();
        assertThat(view(ServiceType.RENEWAL, CaseStatus.APPROVED, Role.ADMIN).doneForNow()).isTrue();
        assertThat(view(ServiceType.RENEWAL, CaseStatus.RECEIPT_ISSUED, Role.COUNTER).doneForNow()).isTrue();
    }

    @Test
    void aCaseFlaggedAfterItsInterviewIsNotOfferedForApprovalOrAnotherFlag() {
        CaseFile flagged = caseOf(ServiceType.RENEWAL, CaseStatus.INTERVIEWED, ADULT).toBuilder().flagged(true).flagNote("x").build();
        assertThat(new CaseView(flagged, Role.COUNTER, DAY).offered()).doesNotContain(Verb.APPROVE, Verb.FLAG);
        assertThat(new CaseView(flagged, Role.COUNTER, DAY).awaitingSupervisor()).isTrue();
    }

    @Test
    void approvalIsAStepOnlyForCasesThatNeedASupervisor() {
        assertThat(view(ServiceType.RENEWAL, CaseStatus.VERIFIED, Role.COUNTER).steps())
                .containsExactly(Step.CHECK_IN, Step.VERIFICATION, Step.INTERVIEW, Step.APPROVED);
        assertThat(view(ServiceType.REPLACEMENT_DAMAGED, CaseStatus.VERIFIED, Role.COUNTER).steps())
                .containsExactly(Step.CHECK_IN, Step.VERIFICATION, Step.INTERVIEW, Step.APPROVAL, Step.APPROVED);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "RENEWAL, CHECKED_IN, DONE CURRENT TODO TODO",
            "RENEWAL, IN_VERIFICATION, DONE CURRENT TODO TODO",
            "RENEWAL, ON_HOLD, DONE HELD TODO TODO",
            "RENEWAL, VERIFIED, DONE DONE CURRENT TODO",
            "RENEWAL, INTERVIEWED, DONE DONE DONE CURRENT",
            "RENEWAL, APPROVED, DONE DONE DONE DONE",
            "RENEWAL, REJECTED, DONE REJECTED TODO TODO",
            "REPLACEMENT_LOST, INTERVIEWED, DONE DONE DONE CURRENT TODO",
            "REPLACEMENT_LOST, APPROVAL_PENDING, DONE DONE DONE CURRENT TODO",
            "REPLACEMENT_LOST, APPROVED, DONE DONE DONE DONE DONE"})
    void theStepIndicatorShowsWhereTheCaseIs(ServiceType service, CaseStatus status, String states) {
        CaseView v = view(service, status, Role.COUNTER);
        assertThat(v.steps().stream().map(v::state).map(Enum::name).toList()).containsExactly(states.split(" "));
    }

    @Test
    void aRejectionAfterTheInterviewIsShownAtTheStepAfterIt() {
        CaseFile c = caseOf(ServiceType.REPLACEMENT_LOST, CaseStatus.REJECTED, ADULT).toBuilder()
                .interviewOutcome(InterviewOutcome.FLAGGED).build();
        assertThat(new CaseView(c, Role.SUPERVISOR, DAY).state(Step.APPROVAL)).isEqualTo(StepState.REJECTED);
    }

    @Test
    void theChecklistMovesToTheNextDocumentThatNeedsALookSkippingTheRestOfTheIdentityGroupOnceOneIsVerified() {
        List<DocumentCheck> docs = new ArrayList<>(DocumentRules.checklist(ServiceType.RENEWAL, false));
        // E_KTP, KK, BIRTH_CERT, MARRIAGE_CERT, DIPLOMA, BAPTISM_CERT, OLD_PASSPORT, NAME_CHANGE_DECREE
        assertThat(CaseView.nextToCheck(docs, -1)).hasValue(0);
        docs.set(0, docs.get(0).withResult(DocumentResult.VERIFIED, null));
        docs.set(1, docs.get(1).withResult(DocumentResult.VERIFIED, null));
        assertThat(CaseView.nextToCheck(docs, 1)).hasValue(2);
        docs.set(2, docs.get(2).withResult(DocumentResult.VERIFIED, null));
        assertThat(CaseView.nextToCheck(docs, 2)).hasValue(6);
        assertThat(CaseView.complete(docs)).isFalse();
        docs.set(6, docs.get(6).withResult(DocumentResult.VERIFIED, null));
        assertThat(CaseView.nextToCheck(docs, 6)).isEmpty();
        assertThat(CaseView.complete(docs)).isTrue();
    }

    @Test
    void whenTheFirstIdentityDocumentIsMissingTheOthersOfTheGroupStillNeedALook() {
        List<DocumentCheck> docs = new ArrayList<>(DocumentRules.checklist(ServiceType.NEW, false));
        docs.set(2, docs.get(2).withResult(DocumentResult.MISSING, null));
        assertThat(CaseView.needsCheck(docs, 3)).isTrue();
        assertThat(CaseView.nextToCheck(docs, 2)).hasValue(3);
    }

    @Test
    void theNextDocumentWrapsRoundToOneLeftAbove() {
        List<DocumentCheck> docs = new ArrayList<>(DocumentRules.checklist(ServiceType.RENEWAL, false));
        for (int i : new int[] {1, 2, 6}) {
            docs.set(i, docs.get(i).withResult(DocumentResult.VERIFIED, null));
        }
        assertThat(CaseView.nextToCheck(docs, 6)).hasValue(0);
    }

    @Test
    void aNikThatAgreesWithTheBirthDataIsSaidToAgree() {
        CaseView.Identity id = view(ServiceType.NEW, CaseStatus.IN_VERIFICATION, Role.COUNTER).identity();
        assertThat(id.agrees()).isTrue();
        assertThat(id.nikBirthDate()).isEqualTo(LocalDate.of(1990, 8, 17));
        assertThat(id.nikSex()).isEqualTo(Sex.F);
    }

    @Test
    void aBirthDateOrSexOtherThanTheNiksIsPointedOutSeparately() {
        Person otherDay = new Person(NIK, "Ni Luh", LocalDate.of(1990, 8, 18), "Denpasar", Sex.F, true);
        Person man = new Person(NIK, "I Wayan", LocalDate.of(1990, 8, 17), "Denpasar", Sex.M, true);
        CaseView.Identity a = new CaseView(caseOf(ServiceType.NEW, CaseStatus.IN_VERIFICATION, otherDay), Role.COUNTER, DAY).identity();
        CaseView.Identity b = new CaseView(caseOf(ServiceType.NEW, CaseStatus.IN_VERIFICATION, man), Role.COUNTER, DAY).identity();
        assertThat(a.birthDateAgrees()).isFalse();
        assertThat(a.sexAgrees()).isTrue();
        assertThat(b.birthDateAgrees()).isTrue();
        assertThat(b.sexAgrees()).isFalse();
        assertThat(a.agrees()).isFalse();
        assertThat(b.agrees()).isFalse();
    }

    @Test
    void aMalformedNikIsNotReadAtAll() {
        Person bad = new Person("1234", "X", LocalDate.of(1990, 8, 17), null, Sex.M, false);
        CaseView.Identity id = new CaseView(caseOf(ServiceType.NEW, CaseStatus.IN_VERIFICATION, bad), Role.COUNTER, DAY).identity();
        assertThat(id.nikValid()).isFalse();
        assertThat(id.agrees()).isFalse();
    }

    @Test
    void aHoldPastItsReturnDateIsOverdueAndListsWhatIsMissing() {
        CaseFile held = caseOf(ServiceType.RENEWAL, CaseStatus.ON_HOLD, ADULT).toBuilder().holdReturnBy(DAY.plusDays(7))
                .documents(DocumentRules.checklist(ServiceType.RENEWAL, false).stream()
                        .map(d -> d.type() == DocumentType.OLD_PASSPORT ? d.withResult(DocumentResult.MISSING, null) : d).toList())
                .build();
        assertThat(new CaseView(held, Role.COUNTER, DAY.plusDays(7)).holdOverdue()).isFalse();
        assertThat(new CaseView(held, Role.COUNTER, DAY.plusDays(8)).holdOverdue()).isTrue();
        assertThat(new CaseView(held, Role.COUNTER, DAY).missing()).containsExactly(DocumentType.OLD_PASSPORT);
    }

    @Test
    void aCaseAtAnotherCounterIsSaidToBeThere() {
        CaseView v = view(ServiceType.NEW, CaseStatus.IN_VERIFICATION, Role.COUNTER);
        assertThat(v.atOtherCounter("3")).isFalse();
        assertThat(v.atOtherCounter("5")).isTrue();
    }

    // ---- the banner above the checklist, and what a rejection starts with ----

    private static final Messages EN = Messages.forLanguage("en");
    private static final ZoneId BALI = ZoneId.of("Asia/Makassar");

    private static Optional<Banner> banner(CaseFile c, Role role, String myCounter, String receiptText) {
        return new CaseView(c, role, DAY).banner(EN, BALI, myCounter, receiptText);
    }

    @Test
    void aCheckedInCaseSaysSinceWhenItWaitsAndHowToCallIt() {
        assertThat(banner(caseOf(ServiceType.RENEWAL, CaseStatus.CHECKED_IN, ADULT), Role.COUNTER, "3", null))
                .contains(new Banner("Waiting to be called since 08:30. Enter or F7 calls it to this counter.", Tone.INFO));
    }

    @Test
    void aHeldCaseWarnsWhatIsMissingAndByWhenAndOnceOverdueThatTheDateHasPassed() {
        CaseFile held = caseOf(ServiceType.RENEWAL, CaseStatus.ON_HOLD, ADULT).toBuilder().holdReturnBy(DAY.plusDays(7))
                .documents(DocumentRules.checklist(ServiceType.RENEWAL, false).stream()
                        .map(d -> d.type() == DocumentType.OLD_PASSPORT ? d.withResult(DocumentResult.MISSING, null) : d).toList())
                .build();
        assertThat(new CaseView(held, Role.COUNTER, DAY).banner(EN, BALI, "3", null)).contains(new Banner(
                "On hold. Missing documents: Old passport. The applicant returns by Friday, 4 December 2026.", Tone.WARNING));
        assertThat(new CaseView(held, Role.COUNTER, DAY.plusDays(8)).banner(EN, BALI, "3", null)).contains(new Banner(
                "On hold. Missing documents: Old passport. The return-by date Friday, 4 December 2026 has passed.", Tone.WARNING));
    }

    @Test
    void aPendingApprovalTellsTheOfficerItIsTheSupervisorsAndTheSupervisorThatItIsTheirs() {
        CaseFile pending = caseOf(ServiceType.REPLACEMENT_LOST, CaseStatus.APPROVAL_PENDING, ADULT);
        assertThat(banner(pending, Role.COUNTER, "3", null)).hasValueSatisfying(b -> {
            assertThat(b.text()).startsWith("Awaiting a supervisor's approval (Replacement (lost)).");
            assertThat(b.tone()).isEqualTo(Tone.WARNING);
        });
        CaseFile flagged = pending.toBuilder().flagged(true).flagNote("photo does not match").build();
        assertThat(banner(flagged, Role.SUPERVISOR, "3", null)).contains(new Banner(
                "Awaiting your approval: flagged: photo does not match. Approve (Ctrl+A) or reject (Ctrl+R).", Tone.WARNING));
    }

    @Test
    void anApprovedCaseSaysWhoApprovedItWhenAndARejectedOneWhy() {
        CaseFile approved = caseOf(ServiceType.RENEWAL, CaseStatus.APPROVED, ADULT).toBuilder().approvedBy("petugas1")
                .approvedAt(DAY.atTime(9, 5).atOffset(ZoneOffset.ofHours(8))).build();
        assertThat(banner(approved, Role.COUNTER, "3", null)).contains(new Banner(
                "Approved by petugas1 at 09:05 — ready for the receipt: Enter or Ctrl+P issues and prints it.", Tone.SUCCESS));
        // the officer by their full name where the desk knows it, the username where it does not
        assertThat(new CaseView(approved, Role.COUNTER, DAY).banner(EN, BALI, "3", null,
                u -> u.equals("petugas1") ? "Ni Luh Putu Ayu Lestari" : u)).contains(new Banner(
                "Approved by Ni Luh Putu Ayu Lestari at 09:05 — ready for the receipt: Enter or Ctrl+P issues and prints it.", Tone.SUCCESS));
        CaseFile rejected = caseOf(ServiceType.RENEWAL, CaseStatus.REJECTED, ADULT).toBuilder()
                .rejectionReasons(Set.of(RejectionReason.OTHER, RejectionReason.DATA_MISMATCH)).rejectionNote("Name differs on the KK.")
                .build();
        assertThat(banner(rejected, Role.COUNTER, "3", null))
                .contains(new Banner("Rejected: Data mismatch, Other. Name differs on the KK.", Tone.DANGER));
    }

    @Test
    void aReceiptedCaseShowsWhatItsReceiptSaysOnceReadAndNothingBefore() {
        CaseFile issued = caseOf(ServiceType.RENEWAL, CaseStatus.RECEIPT_ISSUED, ADULT);
        assertThat(banner(issued, Role.COUNTER, "3", null)).isEmpty();
        assertThat(banner(issued, Role.COUNTER, "3", "Receipt TT-DPS-20261127-0001.")).contains(
                new Banner("Receipt TT-DPS-20261127-0001.", Tone.SUCCESS));
    }

    @Test
    void aCaseWorkedHereHasNoBannerUnlessFlaggedAndOneAtAnotherCounterSaysWhereAndByWhom() {
        CaseFile working = caseOf(ServiceType.RENEWAL, CaseStatus.IN_VERIFICATION, ADULT);
        assertThat(banner(working, Role.COUNTER, "3", null)).isEmpty();
        assertThat(banner(working, Role.COUNTER, "5", null))
                .contains(new Banner("Being handled at counter 3 by petugas1.", Tone.WARNING));
        CaseFile flagged = working.toBuilder().flagged(true).flagNote("old passport torn").build();
        assertThat(banner(flagged, Role.COUNTER, "3", null))
                .contains(new Banner("Flagged for the supervisor: old passport torn", Tone.WARNING));
    }

    @Test
    void aRejectionStartsFromTheMismatchesTheChecklistFound() {
        CaseFile clean = caseOf(ServiceType.RENEWAL, CaseStatus.IN_VERIFICATION, ADULT);
        assertThat(new CaseView(clean, Role.COUNTER, DAY).suggestedReasons()).isEmpty();
        assertThat(new CaseView(clean, Role.COUNTER, DAY).suggestedRejectionNote(EN)).isEmpty();

        CaseFile mismatched = clean.toBuilder().documents(clean.documents().stream()
                .map(d -> d.type() == DocumentType.OLD_PASSPORT ? d.withResult(DocumentResult.MISMATCH, "other name")
                        : d.type() == DocumentType.KK ? d.withResult(DocumentResult.MISMATCH, null) : d.withResult(DocumentResult.VERIFIED, null))
                .toList()).build();
        CaseView v = new CaseView(mismatched, Role.COUNTER, DAY);
        assertThat(v.suggestedReasons()).containsExactly(RejectionReason.DATA_MISMATCH);
        assertThat(v.suggestedRejectionNote(EN)).contains(EN.name(DocumentType.KK)).contains("Old passport: other name")
                .containsOnlyOnce("; ");
    }
}
