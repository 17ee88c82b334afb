package id.loket.common.ui;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.WindowConstants;
import net.miginfocom.swing.MigLayout;

/**
 * A small modal form for the keyboard: Enter (or Ctrl+Enter) confirms, Esc cancels, Tab moves
 * between fields. {@link #accept()} checks the input and keeps the dialog open with the
 * problem shown (and the field in question focused) until it is right.
 */
public abstract class FormDialog extends JDialog {

    /** The fields; MigLayout, two columns (labels right, fields growing). */
    protected final JPanel form = new JPanel(new MigLayout("insets 0, wrap 2, hidemode 3", "[right][grow,fill]", ""));
    private final JLabel problem = new JLabel(" ");
    private final JButton ok;
    private final JButton cancel;
    private boolean accepted;

    protected FormDialog(Window owner, String name, String title, String okText, String cancelText) {
        super(owner, title, ModalityType.APPLICATION_MODAL);
        setName(name);
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                cancel();
            }
        });
        ok = new JButton(okText);
        ok.setName(name + ".ok");
        ok.addActionListener(e -> tryAccept());
        cancel = new JButton(cancelText);
        cancel.setName(name + ".cancel");
        cancel.addActionListener(e -> cancel());
        Keys.enterClicks(cancel);
        problem.setName(name + ".problem");
        Theme.style(problem, "error");

        JPanel buttons = new JPanel(new MigLayout("insets 0, gap 8", "[grow][][]", "[]"));
        buttons.add(problem, "growx, wmin 0");
        buttons.add(ok, "sg buttons");
        buttons.add(cancel, "sg buttons");
        JPanel content = new JPanel(new BorderLayout(0, 12));
        Theme.style(content, "dialogContent");
        content.add(form, BorderLayout.CENTER);
        content.add(buttons, BorderLayout.SOUTH);
        setContentPane(content);
        getRootPane().setDefaultButton(ok);
        Keys.bind(getRootPane(), JComponent.WHEN_IN_FOCUSED_WINDOW, Keys.key(KeyEvent.VK_ESCAPE), "cancel", this::cancel);
        Keys.bind(getRootPane(), JComponent.WHEN_IN_FOCUSED_WINDOW, Keys.ctrl(KeyEvent.VK_ENTER), "accept", this::tryAccept);
    }

    /**
     * A long text as a label wraps it: at most about 42 characters a line of the current text
     * size (so at 150 % the lines hold as many words as at 100 %, and the dialog grows with them).
     */
    public static String wrapped(String text) {
        java.awt.Font font = javax.swing.UIManager.getFont("Label.font");
        // about 42 letters a line (340 px at 100 %), so a dialog grows with the text size and not with a long name
        int width = font == null ? 340 : new JLabel().getFontMetrics(font).charWidth('n') * 42;
        return "<html><body style='width: " + width + "px'>" + text.replace("&", "&amp;").replace("<", "&lt;") + "</body></html>";
    }

    /** Checks the input; answers false (after {@link #showProblem}) to keep the dialog open. */
    protected abstract boolean accept();

    /** Where the cursor starts. */
    protected abstract Component firstField();

    /** Shows what is wrong and puts the cursor where it can be fixed. */
    protected void showProblem(String text, Component field) {
        problem.setText(text);
        problem.setToolTipText(text);
        pack();
        Screens.fit(this);
        if (field != null) {
            field.requestFocusInWindow();
        }
    }

    protected void clearProblem() {
        problem.setText(" ");
        problem.setToolTipText(null);
    }

    protected JButton okButton() {
        return ok;
    }

    private void tryAccept() {
        if (accept()) {
            accepted = true;
            dispose();
        }
    }

    private void cancel() {
        accepted = false;
        dispose();
    }

    /** Shows the dialog (modal) and answers whether it was confirmed. */
    public boolean ask() {
        Screens.packWithin(this, getOwner());
        setMinimumSize(getSize());
        Component first = firstField();
        if (first != null) {
            addWindowListener(new WindowAdapter() {
                @Override
                public void windowOpened(WindowEvent e) {
                    first.requestFocusInWindow();
                }
            });
        }
        java.awt.Component before = java.awt.KeyboardFocusManager.getCurrentKeyboardFocusManager().getFocusOwner();
        setVisible(true);
        giveFocusBack(getOwner(), before);
        return accepted;
    }

    /**
     * Hands the keyboard back to the window under a closed dialog. A window manager does this
     * by itself; without one (a bare X server, a kiosk session) the keys would go nowhere.
     */
    public static void giveFocusBack(Window owner, java.awt.Component focus) {
        if (owner == null || !owner.isShowing()) {
            return;
        }
        if (!owner.isFocused()) {
            owner.toFront();
        }
        if (focus != null && focus.isShowing()) {
            focus.requestFocus();
        } else {
            owner.requestFocus();
        }
    }
}
