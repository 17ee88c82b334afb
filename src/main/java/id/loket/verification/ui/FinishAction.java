package id.loket.verification.ui;

import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.CaseStatus;
import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import id.loket.verification.service.VerificationService;
import javax.swing.SwingUtilities;

/**
 * Finishes the document check (Ctrl+Enter): the case goes on to the interview, or on hold with
 * its slip when documents are missing. A mismatch must be rejected: the rejection form opens;
 * an incomplete checklist takes the cursor back to it.
 */
public final class FinishAction extends CaseStep {

    private final VerificationService verification;
    private final RejectAction reject;

    public FinishAction(Messages messages, Key key, CaseDesk desk, VerificationService verification, RejectAction reject) {
        super(messages, key, desk);
        this.verification = verification;
        this.reject = reject;
    }

    @Override
    protected void perform(CaseFile c) {
        desk.act(actor -> verification.finish(c.caseRef(), actor), done -> {
            if (done.status() == CaseStatus.ON_HOLD) {
                desk.print(done, CaseView.Paper.HOLD_SLIP, false);
            } else {
                desk.afterStep(done);
            }
        }, e -> {
            if (e instanceof UserFacingException u && "verify.mismatchNeedsRejection".equals(u.key())) {
                SwingUtilities.invokeLater(reject::ask);
            } else if (e instanceof UserFacingException u && "verify.incomplete".equals(u.key())) {
                desk.focusChecklist();
            }
        });
    }
}
