package id.loket.verification.ui;

import id.loket.casefile.model.CaseFile;
import id.loket.common.i18n.Messages;
import id.loket.verification.service.VerificationService;

/**
 * Rejects the case (Ctrl+R): the reasons and a note, starting with what the checklist found
 * ({@link CaseView#suggestedReasons()}); then the rejection slip.
 */
public final class RejectAction extends CaseStep {

    private final VerificationService verification;

    public RejectAction(Messages messages, Key key, CaseDesk desk, VerificationService verification) {
        super(messages, key, desk);
        this.verification = verification;
    }

    /** The rejection form, if rejecting is possible now (also after a check that found a mismatch). */
    void ask() {
        perform();
    }

    @Override
    protected void perform(CaseFile c) {
        if (!isEnabled()) {
            return;
        }
        CaseView v = desk.view().orElse(null);
        if (v == null) {
            return;
        }
        RejectDialog.ask(desk.window(), messages, c.queueNumber().toString(), c.applicant().fullName(), v.suggestedReasons(),
                v.suggestedRejectionNote(messages))
                .ifPresentOrElse(r -> desk.act(actor -> verification.reject(c.caseRef(), actor, r.reasons(), r.note()),
                        done -> desk.print(done, CaseView.Paper.REJECTION_SLIP, false), CaseStep::nothing), desk::focusWork);
    }
}
