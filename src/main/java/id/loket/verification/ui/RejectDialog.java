package id.loket.verification.ui;

import id.loket.casefile.model.RejectionReason;
import id.loket.common.i18n.Messages;
import id.loket.common.ui.FormDialog;
import id.loket.common.ui.Keys;
import java.awt.Component;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.swing.JCheckBox;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JTextField;
import net.miginfocom.swing.MigLayout;

/**
 * Rejecting a case: one or more reason codes (keys 1–7 tick them) and a note, which is
 * required. The note starts with what the checklist found.
 */
public final class RejectDialog extends FormDialog {

    /** What the officer decided. */
    public record Rejection(Set<RejectionReason> reasons, String note) {
    }

    private final Messages messages;
    private final Map<RejectionReason, JCheckBox> boxes = new EnumMap<>(RejectionReason.class);
    private final JTextField note = new JTextField(40);
    private final JPanel reasons = new JPanel(new MigLayout("insets 0, wrap 1, gap 2", "[]", ""));

    private RejectDialog(Window owner, Messages messages, String queueNumber, String applicant, Set<RejectionReason> suggested,
            String suggestedNote) {
        super(owner, "reject.dialog", messages.get("counter.reject.title", queueNumber), messages.get("counter.reject.ok"),
                messages.get("counter.dialog.cancel"));
        this.messages = messages;
        JLabel intro = new JLabel(FormDialog.wrapped(messages.get("counter.reject.intro", queueNumber, applicant)));
        form.add(intro, "span 2, left, wrap 12");
        int i = 1;
        for (RejectionReason r : RejectionReason.values()) {
            JCheckBox b = new JCheckBox(i + "  " + messages.name(r));
            b.setName("reject.reason." + r.name());
            b.setSelected(suggested.contains(r));
            boxes.put(r, b);
            reasons.add(b);
            int digit = KeyEvent.VK_0 + i;
            Keys.bind(getRootPane(), JComponent.WHEN_IN_FOCUSED_WINDOW, Keys.key(digit), "reason" + i, () -> {
                if (!note.isFocusOwner()) {
                    b.setSelected(!b.isSelected());
                    b.requestFocusInWindow();
                }
            });
            i++;
        }
        JLabel reasonsLabel = new JLabel(messages.get("counter.reject.reasons"));
        form.add(reasonsLabel, "aligny top");
        form.add(reasons, "wrap");
        JLabel noteLabel = new JLabel(messages.get("counter.reject.note"));
        noteLabel.setLabelFor(note);
        note.setName("reject.note");
        note.setText(suggestedNote == null ? "" : suggestedNote);
        form.add(noteLabel);
        form.add(note, "wrap");
        JLabel keys = new JLabel(messages.get("counter.reject.keys"));
        keys.putClientProperty(com.formdev.flatlaf.FlatClientProperties.STYLE_CLASS, "small");
        form.add(keys, "skip, left");
    }

    /** Asks for the reasons and the note; empty when the officer cancels. */
    public static Optional<Rejection> ask(Window owner, Messages messages, String queueNumber, String applicant,
            Set<RejectionReason> suggested, String suggestedNote) {
        RejectDialog d = new RejectDialog(owner, messages, queueNumber, applicant, suggested, suggestedNote);
        if (!d.ask()) {
            return Optional.empty();
        }
        return Optional.of(new Rejection(d.chosen(), d.note.getText().strip()));
    }

    private Set<RejectionReason> chosen() {
        Set<RejectionReason> set = EnumSet.noneOf(RejectionReason.class);
        boxes.forEach((r, b) -> {
            if (b.isSelected()) {
                set.add(r);
            }
        });
        return set;
    }

    @Override
    protected boolean accept() {
        if (chosen().isEmpty()) {
            showProblem(messages.get("reject.noReason"), boxes.get(RejectionReason.DATA_MISMATCH));
            return false;
        }
        if (note.getText().isBlank()) {
            showProblem(messages.get("reject.noteRequired"), note);
            return false;
        }
        return true;
    }

    @Override
    protected Component firstField() {
        return chosen().isEmpty() ? boxes.get(RejectionReason.DATA_MISMATCH) : note;
    }
}
