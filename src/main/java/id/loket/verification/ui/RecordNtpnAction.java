package id.loket.verification.ui;

import id.loket.appointment.model.Ntpn;
import id.loket.casefile.model.CaseFile;
import id.loket.common.i18n.Messages;
import id.loket.common.ui.PromptDialog;
import id.loket.verification.service.VerificationService;

/** Records the payment's NTPN as the bank printed it (Ctrl+N): 16 letters and digits. */
public final class RecordNtpnAction extends CaseStep {

    private final VerificationService verification;

    public RecordNtpnAction(Messages messages, Key key, CaseDesk desk, VerificationService verification) {
        super(messages, key, desk);
        this.verification = verification;
    }

    @Override
    protected void perform(CaseFile c) {
        PromptDialog.ask(desk.window(), "ntpn.dialog", messages.get("counter.ntpn.title", c.queueNumber().toString()),
                messages.get("counter.ntpn.intro"), messages.get("counter.ntpn.label"), c.paymentNtpn() == null ? "" : c.paymentNtpn(), 20,
                text -> Ntpn.isValid(text) ? null : messages.get("payment.badNtpn"),
                messages.get("counter.ntpn.ok"), messages.get("counter.dialog.cancel"))
                .ifPresentOrElse(ntpn -> desk.act(actor -> verification.recordPayment(c.caseRef(), actor, ntpn),
                        done -> desk.focusWork(), CaseStep::nothing), desk::focusWork);
    }
}
