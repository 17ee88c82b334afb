package id.loket.counter.ui;

import id.loket.common.ui.Keys;
import id.loket.common.ui.StepAction;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import javax.swing.KeyStroke;

/**
 * Every key of the counter screen, in the order the help screen (F1) lists them, with the
 * bundle key of what it does. The actions take their accelerators from here, and
 * docs/keyboard.md is checked against this list, so the three cannot drift apart.
 */
public enum Shortcut implements StepAction.Key {
    // anywhere on the counter screen
    SCAN(Group.DESK, Keys.key(KeyEvent.VK_F2), "counter.action.scan"),
    SCAN_ALT(Group.DESK, Keys.ctrl(KeyEvent.VK_L), "counter.action.scan"),
    SEARCH_QUEUE(Group.DESK, Keys.ctrl(KeyEvent.VK_F), "counter.help.searchQueue"),
    SYNC(Group.DESK, Keys.key(KeyEvent.VK_F5), "action.syncNow"),
    DASHBOARD(Group.DESK, Keys.ctrl(KeyEvent.VK_D), "action.dashboard"),
    REPORTS(Group.DESK, KeyStroke.getKeyStroke(KeyEvent.VK_R, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK), "action.reports"),
    CONFLICTS(Group.DESK, KeyStroke.getKeyStroke(KeyEvent.VK_K, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK),
            "action.conflicts"),
    CALL_NEXT(Group.DESK, Keys.key(KeyEvent.VK_F6), "counter.action.callNext"),
    CALL(Group.DESK, Keys.key(KeyEvent.VK_F7), "counter.action.call"),
    RECALL(Group.DESK, KeyStroke.getKeyStroke(KeyEvent.VK_F6, InputEvent.SHIFT_DOWN_MASK), "counter.action.recall"),
    WALK_IN(Group.DESK, Keys.ctrl(KeyEvent.VK_W), "counter.action.walkIn"),
    MARK_READY(Group.DESK, Keys.key(KeyEvent.VK_F9), "counter.action.markReady"),
    COUNTER(Group.DESK, Keys.ctrl(KeyEvent.VK_K), "counter.action.counter"),
    HELP(Group.DESK, Keys.key(KeyEvent.VK_F1), "counter.action.help"),
    LOG_OUT(Group.DESK, KeyStroke.getKeyStroke(KeyEvent.VK_L, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK), "counter.action.logOut"),
    LOCK(Group.DESK, KeyStroke.getKeyStroke(KeyEvent.VK_F12, 0), "action.lock"),
    EXIT(Group.DESK, Keys.ctrl(KeyEvent.VK_Q), "action.exit"),
    // the case
    FINISH(Group.CASE, Keys.ctrl(KeyEvent.VK_ENTER), "counter.action.finish"),
    INTERVIEW(Group.CASE, Keys.ctrl(KeyEvent.VK_I), "counter.action.interviewPassed"),
    INTERVIEW_FLAG(Group.CASE, KeyStroke.getKeyStroke(KeyEvent.VK_I, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK),
            "counter.action.interviewFlag"),
    APPROVE(Group.CASE, Keys.ctrl(KeyEvent.VK_A), "counter.action.approve"),
    REJECT(Group.CASE, Keys.ctrl(KeyEvent.VK_R), "counter.action.reject"),
    FLAG(Group.CASE, Keys.ctrl(KeyEvent.VK_T), "counter.action.flag"),
    RECORD_NTPN(Group.CASE, Keys.ctrl(KeyEvent.VK_N), "counter.action.ntpn"),
    RESUME(Group.CASE, Keys.ctrl(KeyEvent.VK_U), "counter.action.resume"),
    ISSUE_RECEIPT(Group.CASE, Keys.ctrl(KeyEvent.VK_P), "counter.action.issueReceipt"),
    PRINT_AGAIN(Group.CASE, KeyStroke.getKeyStroke(KeyEvent.VK_P, InputEvent.CTRL_DOWN_MASK | InputEvent.SHIFT_DOWN_MASK),
            "counter.action.printAgain"),
    // in the checklist
    MOVE(Group.CHECKLIST, null, "counter.help.move", "↑ ↓"),
    VERIFIED(Group.CHECKLIST, Keys.key(KeyEvent.VK_V), "counter.help.verified"),
    MISMATCH(Group.CHECKLIST, Keys.key(KeyEvent.VK_M), "counter.help.mismatch"),
    MISSING(Group.CHECKLIST, Keys.key(KeyEvent.VK_X), "counter.help.missing"),
    NOT_APPLICABLE(Group.CHECKLIST, Keys.key(KeyEvent.VK_N), "counter.help.notApplicable"),
    CLEAR(Group.CHECKLIST, Keys.key(KeyEvent.VK_BACK_SPACE), "counter.help.clear"),
    NOTE_SAVE(Group.CHECKLIST, null, "counter.help.noteSave", "Enter"),
    NOTE_CANCEL(Group.CHECKLIST, null, "counter.help.noteCancel", "Esc"),
    CHECKLIST_ENTER(Group.CHECKLIST, Keys.key(KeyEvent.VK_ENTER), "counter.help.checklistEnter"),
    // scanning, lists and dialogs
    SCAN_ENTER(Group.FORMS, null, "counter.help.scanEnter", "Enter"),
    SCAN_ESC(Group.FORMS, null, "counter.help.scanEsc", "Esc"),
    QUEUE_OPEN(Group.FORMS, null, "counter.help.queueOpen", "Enter"),
    DIALOG_OK(Group.FORMS, null, "counter.help.dialogOk", "Enter"),
    DIALOG_CANCEL(Group.FORMS, null, "counter.help.dialogCancel", "Esc"),
    DIALOG_MOVE(Group.FORMS, null, "counter.help.dialogMove", "Tab"),
    REJECT_REASONS(Group.FORMS, null, "counter.help.rejectReasons", "1–7"),
    UNDO_CHECK_IN(Group.FORMS, null, "counter.help.undoCheckIn", "Esc");

    /** Where a key works. */
    public enum Group { DESK, CASE, CHECKLIST, FORMS }

    private final Group group;
    private final KeyStroke stroke;
    private final String descriptionKey;
    private final String text;

    Shortcut(Group group, KeyStroke stroke, String descriptionKey) {
        this(group, stroke, descriptionKey, null);
    }

    Shortcut(Group group, KeyStroke stroke, String descriptionKey, String text) {
        this.group = group;
        this.stroke = stroke;
        this.descriptionKey = descriptionKey;
        this.text = text;
    }

    public Group group() {
        return group;
    }

    /** The key as an accelerator (null for keys that only work inside one component). */
    public KeyStroke stroke() {
        return stroke;
    }

    public String descriptionKey() {
        return descriptionKey;
    }

    /** The key as written on screen and in docs/keyboard.md. */
    public String keyText() {
        return text != null ? text : Keys.text(stroke);
    }
}
