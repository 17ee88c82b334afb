package id.loket.checkin.ui;

import id.loket.casefile.model.CaseFile;
import id.loket.checkin.service.CheckInService;
import id.loket.common.i18n.Messages;
import id.loket.common.ui.StepAction;

/** Calls the open case's number again (Shift+F6): the waiting-room display repeats the announcement. */
public final class RecallAction extends StepAction {

    private final Messages messages;
    private final CallDesk desk;
    private final CheckInService checkIn;

    public RecallAction(Messages messages, Key key, CallDesk desk, CheckInService checkIn) {
        super(messages, key);
        this.messages = messages;
        this.desk = desk;
        this.checkIn = checkIn;
    }

    @Override
    protected void perform() {
        CaseFile c = desk.current();
        if (c == null || desk.busy()) {
            return;
        }
        desk.act(actor -> checkIn.recall(c.caseRef(), actor),
                again -> desk.info(messages.get("counter.recalled", again.queueNumber().toString(), desk.counter())), e -> { });
    }
}
