package id.loket.verification.service;

import id.loket.appointment.model.Ntpn;
import id.loket.staff.service.Officer;
import id.loket.staff.model.Session;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Guarded;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import id.loket.casefile.model.CaseAction;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.DocumentCheck;
import id.loket.casefile.model.DocumentResult;
import id.loket.casefile.model.DocumentRules;
import id.loket.casefile.model.DocumentType;
import id.loket.casefile.model.EventType;
import id.loket.casefile.model.InterviewOutcome;
import id.loket.casefile.model.Lifecycle;
import id.loket.casefile.model.RejectionReason;
import id.loket.casefile.service.CaseWork;
import id.loket.casefile.service.CaseWork.Event;
import id.loket.casefile.service.CaseWork.Outcome;
import id.loket.casefile.service.CaseWork.Step;
import id.loket.common.model.UserFacingException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Document verification and what follows it: each document's result, then VERIFIED, ON_HOLD
 * (with the missing documents and a return-by date) or REJECTED (with reasons and a note);
 * resuming a held case; the interview; the supervisor's approval; payment proof.
 */
public final class VerificationService {

    private static final int NOTE_MAX = 1000;

    private final CaseWork work;
    private final int holdDays;

    /** {@code holdDays}: how long an applicant on hold has to bring what is missing (a setting, 7 by default). */
    public VerificationService(CaseWork work, int holdDays) {
        this.work = work;
        this.holdDays = holdDays;
    }

    @Guarded(Permission.VIEW_QUEUE)
    public CaseFile get(Session session, String caseRef) {
        work.require(session, Permission.VIEW_QUEUE);
        return work.load(caseRef);
    }

    /** Records what the officer found for one document. MISMATCH and NOT_APPLICABLE need a note. */
    @Guarded(Permission.VERIFY)
    public CaseFile recordDocument(String caseRef, Session session, DocumentType type, DocumentResult result, String note) {
        Officer actor = work.require(session, Permission.VERIFY);
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (result != null && result.needsNote() && cleanNote == null) {
            throw new UserFacingException("verify.noteRequired", type.name(), result.name());
        }
        checkNote(cleanNote);
        return work.act(caseRef, actor, CaseAction.RECORD_DOCUMENT, (c, to, now) -> {
            if (c.documents().stream().noneMatch(d -> d.type() == type)) {
                throw new UserFacingException("verify.notOnChecklist", type.name());
            }
            List<DocumentCheck> docs = c.documents().stream().map(d -> d.type() == type ? d.withResult(result, cleanNote) : d).toList();
            return new Outcome(c.toBuilder().documents(docs).build(), List.of(new Step(CaseAction.RECORD_DOCUMENT, c.status(), c.status(),
                    type + "=" + result + (cleanNote == null ? "" : " (" + cleanNote + ")"), List.of())));
        });
    }

    /**
     * Ends the document check: every required document verified → VERIFIED; something missing →
     * ON_HOLD with what is missing and the return-by date. A mismatch must be rejected with
     * reasons ({@link #reject}); an unfinished checklist is refused with what is left.
     */
    @Guarded(Permission.VERIFY)
    public CaseFile finish(String caseRef, Session session) {
        Officer actor = work.require(session, Permission.VERIFY);
        CaseFile current = work.load(caseRef);
        DocumentRules.Verdict verdict = DocumentRules.verdict(current.documents());
        return switch (verdict) {
            case INCOMPLETE -> throw new UserFacingException("verify.incomplete", unchecked(current));
            case MISMATCH -> throw new UserFacingException("verify.mismatchNeedsRejection");
            case VERIFIED -> work.act(caseRef, actor, CaseAction.VERIFY, (c, to, now) -> {
                requireVerdict(c, DocumentRules.Verdict.VERIFIED);
                ArrayNode docs = CaseWork.data().arrayNode();
                for (DocumentCheck d : c.documents()) {
                    if (d.result() != null) {
                        docs.addObject().put("type", d.type().name()).put("result", d.result().name()).put("note", d.note());
                    }
                }
                ObjectNode data = CaseWork.data();
                data.set("documents", docs);
                return new Outcome(c.toBuilder().status(to.orElseThrow()).build(), List.of(
                        new Step(CaseAction.VERIFY, c.status(), to.orElseThrow(), null, List.of(new Event(EventType.DOCUMENTS_VERIFIED, data)))));
            });
            case MISSING -> work.act(caseRef, actor, CaseAction.PUT_ON_HOLD, (c, to, now) -> {
                requireVerdict(c, DocumentRules.Verdict.MISSING);
                List<DocumentType> missing = DocumentRules.missing(c.documents());
                LocalDate returnBy = c.date().plusDays(holdDays);
                ObjectNode data = CaseWork.data();
                ArrayNode list = data.putArray("missing");
                missing.forEach(m -> list.add(m.name()));
                data.put("returnBy", returnBy.toString());
                return new Outcome(c.toBuilder().status(to.orElseThrow()).holdReturnBy(returnBy).build(), List.of(
                        new Step(CaseAction.PUT_ON_HOLD, c.status(), to.orElseThrow(), "missing " + missing + ", return by " + returnBy,
                                List.of(new Event(EventType.PUT_ON_HOLD, data)))));
            });
        };
    }

