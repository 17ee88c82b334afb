package id.loket.verification.ui;

import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.InterviewOutcome;
import id.loket.common.i18n.Messages;
import id.loket.common.ui.PromptDialog;
import id.loket.verification.service.VerificationService;

/** The interview not passed (Ctrl+Shift+I): the reason, for the supervisor who decides. */
public final class InterviewFlagAction extends CaseStep {

    private final VerificationService verification;

    public InterviewFlagAction(Messages messages, Key key, CaseDesk desk, VerificationService verification) {
        super(messages, key, desk);
        this.verification = verification;
    }

    @Override
    protected void perform(CaseFile c) {
        PromptDialog.ask(desk.window(), "interview.dialog", messages.get("counter.interview.title", c.queueNumber().toString()),
                messages.get("counter.interview.notPassedIntro", c.queueNumber().toString(), c.applicant().fullName()),
                messages.get("counter.interview.note"), "", 36,
                text -> text.isBlank() ? messages.get("interview.flagNoteRequired") : null,
                messages.get("counter.interview.ok"), messages.get("counter.dialog.cancel"))
                .ifPresentOrElse(note -> desk.act(actor -> verification.interview(c.caseRef(), actor, InterviewOutcome.FLAGGED, note),
                        desk::afterStep, CaseStep::nothing), desk::focusWork);
    }
}
