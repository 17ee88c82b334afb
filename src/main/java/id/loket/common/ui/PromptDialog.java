package id.loket.common.ui;

import java.awt.Component;
import java.awt.Window;
import java.util.Optional;
import java.util.function.Function;
import javax.swing.JLabel;
import javax.swing.JTextField;

/**
 * Asks for one line of text (a note, an NTPN, the counter number). {@code check} answers
 * the problem with the text in the officer's words, or null when it is acceptable.
 */
public final class PromptDialog extends FormDialog {

    private final JTextField field;
    private final Function<String, String> check;

    private PromptDialog(Window owner, String name, String title, String intro, String label, String initial,
            int columns, Function<String, String> check, String okText, String cancelText) {
        super(owner, name, title, okText, cancelText);
        this.check = check;
        field = new JTextField(initial == null ? "" : initial, columns);
        field.setName(name + ".field");
        field.selectAll();
        if (intro != null) {
            JLabel introLabel = new JLabel(FormDialog.wrapped(intro));
            introLabel.setName(name + ".intro");
            form.add(introLabel, "span 2, left, wrap 12");
        }
        JLabel l = new JLabel(label);
        l.setLabelFor(field);
        form.add(l);
        form.add(field, "wmin 200");
    }

    /** Shows the prompt; the text (stripped) when confirmed and acceptable, empty when cancelled. */
    public static Optional<String> ask(Window owner, String name, String title, String intro, String label, String initial,
            int columns, Function<String, String> check, String okText, String cancelText) {
        PromptDialog d = new PromptDialog(owner, name, title, intro, label, initial, columns, check, okText, cancelText);
        return d.ask() ? Optional.of(d.field.getText().strip()) : Optional.empty();
    }

    @Override
    protected boolean accept() {
        String problem = check.apply(field.getText().strip());
        if (problem != null) {
            showProblem(problem, field);
            field.selectAll();
            return false;
        }
        return true;
    }

    @Override
    protected Component firstField() {
        return field;
    }
}
