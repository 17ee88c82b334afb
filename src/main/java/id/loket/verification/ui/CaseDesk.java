package id.loket.verification.ui;

import id.loket.casefile.model.CaseFile;
import id.loket.staff.model.Session;
import java.awt.Window;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The counter as the case steps see it: the case at this counter, the officer, and how a step
 * runs and what comes after it. The counter screen implements it; the step actions of the
 * case (here, and in the features that sit above verification) call back through it, so no
 * feature's screen code depends on the counter.
 */
public interface CaseDesk {

    /** The case at this counter, or null. */
    CaseFile current();

    /** The case at this counter as the signed-in officer sees it (empty when none or signed out). */
    Optional<CaseView> view();

    /** A step is running: no other may start. */
    boolean busy();

    /** The signed-in session at this desk's counter. */
    Session actor();

    /** The window dialogs belong to. */
    Window window();

    /**
     * Takes a step on the task thread, as the officer signed in when it was asked for ({@code work}
     * gets that session, read on the event-dispatch thread): while it runs the steps are disabled; then the case is
     * shown as the store has it, {@code done} runs, and the queue reloads. A refusal is shown in
     * the officer's words, {@code refused} runs, and the case is read again.
     */
    void act(Function<Session, CaseFile> work, Consumer<CaseFile> done, Consumer<Exception> refused);

    /** After a step: on to the next input of this case, or back to the scan field when it is done here. */
    void afterStep(CaseFile c);

    /** The cursor where the next input of the case goes; false when the case needs nothing more here. */
    boolean focusWork();

    /** The cursor in the checklist, on the next document to look at. */
    void focusChecklist();

    /** The print preview of the case's paper ({@code copy}: a reprint marked SALINAN). */
    void print(CaseFile c, CaseView.Paper paper, boolean copy);
}
