package id.loket.verification.ui;

import id.loket.casefile.model.CaseFile;
import id.loket.common.i18n.Messages;
import id.loket.common.ui.StepAction;

/**
 * A step on the case at the counter: does nothing while no case is shown or another step
 * runs, else {@link #perform(CaseFile)} with the case.
 */
public abstract class CaseStep extends StepAction {

    protected final Messages messages;
    protected final CaseDesk desk;

    protected CaseStep(Messages messages, Key key, CaseDesk desk) {
        super(messages, key);
        this.messages = messages;
        this.desk = desk;
    }

    @Override
    protected final void perform() {
        CaseFile c = desk.current();
        if (c == null || desk.busy()) {
            return;
        }
        perform(c);
    }

    protected abstract void perform(CaseFile c);

    /** Refusals are shown by the desk; nothing more to do. */
    protected static void nothing(Exception e) {
        // the desk showed the refusal and reads the case again
    }
}
