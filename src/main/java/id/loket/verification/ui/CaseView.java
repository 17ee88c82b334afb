package id.loket.verification.ui;

import id.loket.common.model.Sex;
import id.loket.casefile.model.CaseAction;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.DocumentCheck;
import id.loket.casefile.model.DocumentResult;
import id.loket.casefile.model.DocumentRules;
import id.loket.casefile.model.DocumentType;
import id.loket.casefile.model.Lifecycle;
import id.loket.casefile.model.Requirement;
import id.loket.casefile.model.RejectionReason;
import id.loket.common.i18n.Messages;
import id.loket.common.model.Nik;
import id.loket.common.ui.Dates;
import id.loket.staff.model.Role;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the case panel shows for one case and one officer, without Swing: where the case is
 * in its lifecycle, which steps the officer may take now (from {@link Lifecycle#possible})
 * and which one Enter takes, which document needs a look next, and whether the NIK agrees
 * with the birth data, what the banner above the checklist says, and what a rejection form
 * starts with.
 */
public final class CaseView {

    /** The milestones of the step indicator. APPROVAL only for cases that need a supervisor. */
    public enum Step { CHECK_IN, VERIFICATION, INTERVIEW, APPROVAL, APPROVED }

    public enum StepState { DONE, CURRENT, TODO, HELD, REJECTED }

    /** The verbs of the case panel, each one Action on screen. */
    public enum Verb { CALL, FINISH, RESUME, INTERVIEW, INTERVIEW_FLAG, APPROVE, REJECT, FLAG, RECORD_NTPN, ISSUE_RECEIPT, PRINT_AGAIN }

    /** The paper a case in its present state gives the applicant, printed again with {@link Verb#PRINT_AGAIN}. */
    public enum Paper { RECEIPT, PICKUP_SLIP, REJECTION_SLIP, HOLD_SLIP }

    /** How a banner looks: a neutral note, a warning, good news, a refusal. */
    public enum Tone { INFO, WARNING, SUCCESS, DANGER }

    /** The line above the checklist: what the officer should know about the case before anything else. */
    public record Banner(String text, Tone tone) {
    }

    /** The NIK against the birth data of the case. Dates and sex are null when the NIK is not well-formed. */
    public record Identity(boolean nikValid, LocalDate nikBirthDate, Sex nikSex, boolean birthDateAgrees, boolean sexAgrees) {
        public boolean agrees() {
            return nikValid && birthDateAgrees && sexAgrees;
        }
    }

    private static final Set<CaseStatus> FINISHED_FOR_THE_COUNTER = EnumSet.of(CaseStatus.RECEIPT_ISSUED,
            CaseStatus.READY_FOR_PICKUP, CaseStatus.HANDED_OVER);
    private static final Set<CaseStatus> AT_A_COUNTER = EnumSet.of(CaseStatus.IN_VERIFICATION, CaseStatus.VERIFIED, CaseStatus.INTERVIEWED);

    private final CaseFile c;
    private final Role role;
    private final LocalDate today;

    public CaseView(CaseFile c, Role role, LocalDate today) {
        this.c = c;
        this.role = role;
        this.today = today;
    }

    public CaseFile caseFile() {
        return c;
    }

    // ---- lifecycle ----

    public List<Step> steps() {
        List<Step> steps = new ArrayList<>(List.of(Step.CHECK_IN, Step.VERIFICATION, Step.INTERVIEW));
        if (c.needsSupervisorApproval() || c.status() == CaseStatus.APPROVAL_PENDING) {
            steps.add(Step.APPROVAL);
        }
        steps.add(Step.APPROVED);
        return steps;
    }

    /** The milestone the case is working towards (steps().size() when every one is reached). */
    private int current(List<Step> steps) {
        Step afterInterview = steps.contains(Step.APPROVAL) ? Step.APPROVAL : Step.APPROVED;
        return switch (c.status()) {
            case CHECKED_IN, IN_VERIFICATION, ON_HOLD -> steps.indexOf(Step.VERIFICATION);
            case VERIFIED -> steps.indexOf(Step.INTERVIEW);
            case INTERVIEWED -> steps.indexOf(afterInterview);
            case APPROVAL_PENDING -> steps.indexOf(Step.APPROVAL);
            case APPROVED, RECEIPT_ISSUED, READY_FOR_PICKUP, HANDED_OVER -> steps.size();
            case REJECTED -> c.interviewOutcome() != null ? steps.indexOf(afterInterview) : steps.indexOf(Step.VERIFICATION);
            case NO_SHOW -> 0;
        };
    }

    public StepState state(Step step) {
        List<Step> steps = steps();
        int i = steps.indexOf(step);
        int at = current(steps);
        if (i < 0 || i > at) {
            return StepState.TODO;
        }
        if (i < at) {
            return StepState.DONE;
        }
        return switch (c.status()) {
            case ON_HOLD -> StepState.HELD;
            case REJECTED, NO_SHOW -> StepState.REJECTED;
            default -> StepState.CURRENT;
        };
    }

    // ---- what the officer may do now ----

    /** The verbs offered to this officer now. The services check again; this only spares a refusal. */
    public Set<Verb> offered() {
        Set<CaseAction> possible = Lifecycle.possible(c.status(), role);
        Set<Verb> verbs = EnumSet.noneOf(Verb.class);
        if (possible.contains(CaseAction.CALL)) {
            verbs.add(Verb.CALL);
        }
        if (possible.contains(CaseAction.VERIFY) || possible.contains(CaseAction.PUT_ON_HOLD)) {
            verbs.add(Verb.FINISH);
        }
        if (possible.contains(CaseAction.RESUME)) {
            verbs.add(Verb.RESUME);
        }
        if (possible.contains(CaseAction.INTERVIEW)) {
            verbs.add(Verb.INTERVIEW);
            verbs.add(Verb.INTERVIEW_FLAG);
        }
        if (possible.contains(CaseAction.APPROVE) && !(c.status() == CaseStatus.INTERVIEWED && c.needsSupervisorApproval())) {
            verbs.add(Verb.APPROVE);
        }
        if (possible.contains(CaseAction.REJECT)) {
            verbs.add(Verb.REJECT);
        }
        // Flagging an interviewed case sends it to the supervisor at once (VerificationService.flag).
        if (possible.contains(CaseAction.FLAG) && !c.flagged()) {
            verbs.add(Verb.FLAG);
        }
        if (possible.contains(CaseAction.RECORD_PAYMENT)) {
            verbs.add(Verb.RECORD_NTPN);
        }
        if (possible.contains(CaseAction.ISSUE_RECEIPT)) {
            verbs.add(Verb.ISSUE_RECEIPT);
        }
        if (paper().isPresent() && Lifecycle.possible(CaseStatus.APPROVED, role).contains(CaseAction.ISSUE_RECEIPT)) {
            verbs.add(Verb.PRINT_AGAIN);
        }
        return verbs;
    }

    /**
     * The paper this case gives the applicant now: the receipt once issued (a reprint is a copy),
     * the pickup slip once handed over, the rejection slip, the on-hold slip.
     */
    public Optional<Paper> paper() {
        return Optional.ofNullable(switch (c.status()) {
            case RECEIPT_ISSUED, READY_FOR_PICKUP -> Paper.RECEIPT;
            case HANDED_OVER -> Paper.PICKUP_SLIP;
            case REJECTED -> Paper.REJECTION_SLIP;
            case ON_HOLD -> Paper.HOLD_SLIP;
            default -> null;
        });
    }

    /** The step Enter takes: the one the case is waiting for, if this officer may take it. */
    public Optional<Verb> primary() {
        Verb v = switch (c.status()) {
            case CHECKED_IN -> Verb.CALL;
            case IN_VERIFICATION -> Verb.FINISH;
            case ON_HOLD -> Verb.RESUME;
            case VERIFIED -> Verb.INTERVIEW;
            case INTERVIEWED, APPROVAL_PENDING -> Verb.APPROVE;
            case APPROVED -> Verb.ISSUE_RECEIPT;
            default -> null;
        };
        return v != null && offered().contains(v) ? Optional.of(v) : Optional.empty();
    }

    /** The case waits for a supervisor and this officer is not one. */
    public boolean awaitingSupervisor() {
        return (c.status() == CaseStatus.APPROVAL_PENDING || (c.status() == CaseStatus.INTERVIEWED && c.needsSupervisorApproval()))
                && role != Role.SUPERVISOR;
    }

    /** Documents can be marked now. */
    public boolean checking() {
        return Lifecycle.possible(c.status(), role).contains(CaseAction.RECORD_DOCUMENT);
    }

    /** Nothing more happens at the counter for this case today: its receipt issued, rejected, or on hold. */
    public boolean doneForNow() {
        return FINISHED_FOR_THE_COUNTER.contains(c.status()) || c.status() == CaseStatus.REJECTED
                || (c.status() == CaseStatus.APPROVED && !offered().contains(Verb.ISSUE_RECEIPT))
                || c.status() == CaseStatus.ON_HOLD || c.status() == CaseStatus.NO_SHOW
                || (c.status() == CaseStatus.APPROVAL_PENDING && role != Role.SUPERVISOR);
    }

    /** Someone else has the case at another counter. */
    public boolean atOtherCounter(String myCounter) {
        return AT_A_COUNTER.contains(c.status()) && c.counter() != null && !c.counter().equals(myCounter);
    }

    // ---- the banner ----

    /**
     * The banner of the case for the officer at {@code myCounter}: waiting since when, on hold
     * for what until when, waiting for whose approval, approved by whom, rejected why, at another
     * counter, flagged. For a case whose receipt is issued it is what the receipt says,
     * {@code receiptText}, read from the store a moment after the case is shown (null until then:
     * no banner).
     */
    public Optional<Banner> banner(Messages messages, ZoneId zone, String myCounter, String receiptText) {
        return banner(messages, zone, myCounter, receiptText, java.util.function.Function.identity());
    }

    /** As above, officers named by {@code officerName} (username to full name, as far as it is known). */
    public Optional<Banner> banner(Messages messages, ZoneId zone, String myCounter, String receiptText,
            java.util.function.Function<String, String> officerName) {
        return Optional.ofNullable(switch (c.status()) {
            case CHECKED_IN -> new Banner(messages.get("counter.banner.waiting", Dates.time(c.checkedInAt(), zone)), Tone.INFO);
            case ON_HOLD -> {
                String missing = missing().stream().map(messages::name).collect(Collectors.joining(", "));
                String by = c.holdReturnBy() == null ? "-" : Dates.longDate(c.holdReturnBy(), messages.locale());
                yield new Banner(messages.get(holdOverdue() ? "counter.banner.holdOverdue" : "counter.banner.hold", missing, by), Tone.WARNING);
            }
            case APPROVAL_PENDING -> {
                String why = c.flagged() && c.flagNote() != null ? messages.get("counter.banner.flagged", c.flagNote())
                        : messages.get("service." + c.service().name());
                yield new Banner(messages.get(awaitingSupervisor() ? "counter.banner.awaitingSupervisor" : "counter.banner.forYou", why),
                        Tone.WARNING);
            }
            case APPROVED -> new Banner(messages.get("counter.banner.approved", c.approvedBy() == null ? "-" : officerName.apply(c.approvedBy()),
                    c.approvedAt() == null ? "-" : Dates.time(c.approvedAt(), zone)), Tone.SUCCESS);
            case REJECTED -> {
                String reasons = c.rejectionReasons().stream().sorted().map(messages::name).collect(Collectors.joining(", "));
                yield new Banner(messages.get("counter.banner.rejected", reasons, c.rejectionNote() == null ? "" : c.rejectionNote()),
                        Tone.DANGER);
            }
            case RECEIPT_ISSUED, READY_FOR_PICKUP, HANDED_OVER -> receiptText == null ? null : new Banner(receiptText, Tone.SUCCESS);
            default -> {
                if (atOtherCounter(myCounter)) {
                    yield new Banner(messages.get("counter.banner.otherCounter", c.counter(), c.officer() == null ? "-" : c.officer()),
                            Tone.WARNING);
                }
                yield c.flagged() ? new Banner(messages.get("counter.banner.flaggedForSupervisor", c.flagNote() == null ? "" : c.flagNote()),
                        Tone.WARNING) : null;
            }
        });
    }

    // ---- rejecting ----

    /** The reasons a rejection form starts with, from what the checklist found: a mismatching document is a data mismatch. */
    public Set<RejectionReason> suggestedReasons() {
        return c.documents().stream().anyMatch(d -> d.result() == DocumentResult.MISMATCH)
                ? Set.of(RejectionReason.DATA_MISMATCH) : Set.of();
    }

    /** The note a rejection form starts with: each mismatching document and its note. */
    public String suggestedRejectionNote(Messages messages) {
        return c.documents().stream().filter(d -> d.result() == DocumentResult.MISMATCH)
                .map(d -> messages.name(d.type()) + (d.note() == null ? "" : ": " + d.note()))
                .collect(Collectors.joining("; "));
    }

    // ---- the checklist ----

    public List<DocumentCheck> documents() {
        return c.documents();
    }

    /** Whether document {@code i} still needs a look before the check can finish. */
    public boolean needsCheck(int i) {
        return needsCheck(c.documents(), i);
    }

    /** The same question for a checklist being marked on screen before the store answers. */
    public static boolean needsCheck(List<DocumentCheck> docs, int i) {
        DocumentCheck d = docs.get(i);
        if (d.result() != null) {
            return false;
        }
        return switch (d.requirement()) {
            case REQUIRED -> true;
            case ONE_OF -> docs.stream().noneMatch(x -> x.requirement() == Requirement.ONE_OF && x.result() == DocumentResult.VERIFIED);
            case IF_APPLICABLE -> false;
        };
    }

    /** The next document after {@code after} (wrapping round) that needs a look, if any. */
    public static OptionalInt nextToCheck(List<DocumentCheck> docs, int after) {
        int n = docs.size();
        for (int k = 1; k <= n; k++) {
            int i = ((after + k) % n + n) % n;
            if (needsCheck(docs, i)) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** The check can be finished: every required document has a result. */
    public static boolean complete(List<DocumentCheck> docs) {
        return DocumentRules.verdict(docs) != DocumentRules.Verdict.INCOMPLETE;
    }

    /** What the applicant has to bring back (for a case on hold). */
    public List<DocumentType> missing() {
        return DocumentRules.missing(c.documents());
    }

    /** The return-by date has passed: the fee is forfeited unless the office decides otherwise. */
    public boolean holdOverdue() {
        return c.holdReturnBy() != null && today.isAfter(c.holdReturnBy());
    }

    // ---- the applicant ----

    public Identity identity() {
        Optional<Nik> nik = Nik.tryParse(c.applicant().nik());
        if (nik.isEmpty()) {
            return new Identity(false, null, null, false, false);
        }
        Nik n = nik.get();
        boolean dateAgrees = c.applicant().birthDate() != null && n.agreesWith(c.applicant().birthDate(), n.sex());
        return new Identity(true, n.birthDate(today), n.sex(), dateAgrees, n.sex() == c.applicant().sex());
    }

    public int age() {
        return c.applicant().ageOn(c.date());
    }

    public boolean minor() {
        return c.applicant().isMinorOn(c.date());
    }
}
