package id.loket.checkin.ui;

import id.loket.checkin.service.CheckInService;
import id.loket.common.i18n.Messages;
import id.loket.common.ui.StepAction;

/** Registers an applicant without a booking (Ctrl+W): the walk-in form, then the queue ticket. */
public final class WalkInAction extends StepAction {

    private final Messages messages;
    private final CallDesk desk;
    private final CheckInService checkIn;

    public WalkInAction(Messages messages, Key key, CallDesk desk, CheckInService checkIn) {
        super(messages, key);
        this.messages = messages;
        this.desk = desk;
        this.checkIn = checkIn;
    }

    @Override
    protected void perform() {
        if (!desk.signedIn() || desk.busy()) {
            return;
        }
        WalkInDialog.ask(desk.window(), messages, desk.today(), checkIn::walkInWarnings).ifPresentOrElse(r -> {
            desk.whileBusy(actor -> checkIn.registerWalkIn(r.form(), actor, r.warningsConfirmed()), c -> {
                desk.ticket(c, messages.get("counter.scan.walkInTicket", c.applicant().fullName(), c.caseRef()));
                desk.focusScan();
                desk.reload();
            });
        }, desk::focusScan);
    }
}
