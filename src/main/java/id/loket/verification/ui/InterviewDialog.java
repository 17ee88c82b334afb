package id.loket.verification.ui;

import id.loket.casefile.model.InterviewOutcome;
import id.loket.common.i18n.Messages;
import id.loket.common.ui.FormDialog;
import id.loket.common.ui.Keys;
import java.awt.Component;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.util.Optional;
import javax.swing.ButtonGroup;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JRadioButton;
import javax.swing.JTextField;
import net.miginfocom.swing.MigLayout;

/**
 * Recording that photo, fingerprints and interview are done: passed (the default, Enter), or
 * flagged for the supervisor (F), which needs a note saying why.
 */
public final class InterviewDialog extends FormDialog {

    /** What the officer recorded. */
    public record Interview(InterviewOutcome outcome, String note) {
    }

    private final Messages messages;
    private final JRadioButton passed;
    private final JRadioButton flagged;
    private final JTextField note = new JTextField(36);

    private InterviewDialog(Window owner, Messages messages, String queueNumber, String applicant, boolean needsSupervisor) {
        super(owner, "interview.dialog", messages.get("counter.interview.title", queueNumber), messages.get("counter.interview.ok"),
                messages.get("counter.dialog.cancel"));
        this.messages = messages;
        JLabel intro = new JLabel(FormDialog.wrapped(messages.get(needsSupervisor ? "counter.interview.introApproval" : "counter.interview.intro",
                queueNumber, applicant)));
        form.add(intro, "span 2, left, wrap 12");
        passed = new JRadioButton(messages.name(InterviewOutcome.PASSED) + "   (P)");
        passed.setName("interview.passed");
        flagged = new JRadioButton(messages.name(InterviewOutcome.FLAGGED) + "   (F)");
        flagged.setName("interview.flagged");
        ButtonGroup group = new ButtonGroup();
        group.add(passed);
        group.add(flagged);
        passed.setSelected(true);
        JPanel outcomes = new JPanel(new MigLayout("insets 0, wrap 1, gap 2", "[]", ""));
        outcomes.add(passed);
        outcomes.add(flagged);
        form.add(new JLabel(messages.get("counter.interview.outcome")), "aligny top");
        form.add(outcomes, "wrap");
        JLabel noteLabel = new JLabel(messages.get("counter.interview.note"));
        noteLabel.setLabelFor(note);
        note.setName("interview.note");
        form.add(noteLabel);
        form.add(note);
        Keys.bind(getRootPane(), JComponent.WHEN_IN_FOCUSED_WINDOW, Keys.key(KeyEvent.VK_P), "passed", () -> choose(passed));
        Keys.bind(getRootPane(), JComponent.WHEN_IN_FOCUSED_WINDOW, Keys.key(KeyEvent.VK_F), "flagged", () -> choose(flagged));
    }

    private void choose(JRadioButton b) {
        if (!note.isFocusOwner()) {
            b.setSelected(true);
            if (b == flagged) {
                note.requestFocusInWindow();
            }
        }
    }

    public static Optional<Interview> ask(Window owner, Messages messages, String queueNumber, String applicant, boolean needsSupervisor) {
        InterviewDialog d = new InterviewDialog(owner, messages, queueNumber, applicant, needsSupervisor);
        if (!d.ask()) {
            return Optional.empty();
        }
        String text = d.note.getText().strip();
        return Optional.of(new Interview(d.flagged.isSelected() ? InterviewOutcome.FLAGGED : InterviewOutcome.PASSED,
                text.isEmpty() ? null : text));
    }

    @Override
    protected boolean accept() {
        if (flagged.isSelected() && note.getText().isBlank()) {
            showProblem(messages.get("interview.flagNoteRequired"), note);
            return false;
        }
        return true;
    }

    @Override
    protected Component firstField() {
        return passed;
    }
}
