package id.loket.checkin.ui;

import id.loket.casefile.model.CaseFile;
import id.loket.staff.model.Session;
import java.awt.Window;
import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The counter as the calling and check-in steps see it: the case at this counter, the officer,
 * the scan bar's lines, and how a step runs. The counter screen implements it, so check-in's
 * screen code does not depend on the counter.
 */
public interface CallDesk {

    /** Someone is signed in at this desk. */
    boolean signedIn();

    /** The case at this counter, or null. */
    CaseFile current();

    /** A step is running: no other may start. */
    boolean busy();

    /** The signed-in session at this desk's counter. */
    Session actor();

    /** This desk's counter number. */
    String counter();

    LocalDate today();

    /** The window dialogs belong to. */
    Window window();

    /** A step on the case at this counter, as {@code CaseDesk.act}: the case shown again after it, a refusal in words. */
    void act(Function<Session, CaseFile> work, Consumer<CaseFile> done, Consumer<Exception> refused);

    /** Work on the task thread as the signed-in officer, with the steps disabled meanwhile; a refusal is shown in the scan bar. */
    <T> void whileBusy(Function<Session, T> work, Consumer<T> done);

    /** Calling next must be confirmed: a case is still being worked at this counter. */
    boolean callNextLeavesCaseOpen();

    /** The case just called to this counter: its ticket in the scan bar, the case opened. */
    void called(CaseFile c);

    /** The cursor where the next input of the case on screen goes; false when it needs nothing more here. */
    boolean focusWork();

    void focusScan();

    /** A line of information in the scan bar. */
    void info(String text);

    /** The queue ticket of {@code c} in the scan bar, with a line about it. */
    void ticket(CaseFile c, String text);

    /** Reads the queue again. */
    void reload();
}
