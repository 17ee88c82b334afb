package id.loket.verification.ui;

import id.loket.casefile.model.CaseFile;
import id.loket.common.i18n.Messages;
import id.loket.common.ui.PromptDialog;
import id.loket.verification.service.VerificationService;

/** Flags the case for the supervisor (Ctrl+T), with a note saying why. */
public final class FlagAction extends CaseStep {

    private final VerificationService verification;

    public FlagAction(Messages messages, Key key, CaseDesk desk, VerificationService verification) {
        super(messages, key, desk);
        this.verification = verification;
    }

    @Override
    protected void perform(CaseFile c) {
        PromptDialog.ask(desk.window(), "flag.dialog", messages.get("counter.flag.title", c.queueNumber().toString()),
                messages.get("counter.flag.intro"), messages.get("counter.flag.note"), "", 36,
                text -> text.isBlank() ? messages.get("flag.noteRequired") : null,
                messages.get("counter.flag.ok"), messages.get("counter.dialog.cancel"))
                .ifPresentOrElse(note -> desk.act(actor -> verification.flag(c.caseRef(), actor, note),
                        done -> desk.focusWork(), CaseStep::nothing), desk::focusWork);
    }
}
