package id.loket.pickup.ui;

import id.loket.common.i18n.Messages;
import id.loket.common.ui.StepAction;
import id.loket.pickup.service.PickupService;
import id.loket.staff.model.Session;
import java.awt.Window;

/** The printed passports have come (F9): their receipts are scanned or chosen, and the cases become ready for pickup. */
public final class MarkReadyAction extends StepAction {

    /** The counter as this step sees it. */
    public interface Desk {
        boolean signedIn();

        boolean busy();

        /** The signed-in session at this desk's counter. */
        Session actor();

        Window window();

        /** A line of information in the scan bar. */
        void info(String text);

        void focusScan();

        /** Reads the queue again. */
        void reload();
    }

    private final Messages messages;
    private final Desk desk;
    private final PickupService pickup;
    private final String office;

    public MarkReadyAction(Messages messages, Key key, Desk desk, PickupService pickup, String office) {
        super(messages, key);
        this.messages = messages;
        this.desk = desk;
        this.pickup = pickup;
        this.office = office;
    }

    @Override
    protected void perform() {
        if (!desk.signedIn() || desk.busy()) {
            return;
        }
        Session actor = desk.actor();
        int marked = MarkReadyDialog.show(desk.window(), messages, () -> pickup.waitingForPassport(actor, office),
                receipt -> pickup.markReady(receipt, actor));
        if (marked > 0) {
            desk.info(messages.get("counter.markReady.done", marked));
            desk.reload();
        }
        desk.focusScan();
    }
}
