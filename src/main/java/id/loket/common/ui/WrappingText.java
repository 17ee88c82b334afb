package id.loket.common.ui;

import javax.swing.JTextArea;
import javax.swing.UIManager;

/**
 * A label whose text wraps at word boundaries to the width it is given, so a long message
 * (a return-by date at the end of a sentence, a refusal) is read whole, never cut with "…".
 */
public final class WrappingText extends JTextArea {

    public WrappingText() {
        setEditable(false);
        setFocusable(false);
        setLineWrap(true);
        setWrapStyleWord(true);
        setOpaque(false);
        setBorder(null);
        setFont(UIManager.getFont("Label.font"));
        setForeground(UIManager.getColor("Label.foreground"));
    }

    @Override
    public void updateUI() {
        super.updateUI();
        setFont(UIManager.getFont("Label.font"));
        // the label's colour of the theme now (dark mode), not the one of the theme it was made in
        setForeground(UIManager.getColor("Label.foreground"));
    }
}
