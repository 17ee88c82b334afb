package id.loket.common.ui;

import java.awt.AWTEvent;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.Frame;
import java.awt.GraphicsConfiguration;
import java.awt.GraphicsEnvironment;
import java.awt.Insets;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.Window;
import java.awt.event.ComponentEvent;
import java.awt.event.WindowEvent;

/**
 * Windows and the screen they are on: the one place that keeps every window and dialog within the
 * screen's usable area (a 1366×768 counter monitor, at any text size), and lets the desk fill it.
 */
public final class Screens {

    private static boolean watching;

    private Screens() {
    }

    /**
     * Connects to the display now, before anything else is opened: refused in words when this
     * machine has none ({@code desk.noDisplay}) or the display refuses the connection
     * ({@code desk.displayRefused}, naming it), never an {@link java.awt.AWTError} on a later
     * thread with the rest of the program still running.
     */
    public static void requireDisplay() {
        if (GraphicsEnvironment.isHeadless()) {
            throw new id.loket.common.model.UserFacingException("desk.noDisplay");
        }
        try {
            GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices();
        } catch (java.awt.AWTError | java.awt.HeadlessException e) {
            String display = System.getenv("DISPLAY");
            throw new id.loket.common.model.UserFacingException(e, "desk.displayRefused",
                    display == null || display.isBlank() ? "-" : display);
        }
    }

    /** The usable area (without task bars) of the screen {@code c} is on, or of the default screen. */
    public static Rectangle usableBounds(Component c) {
        GraphicsConfiguration gc = c == null ? null : c.getGraphicsConfiguration();
        if (gc == null) {
            if (GraphicsEnvironment.isHeadless()) {
                return new Rectangle(0, 0, 1366, 768);
            }
            gc = GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice().getDefaultConfiguration();
        }
        Rectangle r = gc.getBounds();
        Insets in = Toolkit.getDefaultToolkit().getScreenInsets(gc);
        return new Rectangle(r.x + in.left, r.y + in.top, r.width - in.left - in.right, r.height - in.top - in.bottom);
    }

    /** Makes {@code frame} fill the usable area of its screen (maximized where a window manager can). */
    public static void fill(Frame frame) {
        frame.setBounds(usableBounds(frame));
        if (Toolkit.getDefaultToolkit().isFrameStateSupported(Frame.MAXIMIZED_BOTH)) {
            frame.setExtendedState(frame.getExtendedState() | Frame.MAXIMIZED_BOTH);
        }
    }

    /**
     * Shrinks {@code w} (and its minimum size) to the usable area of its screen if it is larger, and
     * moves it wholly onto it. Answers whether anything changed.
     */
    public static boolean fit(Window w) {
        Rectangle screen = usableBounds(w);
        Rectangle b = w.getBounds();
        Dimension min = w.isMinimumSizeSet() ? w.getMinimumSize() : null;
        if (min != null && (min.width > screen.width || min.height > screen.height)) {
            w.setMinimumSize(new Dimension(Math.min(min.width, screen.width), Math.min(min.height, screen.height)));
        }
        int width = Math.min(b.width, screen.width);
        int height = Math.min(b.height, screen.height);
        int x = Math.max(screen.x, Math.min(b.x, screen.x + screen.width - width));
        int y = Math.max(screen.y, Math.min(b.y, screen.y + screen.height - height));
        Rectangle fitted = new Rectangle(x, y, width, height);
        if (fitted.equals(b)) {
            return false;
        }
        w.setBounds(fitted);
        return true;
    }

    /**
     * From now on every window and dialog that opens, or grows later (a dialog packed again),
     * is kept within the screen: no dialog of the application can be larger than the screen.
     * Installed once by {@link Theme#setup()}.
     */
    public static synchronized void keepWindowsOnScreen() {
        if (watching || GraphicsEnvironment.isHeadless()) {
            return;
        }
        watching = true;
        Toolkit.getDefaultToolkit().addAWTEventListener(e -> {
            if (e.getSource() instanceof Window w && (e.getID() == WindowEvent.WINDOW_OPENED
                    || e.getID() == ComponentEvent.COMPONENT_RESIZED || e.getID() == ComponentEvent.COMPONENT_MOVED)
                    && w.isShowing() && !(w instanceof Frame f && (f.getExtendedState() & Frame.MAXIMIZED_BOTH) != 0)) {
                fit(w);
            }
        }, AWTEvent.WINDOW_EVENT_MASK | AWTEvent.COMPONENT_EVENT_MASK);
    }

    /** After a change of text size: every open dialog takes its new preferred size, within the screen. */
    static void refitWindows() {
        for (Window w : Window.getWindows()) {
            if (w.isShowing() && !(w instanceof Frame)) {
                w.pack();
                fit(w);
            } else if (w.isShowing()) {
                fit(w);
            }
        }
    }

    /** Packs {@code dialog}, keeps it within the screen, and centres it on {@code owner}. */
    public static void packWithin(Window dialog, Component owner) {
        dialog.pack();
        packWithinAsIs(dialog, owner);
    }

    /** Keeps {@code dialog} at its current size but within the screen, centred on {@code owner}. */
    public static void packWithinAsIs(Window dialog, Component owner) {
        Rectangle screen = usableBounds(owner != null ? owner : dialog);
        Dimension size = dialog.getSize();
        dialog.setSize(Math.min(size.width, screen.width), Math.min(size.height, screen.height));
        dialog.setLocationRelativeTo(owner);
        fit(dialog);
    }
}
