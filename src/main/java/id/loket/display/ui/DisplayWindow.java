package id.loket.display.ui;

import id.loket.common.i18n.Messages;
import id.loket.display.model.QueueCall;
import id.loket.display.voice.Announcer;
import java.awt.BorderLayout;
import java.awt.Cursor;
import java.awt.GraphicsConfiguration;
import java.awt.GraphicsDevice;
import java.awt.GraphicsEnvironment;
import java.awt.Point;
import java.awt.Rectangle;
import java.awt.Toolkit;
import java.awt.event.KeyEvent;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.swing.AbstractAction;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.KeyStroke;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import javax.swing.WindowConstants;

/**
 * The waiting-room display: a window without decorations over a whole screen (or a normal
 * 1280×720 window for try-outs), in Bahasa Indonesia whatever the desk's language. A thread of
 * its own reads the board ({@link DisplayFeed}); each new call is highlighted and handed to the
 * {@link Announcer}. {@code Esc} closes the window, {@code F11} switches between full screen and a
 * window.
 */
public final class DisplayWindow extends JFrame {

    /** The windowed size, for try-outs and tests. */
    public static final Rectangle WINDOWED = new Rectangle(0, 0, 1280, 720);

    private final BoardCanvas canvas;
    private final DisplayFeed feed;
    private final Announcer announcer;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "display-feed");
        t.setDaemon(true);
        return t;
    });
    private final Timer ticker;
    private final Runnable onClose;
    private final GraphicsDevice screen;
    private boolean fullScreen;
    /** Every call handed to the announcer, in order (on the event-dispatch thread). */
    private final List<QueueCall> announced = new java.util.ArrayList<>();
    private volatile boolean closed;

    /**
     * {@code screen}: the monitor to fill (null: a normal window). {@code onClose} runs once, after
     * the window is gone (the command exits there; the desk just forgets it).
     */
    public DisplayWindow(String officeName, Clock clock, DisplayFeed feed, Announcer announcer, GraphicsDevice screen, Runnable onClose) {
        super(Messages.forLanguage("id").get("display.title", officeName), screen == null ? null : screen.getDefaultConfiguration());
        Messages id = Messages.forLanguage("id");
        this.feed = feed;
        this.announcer = announcer;
        this.onClose = onClose;
        this.screen = screen;
        setName("display");
        canvas = new BoardCanvas(id, officeName, clock);
        getContentPane().add(canvas, BorderLayout.CENTER);
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosed(WindowEvent e) {
                stop();
            }
        });
        key(KeyStroke.getKeyStroke(KeyEvent.VK_ESCAPE, 0), "close", this::dispose);
        key(KeyStroke.getKeyStroke(KeyEvent.VK_F11, 0), "fullScreen", () -> place(!fullScreen));
        place(screen != null);
        // the clock and the turning pages once a second; the running text smoothly, in its band only
        int[] frames = {0};
        ticker = new Timer(40, e -> {
            if (++frames[0] % 25 == 0) {
                canvas.repaint();
            } else {
                canvas.repaint(canvas.marqueeBand());
            }
        });
    }

    private void key(KeyStroke stroke, String name, Runnable run) {
        canvas.getInputMap(JComponent.WHEN_IN_FOCUSED_WINDOW).put(stroke, name);
        canvas.getActionMap().put(name, new AbstractAction() {
            @Override
            public void actionPerformed(java.awt.event.ActionEvent e) {
                run.run();
            }
        });
    }

    /** Over the whole of its screen without decorations and without a mouse pointer, or as a 1280×720 window. */
    private void place(boolean full) {
        boolean wasVisible = isVisible();
        if (wasVisible) {
            dispose(); // decorations change only on a window not shown; stop() waits for closed
        }
        fullScreen = full;
        setUndecorated(full);
        if (full) {
            GraphicsConfiguration c = (screen != null ? screen : GraphicsEnvironment.getLocalGraphicsEnvironment().getDefaultScreenDevice())
                    .getDefaultConfiguration();
            setBounds(c.getBounds());
            setCursor(Toolkit.getDefaultToolkit().createCustomCursor(new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB), new Point(),
                    "none"));
        } else {
            Rectangle at = screen != null ? screen.getDefaultConfiguration().getBounds() : new Rectangle(0, 0, 0, 0);
            setBounds(at.x + 40, at.y + 40, WINDOWED.width, WINDOWED.height);
            setCursor(Cursor.getDefaultCursor());
        }
        if (wasVisible) {
            setVisible(true);
        }
    }

    /** Shows the window and starts reading the board. Call on the event-dispatch thread. */
    public DisplayWindow start() {
        setVisible(true);
        ticker.start();
        poller.execute(this::poll);
        return this;
    }

    private void poll() {
        if (closed) {
            return;
        }
        DisplayFeed.State state = feed.poll();
        SwingUtilities.invokeLater(() -> {
            canvas.show(state);
            for (QueueCall c : state.toAnnounce()) {
                canvas.flash(c);
                announced.add(c);
                announcer.announce(c.number(), c.counter());
            }
        });
        if (!closed) {
            poller.schedule(this::poll, feed.nextIn().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** What the display shows, in words (tests): the state line, each served number with its counter, the last calls, the waiting counts. */
    public List<String> shown() {
        return canvas.lines();
    }

    /** The calls announced since the window opened, oldest first (on the event-dispatch thread; tests). */
    public List<QueueCall> announced() {
        return List.copyOf(announced);
    }

    private void stop() {
        if (closed || isDisplayable()) {
            return; // a switch between full screen and window disposes for a moment
        }
        closed = true;
        ticker.stop();
        poller.shutdownNow();
        announcer.close();
        onClose.run();
    }

    /**
     * Opens the display on the event-dispatch thread: over the whole of monitor {@code screen}
     * (1 = the first; null = the last one), or as a 1280×720 window (on that monitor) if
     * {@code windowed}. {@code connect} answers the board's service (it may throw while the
     * database is away); {@code onClose} runs once the window is closed.
     */
    public static DisplayWindow open(String officeName, Clock clock, java.util.function.Supplier<id.loket.display.service.DisplayService> connect,
            Integer screen, boolean windowed, Announcer.Speaker speaker, Runnable onClose) {
        GraphicsDevice device = windowed && screen == null ? null : screen(screen);
        return open(officeName, clock, connect, device, !windowed, true, speaker, onClose);
    }

    /**
     * The same on {@code device} (null: the default one), full screen or as a window;
     * {@code takeFocus} false leaves the keyboard where it is (opened from a desk, whose officer
     * goes on typing).
     */
    public static DisplayWindow open(String officeName, Clock clock, java.util.function.Supplier<id.loket.display.service.DisplayService> connect,
            GraphicsDevice device, boolean full, boolean takeFocus, Announcer.Speaker speaker, Runnable onClose) {
        Announcer announcer = new Announcer(new id.loket.display.voice.CallAudio(new id.loket.display.voice.Clips()), speaker);
        DisplayWindow w = new DisplayWindow(officeName, clock, new DisplayFeed(connect), announcer, device, onClose);
        if (!full) {
            w.place(false);
        }
        w.setAutoRequestFocus(takeFocus);
        return w.start();
    }

    /** Monitor {@code n} (1 = the first), or the last one when {@code n} is null; one that is not there is refused in words. */
    public static GraphicsDevice screen(Integer n) {
        GraphicsDevice[] all = GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices();
        if (n == null) {
            return all[all.length - 1];
        }
        if (n < 1 || n > all.length) {
            throw new id.loket.common.model.UserFacingException("display.noScreen", n, all.length);
        }
        return all[n - 1];
    }

    /** A second monitor beside the one {@code window} is on, if the computer has one. */
    public static java.util.Optional<GraphicsDevice> otherScreen(java.awt.Window window) {
        GraphicsDevice[] all = GraphicsEnvironment.getLocalGraphicsEnvironment().getScreenDevices();
        GraphicsDevice mine = window == null || window.getGraphicsConfiguration() == null ? null : window.getGraphicsConfiguration().getDevice();
        for (int i = all.length - 1; i >= 0; i--) {
            if (all.length > 1 && all[i] != mine) {
                return java.util.Optional.of(all[i]);
            }
        }
        return java.util.Optional.empty();
    }
}
