package id.loket.verification.ui;

import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.InterviewOutcome;
import id.loket.common.i18n.Messages;
import id.loket.verification.service.VerificationService;

/** The interview passed (Ctrl+I): one key, no dialog (photo, fingerprints and interview are done). */
public final class InterviewAction extends CaseStep {

    private final VerificationService verification;

    public InterviewAction(Messages messages, Key key, CaseDesk desk, VerificationService verification) {
        super(messages, key, desk);
        this.verification = verification;
    }

    @Override
    protected void perform(CaseFile c) {
        desk.act(actor -> verification.interview(c.caseRef(), actor, InterviewOutcome.PASSED, null), desk::afterStep, CaseStep::nothing);
    }
}
