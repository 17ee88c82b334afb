package id.loket.verification.ui;

import id.loket.casefile.model.CaseFile;
import id.loket.common.i18n.Messages;
import id.loket.verification.service.VerificationService;

/** Resumes the case on hold whose applicant came back (Ctrl+U): the check goes on where it stopped. */
public final class ResumeAction extends CaseStep {

    private final VerificationService verification;

    public ResumeAction(Messages messages, Key key, CaseDesk desk, VerificationService verification) {
        super(messages, key, desk);
        this.verification = verification;
    }

    @Override
    protected void perform(CaseFile c) {
        desk.act(actor -> verification.resume(c.caseRef(), actor), done -> desk.focusWork(), CaseStep::nothing);
    }
}
