package id.loket.checkin.ui;

import id.loket.checkin.service.CheckInService;
import id.loket.common.i18n.Messages;
import id.loket.common.ui.FormDialog;
import id.loket.common.ui.StepAction;
import javax.swing.JOptionPane;

/**
 * Calls the next applicant in the queue to this counter (F6). While a case is still being
 * worked here, the officer confirms first.
 */
public final class CallNextAction extends StepAction {

    private final Messages messages;
    private final CallDesk desk;
    private final CheckInService checkIn;

    public CallNextAction(Messages messages, Key key, CallDesk desk, CheckInService checkIn) {
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
        if (desk.callNextLeavesCaseOpen()) {
            Object[] options = {messages.get("counter.callNext.confirm.yes"), messages.get("counter.dialog.cancel")};
            int answer = JOptionPane.showOptionDialog(desk.window(), messages.get("counter.callNext.confirm",
                    desk.current().queueNumber().toString(), messages.name(desk.current().status())),
                    messages.get("counter.action.callNext"), JOptionPane.YES_NO_OPTION, JOptionPane.QUESTION_MESSAGE, null, options,
                    options[1]);
            FormDialog.giveFocusBack(desk.window(), null);
            if (answer != 0) {
                desk.focusWork();
                return;
            }
        }
        desk.whileBusy(actor -> checkIn.callNext(actor), next -> {
            if (next.isEmpty()) {
                desk.info(messages.get("counter.callNext.none"));
                desk.focusScan();
            } else {
                desk.called(next.get());
            }
            desk.reload();
        });
    }
}
