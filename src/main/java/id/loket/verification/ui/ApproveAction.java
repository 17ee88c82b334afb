package id.loket.verification.ui;

import id.loket.casefile.model.CaseFile;
import id.loket.common.i18n.Messages;
import id.loket.verification.service.VerificationService;

/** Approves the case (Ctrl+A): the officer's own when no supervisor is needed, else the supervisor's. */
public final class ApproveAction extends CaseStep {

    private final VerificationService verification;

    public ApproveAction(Messages messages, Key key, CaseDesk desk, VerificationService verification) {
        super(messages, key, desk);
        this.verification = verification;
    }

    @Override
    protected void perform(CaseFile c) {
        desk.act(actor -> verification.approve(c.caseRef(), actor), desk::afterStep, CaseStep::nothing);
    }
}
