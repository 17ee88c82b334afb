package id.loket.common.ui;

import java.awt.Component;
import java.awt.Container;
import java.util.Set;
import javax.swing.SwingUtilities;

/**
 * For panels that lay their components out one way when they fit side by side and another
 * when they do not (a narrow window, a large text size): how wide the row would be, and laying
 * the window out again once a panel changed its constraints in the middle of a layout.
 */
public final class Rows {

    private Rows() {
    }

    /** The width the visible components of {@code c} need side by side, each followed by {@code gap}, leaving out {@code skip}. */
    public static int widthSideBySide(Container c, int gap, Set<Component> skip) {
        int needed = 0;
        for (Component child : c.getComponents()) {
            if (child.isVisible() && !skip.contains(child)) {
                needed += child.getPreferredSize().width + gap;
            }
        }
        return needed;
    }

    /** Lays the window of {@code c} out again after the layout pass under way (whose constraints {@code c} just changed). */
    public static void relayoutLater(Component c) {
        SwingUtilities.invokeLater(() -> {
            c.invalidate();
            Container top = SwingUtilities.getAncestorOfClass(java.awt.Window.class, c);
            (top != null ? top : (c instanceof Container cc ? cc : c.getParent())).validate();
            c.repaint();
        });
    }
}