    private static void requireVerdict(CaseFile c, DocumentRules.Verdict expected) {
        if (DocumentRules.verdict(c.documents()) != expected) {
            throw new UserFacingException("case.changedMeanwhile", c.queueNumber());
        }
    }

    private static String unchecked(CaseFile c) {
        List<String> open = new ArrayList<>();
        for (DocumentCheck d : c.documents()) {
            if (d.result() == null && d.requirement() != id.loket.casefile.model.Requirement.IF_APPLICABLE) {
                open.add(d.type().name());
            }
        }
        return String.join(", ", open);
    }

    /** The applicant came back: the case returns to verification; what was missing is to be checked again. */
    @Guarded(Permission.VERIFY)
    public CaseFile resume(String caseRef, Session session) {
        Officer actor = work.require(session, Permission.VERIFY);
        return work.act(caseRef, actor, CaseAction.RESUME, (c, to, now) -> {
            List<DocumentCheck> reset = c.documents().stream()
                    .map(d -> d.result() == DocumentResult.MISSING ? d.withResult(null, null) : d).toList();
            return new Outcome(c.toBuilder().status(to.orElseThrow()).documents(reset).counter(actor.counter())
                    .officer(actor.username()).calledAt(now).build(),
                    List.of(new Step(CaseAction.RESUME, c.status(), to.orElseThrow(), "returned, was due by " + c.holdReturnBy(), List.of())));
        });
    }

    /** Rejects the case with reason codes and a note (the note is required). */
    @Guarded(Permission.VERIFY)
    public CaseFile reject(String caseRef, Session session, Set<RejectionReason> reasons, String note) {
        Officer actor = work.require(session, Permission.VERIFY);
        if (reasons == null || reasons.isEmpty()) {
            throw new UserFacingException("reject.noReason");
        }
        if (note == null || note.isBlank()) {
            throw new UserFacingException("reject.noteRequired");
        }
        checkNote(note.strip());
        Set<RejectionReason> codes = EnumSet.copyOf(reasons);
        return work.act(caseRef, actor, CaseAction.REJECT, (c, to, now) -> {
            ObjectNode data = CaseWork.data();
            ArrayNode list = data.putArray("reasons");
            codes.forEach(r -> list.add(r.name()));
            data.put("note", note.strip());
            return new Outcome(c.toBuilder().status(to.orElseThrow()).rejectionReasons(codes).rejectionNote(note.strip()).build(),
                    List.of(new Step(CaseAction.REJECT, c.status(), to.orElseThrow(), codes + ": " + note.strip(),
                            List.of(new Event(EventType.REJECTED, data)))));
        });
    }

