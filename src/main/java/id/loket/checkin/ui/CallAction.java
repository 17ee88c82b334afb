package id.loket.checkin.ui;

import id.loket.casefile.model.CaseFile;
import id.loket.checkin.service.CheckInService;
import id.loket.common.i18n.Messages;
import id.loket.common.ui.StepAction;

/** Calls the checked-in case on screen to this counter (F7), out of the queue's order. */
public final class CallAction extends StepAction {

    private final CallDesk desk;
    private final CheckInService checkIn;

    public CallAction(Messages messages, Key key, CallDesk desk, CheckInService checkIn) {
        super(messages, key);
        this.desk = desk;
        this.checkIn = checkIn;
    }

    @Override
    protected void perform() {
        CaseFile c = desk.current();
        if (c == null || desk.busy()) {
            return;
        }
        desk.act(actor -> checkIn.call(c.caseRef(), actor), desk::called, e -> { });
    }
}
