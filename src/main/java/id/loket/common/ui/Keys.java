package id.loket.common.ui;

import java.awt.event.ActionEvent;
import java.awt.event.InputEvent;
import java.awt.event.KeyEvent;
import javax.swing.AbstractAction;
import javax.swing.AbstractButton;
import javax.swing.Action;
import javax.swing.InputMap;
import javax.swing.JComponent;
import javax.swing.KeyStroke;

/** Key bindings the keyboard-first screens share, and how a key is written on screen. */
public final class Keys {

    private Keys() {
    }

    /** Binds {@code stroke} on {@code c} (for {@code condition}) to {@code action}. */
    public static void bind(JComponent c, int condition, KeyStroke stroke, String name, Runnable action) {
        c.getInputMap(condition).put(stroke, name);
        c.getActionMap().put(name, new AbstractAction() {
            @Override
            public void actionPerformed(ActionEvent e) {
                action.run();
            }
        });
    }

    /** Binds {@code stroke} on {@code c} (for {@code condition}) to an existing action. */
    public static void bind(JComponent c, int condition, KeyStroke stroke, String name, Action action) {
        c.getInputMap(condition).put(stroke, name);
        c.getActionMap().put(name, action);
    }

    /**
     * Takes the component's own meaning away from these keys (in every input map and its
     * parents), so they reach the window: a table must not swallow F2, Ctrl+A or Enter.
     */
    public static void release(JComponent c, KeyStroke... strokes) {
        for (int condition : new int[] {JComponent.WHEN_FOCUSED, JComponent.WHEN_ANCESTOR_OF_FOCUSED_COMPONENT}) {
            for (InputMap map = c.getInputMap(condition); map != null; map = map.getParent()) {
                for (KeyStroke s : strokes) {
                    map.remove(s);
                }
            }
        }
    }

    /** Enter on a focused button presses it (FlatLaf, like Metal, only does that with Space). */
    public static void enterClicks(AbstractButton b) {
        bind(b, JComponent.WHEN_FOCUSED, KeyStroke.getKeyStroke(KeyEvent.VK_ENTER, 0), "enterClicks", b::doClick);
    }

    public static KeyStroke key(int code) {
        return KeyStroke.getKeyStroke(code, 0);
    }

    public static KeyStroke ctrl(int code) {
        return KeyStroke.getKeyStroke(code, InputEvent.CTRL_DOWN_MASK);
    }

    /** A key as the help screen and the tooltips show it: {@code Ctrl+Enter}, {@code F6}, {@code V}. */
    public static String text(KeyStroke k) {
        if (k == null) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        int m = k.getModifiers();
        if ((m & InputEvent.CTRL_DOWN_MASK) != 0) {
            b.append("Ctrl+");
        }
        if ((m & InputEvent.ALT_DOWN_MASK) != 0) {
            b.append("Alt+");
        }
        if ((m & InputEvent.SHIFT_DOWN_MASK) != 0) {
            b.append("Shift+");
        }
        b.append(switch (k.getKeyCode()) {
            case KeyEvent.VK_ENTER -> "Enter";
            case KeyEvent.VK_ESCAPE -> "Esc";
            case KeyEvent.VK_UP -> "↑";
            case KeyEvent.VK_DOWN -> "↓";
            case KeyEvent.VK_BACK_SPACE -> "Backspace";
            case KeyEvent.VK_DELETE -> "Delete";
            case KeyEvent.VK_TAB -> "Tab";
            case KeyEvent.VK_SPACE -> "Space";
            default -> KeyEvent.getKeyText(k.getKeyCode());
        });
        return b.toString();
    }
}