    /**
     * Records the interview and biometrics as done. A case that needs a supervisor (lost or
     * damaged passport, flagged, or flagged now by the outcome) goes on to APPROVAL_PENDING.
     */
    @Guarded(Permission.VERIFY)
    public CaseFile interview(String caseRef, Session session, InterviewOutcome outcome, String note) {
        Officer actor = work.require(session, Permission.VERIFY);
        if (outcome == InterviewOutcome.FLAGGED && (note == null || note.isBlank())) {
            throw new UserFacingException("interview.flagNoteRequired");
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        checkNote(cleanNote);
        return work.act(caseRef, actor, CaseAction.INTERVIEW, (c, to, now) -> {
            CaseFile interviewed = c.toBuilder().status(to.orElseThrow()).interviewOutcome(outcome).interviewNote(cleanNote)
                    .interviewedBy(actor.username()).interviewedAt(now)
                    .flagged(c.flagged() || outcome == InterviewOutcome.FLAGGED)
                    .flagNote(outcome == InterviewOutcome.FLAGGED ? cleanNote : c.flagNote()).build();
            List<Step> steps = new ArrayList<>();
            steps.add(new Step(CaseAction.INTERVIEW, c.status(), to.orElseThrow(), outcome + (cleanNote == null ? "" : ": " + cleanNote),
                    List.of(new Event(EventType.INTERVIEWED, CaseWork.data().put("outcome", outcome.name())))));
            if (interviewed.needsSupervisorApproval()) {
                CaseStatus pending = Lifecycle.check(interviewed.status(), CaseAction.REQUEST_APPROVAL, actor.role()).orElseThrow();
                steps.add(new Step(CaseAction.REQUEST_APPROVAL, interviewed.status(), pending, approvalReason(interviewed),
                        List.of(new Event(EventType.APPROVAL_REQUESTED, CaseWork.data().put("reason", approvalReason(interviewed))))));
                interviewed = interviewed.toBuilder().status(pending).build();
            }
            return new Outcome(interviewed, steps);
        });
    }

    private static String approvalReason(CaseFile c) {
        return c.flagged() ? "FLAGGED" : c.service().name();
    }

    /**
     * Flags a case for the supervisor's approval, with a note saying why. A case already
     * interviewed goes to APPROVAL_PENDING at once; earlier, it will after the interview.
     */
    @Guarded(Permission.VERIFY)
    public CaseFile flag(String caseRef, Session session, String note) {
        Officer actor = work.require(session, Permission.VERIFY);
        if (note == null || note.isBlank()) {
            throw new UserFacingException("flag.noteRequired");
        }
        String clean = note.strip();
        checkNote(clean);
        return work.act(caseRef, actor, CaseAction.FLAG, (c, to, now) -> {
            CaseFile flagged = c.toBuilder().flagged(true).flagNote(clean).build();
            List<Step> steps = new ArrayList<>();
            steps.add(new Step(CaseAction.FLAG, c.status(), c.status(), clean, List.of()));
            if (c.status() == CaseStatus.INTERVIEWED) {
                CaseStatus pending = Lifecycle.check(c.status(), CaseAction.REQUEST_APPROVAL, actor.role()).orElseThrow();
                steps.add(new Step(CaseAction.REQUEST_APPROVAL, c.status(), pending, "FLAGGED",
                        List.of(new Event(EventType.APPROVAL_REQUESTED, CaseWork.data().put("reason", "FLAGGED")))));
                flagged = flagged.toBuilder().status(pending).build();
            }
            return new Outcome(flagged, steps);
        });
    }

    /**
     * Approves the case. From INTERVIEWED, the officer approves a case that needs no
     * supervisor; from APPROVAL_PENDING, only a supervisor approves (the lifecycle says so).
     */
    @Guarded(Permission.APPROVE)
    public CaseFile approve(String caseRef, Session session) {
        Officer actor = work.require(session, Permission.APPROVE);
        return work.act(caseRef, actor, CaseAction.APPROVE, (c, to, now) -> {
            if (c.status() == CaseStatus.INTERVIEWED && c.needsSupervisorApproval()) {
                throw new UserFacingException("approve.needsSupervisor", c.queueNumber().toString());
            }
            return new Outcome(c.toBuilder().status(to.orElseThrow()).approvedBy(actor.username()).approvedAt(now).build(),
                    List.of(new Step(CaseAction.APPROVE, c.status(), to.orElseThrow(), null, List.of(new Event(EventType.APPROVED, CaseWork.data())))));
        });
    }

    /** Records the NTPN from the applicant's proof of payment; unconfirmed until central confirms it. */
    @Guarded(Permission.VERIFY)
    public CaseFile recordPayment(String caseRef, Session session, String ntpn) {
        Officer actor = work.require(session, Permission.VERIFY);
        String clean = Ntpn.parse(ntpn).value();
        return work.act(caseRef, actor, CaseAction.RECORD_PAYMENT, (c, to, now) -> new Outcome(
                c.toBuilder().paymentNtpn(clean).paymentNtpnConfirmed(false).build(),
                List.of(new Step(CaseAction.RECORD_PAYMENT, c.status(), c.status(), "NTPN " + clean,
                        List.of(new Event(EventType.PAYMENT_RECORDED, CaseWork.data().put("ntpn", clean)))))));
    }

    private static void checkNote(String note) {
        if (note != null && note.length() > NOTE_MAX) {
            throw new UserFacingException("note.tooLong", NOTE_MAX);
        }
    }
}
