package id.loket.display.ui;

import id.loket.casefile.model.QueueSeries;
import id.loket.common.i18n.Messages;
import id.loket.display.model.DisplayBoard;
import id.loket.display.model.QueueCall;
import id.loket.display.model.Serving;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.swing.JComponent;

/**
 * The display's one painted surface, sized from the screen's height so it reads from 8 m: the
 * numbers served now in yellow on near-black, their cap height at least a sixth of the screen
 * (pages turn every few seconds if more counters serve than fit), the counter under each in
 * white; the last calls and the waiting counts at the right; the office and a clock at the top;
 * the running text at the bottom; a red band while the database does not answer. Painted from
 * the state it was last given on the event-dispatch thread; {@link #lines()} says in words what
 * is on it (for tests and screen readers).
 */
final class BoardCanvas extends JComponent {

    static final Color BACKGROUND = new Color(0x0B, 0x12, 0x20);
    static final Color PANEL = new Color(0x15, 0x1F, 0x33);
    static final Color NUMBER = new Color(0xFF, 0xD4, 0x3B);
    static final Color TEXT = Color.WHITE;
    static final Color MUTED = new Color(0xC8, 0xD3, 0xE6);
    static final Color LOST = new Color(0xB9, 0x1C, 0x1C);
    /** How long a number stays highlighted after its call. */
    static final long FLASH_MILLIS = 12_000;
    /** How long one page of served numbers stays when they do not all fit. */
    static final long PAGE_MILLIS = 7_000;
    /** The numbers' cap height against the screen height: at least a sixth. */
    static final double NUMBER_CAP_SHARE = 1.0 / 6;

    private static final Font BOLD = loadFont("/fonts/DejaVuSans-Bold.ttf");
    private static final Font REGULAR = loadFont("/fonts/DejaVuSans.ttf");

    private final Messages id;
    private final String officeName;
    private final Clock clock;
    private final DateTimeFormatter dateFormat;
    private final DateTimeFormatter timeFormat = DateTimeFormatter.ofPattern("HH:mm");
    private DisplayBoard board;
    private boolean connected;
    private boolean everConnected;
    private final Map<String, Long> flashUntil = new HashMap<>();
    private long marqueeStart = System.nanoTime();
    private String marqueeText = "";

    BoardCanvas(Messages indonesian, String officeName, Clock clock) {
        this.id = indonesian;
        this.officeName = officeName;
        this.clock = clock;
        this.dateFormat = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", indonesian.locale());
        setName("display.board");
        setOpaque(true);
        setBackground(BACKGROUND);
        getAccessibleContext().setAccessibleName(indonesian.get("display.title", officeName));
    }

    @Override
    public javax.accessibility.AccessibleContext getAccessibleContext() {
        if (accessibleContext == null) {
            accessibleContext = new AccessibleJComponent() {
                @Override
                public javax.accessibility.AccessibleRole getAccessibleRole() {
                    return javax.accessibility.AccessibleRole.PANEL;
                }
            };
        }
        return accessibleContext;
    }

    private static Font loadFont(String resource) {
        try (InputStream in = BoardCanvas.class.getResourceAsStream(resource)) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException | NullPointerException e) {
            throw new IllegalStateException("font " + resource, e);
        }
    }

    /** The feed's state (on the event-dispatch thread). */
    void show(DisplayFeed.State state) {
        connected = state.connected();
        everConnected |= state.connected();
        board = state.board();
        String text = board == null || board.runningText().isBlank() ? id.get("display.welcome", officeName) : board.runningText();
        if (!text.equals(marqueeText)) {
            marqueeText = text;
            marqueeStart = System.nanoTime();
        }
        getAccessibleContext().setAccessibleDescription(String.join("; ", lines()));
        repaint();
    }

    /** A call was just made: its counter's tile is highlighted for a while. */
    void flash(QueueCall call) {
        flashUntil.put(call.counter(), System.currentTimeMillis() + FLASH_MILLIS);
        repaint();
    }

    /** What the board shows, in words: the state line, then "A-007 Loket 3" per served number, the last calls, the waiting counts, the running text. */
    List<String> lines() {
        List<String> l = new ArrayList<>();
        l.add(connected ? id.get("display.connected") : everConnected ? id.get("display.lost") : id.get("display.connecting"));
        if (board != null) {
            for (Serving s : board.serving()) {
                l.add(s.number() + " " + id.get("display.counter", s.counter()));
            }
            for (QueueCall c : board.lastCalls()) {
                l.add(id.get("display.lastCall", c.number().toString(), c.counter()));
            }
            for (Map.Entry<QueueSeries, Integer> w : board.waiting().entrySet()) {
                l.add(id.get("display.waitingSeries", w.getKey().name(), id.get("display.series." + w.getKey().name()), w.getValue()));
            }
        }
        l.add(marqueeText);
        return l;
    }

    /** The marquee's band at the bottom, repainted alone many times a second. */
    java.awt.Rectangle marqueeBand() {
        int h = getHeight();
        int band = (int) (h * 0.085);
        return new java.awt.Rectangle(0, h - band, getWidth(), band);
    }

    @Override
    protected void paintComponent(Graphics graphics) {
        Graphics2D g = (Graphics2D) graphics.create();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int w = getWidth();
            int h = getHeight();
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, w, h);
            int header = (int) (h * 0.11);
            paintHeader(g, w, header);
            java.awt.Rectangle marquee = marqueeBand();
            int top = header;
            if (!connected) {
                int band = (int) (h * 0.075);
                g.setColor(LOST);
                g.fillRect(0, top, w, band);
                g.setColor(TEXT);
                g.setFont(BOLD.deriveFont((float) (band * 0.5)));
                centre(g, everConnected ? id.get("display.lost") : id.get("display.connecting"), 0, top, w, band);
                top += band;
            }
            int gap = (int) (h * 0.02);
            int sideW = (int) (w * 0.3);
            int mainW = w - sideW - 3 * gap;
            int bodyH = marquee.y - top - 2 * gap;
            paintServing(g, gap, top + gap, mainW, bodyH, h);
            paintSide(g, 2 * gap + mainW, top + gap, sideW, bodyH, h);
            paintMarquee(g, marquee);
        } finally {
            g.dispose();
        }
    }

    private void paintHeader(Graphics2D g, int w, int header) {
        g.setColor(PANEL);
        g.fillRect(0, 0, w, header);
        int pad = (int) (header * 0.25);
        g.setColor(TEXT);
        g.setFont(BOLD.deriveFont((float) (header * 0.42)));
        FontMetrics fm = g.getFontMetrics();
        int base = (header + fm.getAscent() - fm.getDescent()) / 2;
        ZonedDateTime now = ZonedDateTime.now(clock);
        String time = now.format(timeFormat);
        int timeW = fm.stringWidth(time);
        g.setColor(NUMBER);
        g.drawString(time, w - pad - timeW, base);
        g.setFont(REGULAR.deriveFont((float) (header * 0.26)));
        FontMetrics small = g.getFontMetrics();
        String date = now.format(dateFormat);
        g.setColor(MUTED);
        int dateX = w - pad - timeW - pad - small.stringWidth(date);
        g.drawString(date, dateX, base);
        g.setColor(TEXT);
        g.setFont(BOLD.deriveFont((float) (header * 0.36)));
        g.drawString(fit(g, officeName, dateX - 2 * pad), pad, base);
    }

    private void paintServing(Graphics2D g, int x, int y, int w, int h, int screenH) {
        List<Serving> serving = board == null ? List.of() : board.serving();
        // no counter has a case in hand right now: the last call stays big, under its own title
        boolean lastOnly = serving.isEmpty() && board != null && !board.lastCalls().isEmpty();
        if (lastOnly) {
            QueueCall last = board.lastCalls().get(0);
            serving = List.of(new Serving(last.counter(), last.number()));
        }
        g.setColor(MUTED);
        Font title = BOLD.deriveFont((float) (screenH * 0.038));
        g.setFont(title);
        int titleH = g.getFontMetrics().getHeight();
        g.drawString(id.get(lastOnly ? "display.lastCall.title" : "display.serving").toUpperCase(id.locale()), x,
                y + g.getFontMetrics().getAscent());
        y += titleH;
        h -= titleH;
        Font number = numberFont(screenH);
        int cap = capHeight(number, g.getFontRenderContext());
        // the counter beside its number: the word "LOKET" small above the counter's own number, nearly as tall as the queue number
        Font counterFont = BOLD.deriveFont(number.getSize2D() * 0.8f);
        Font counterWord = BOLD.deriveFont(number.getSize2D() * 0.2f);
        FontMetrics nm = g.getFontMetrics(number);
        FontMetrics cm = g.getFontMetrics(counterFont);
        int pad = (int) (screenH * 0.015);
        int tileW = 3 * pad + nm.stringWidth("W-000") + 4 * pad + cm.stringWidth("00") + 3 * pad;
        int tileH = cap + 4 * pad;
        int cols = Math.max(1, (w + pad) / (tileW + pad));
        int rows = Math.max(1, (h + pad) / (tileH + pad));
        if (serving.isEmpty()) {
            g.setColor(MUTED);
            g.setFont(REGULAR.deriveFont((float) (screenH * 0.045)));
            centre(g, board == null ? "" : id.get("display.noneServing"), x, y, w, h / 2);
            return;
        }
        int perPage = cols * rows;
        int pages = (serving.size() + perPage - 1) / perPage;
        int page = pages <= 1 ? 0 : (int) ((System.currentTimeMillis() / PAGE_MILLIS) % pages);
        List<Serving> shown = serving.subList(page * perPage, Math.min(serving.size(), (page + 1) * perPage));
        tileW = (w - (cols - 1) * pad) / cols;
        long nowMillis = System.currentTimeMillis();
        for (int i = 0; i < shown.size(); i++) {
            Serving s = shown.get(i);
            int tx = x + (i % cols) * (tileW + pad);
            int ty = y + (i / cols) * (tileH + pad);
            boolean flash = flashUntil.getOrDefault(s.counter(), 0L) > nowMillis && (nowMillis / 500) % 2 == 0;
            g.setColor(flash ? NUMBER : PANEL);
            g.fillRoundRect(tx, ty, tileW, tileH, pad * 2, pad * 2);
            int base = ty + 2 * pad + cap;
            g.setColor(flash ? BACKGROUND : NUMBER);
            g.setFont(number);
            g.drawString(s.number().toString(), tx + 3 * pad, base);
            int room = tileW - 3 * pad - nm.stringWidth(s.number().toString()) - 4 * pad - 3 * pad;
            Font cf = counterFont;
            while (g.getFontMetrics(cf).stringWidth(s.counter()) > room && cf.getSize2D() > 8) {
                cf = cf.deriveFont(cf.getSize2D() * 0.9f);
            }
            g.setColor(flash ? BACKGROUND : TEXT);
            g.setFont(cf);
            int right = tx + tileW - 3 * pad;
            g.drawString(s.counter(), right - g.getFontMetrics().stringWidth(s.counter()), base);
            g.setColor(flash ? BACKGROUND : MUTED);
            g.setFont(counterWord);
            String word = id.get("display.counterWord").toUpperCase(id.locale());
            FontMetrics wm = g.getFontMetrics();
            g.drawString(word, right - wm.stringWidth(word), ty + pad + wm.getAscent());
        }
        if (pages > 1) {
            g.setColor(MUTED);
            g.setFont(REGULAR.deriveFont((float) (screenH * 0.03)));
            String p = id.get("display.page", page + 1, pages);
            g.drawString(p, x + w - g.getFontMetrics().stringWidth(p), y - titleH + g.getFontMetrics().getAscent());
        }
    }

    private void paintSide(Graphics2D g, int x, int y, int w, int h, int screenH) {
        g.setColor(PANEL);
        int pad = (int) (screenH * 0.015);
        g.fillRoundRect(x, y, w, h, pad * 2, pad * 2);
        int ix = x + 2 * pad;
        int iw = w - 4 * pad;
        int cy = y + pad;
        Font title = BOLD.deriveFont((float) (screenH * 0.032));
        Font row = BOLD.deriveFont((float) (screenH * 0.048));
        g.setFont(title);
        g.setColor(MUTED);
        cy += g.getFontMetrics().getAscent();
        g.drawString(id.get("display.lastCalls").toUpperCase(id.locale()), ix, cy);
        cy += pad;
        g.setFont(row);
        FontMetrics rm = g.getFontMetrics();
        int waitingRows = QueueSeries.values().length;
        int waitingBlock = g.getFontMetrics(title).getHeight() + waitingRows * (int) (screenH * 0.042) + 2 * pad;
        List<QueueCall> last = board == null ? List.of() : board.lastCalls();
        int room = Math.max(0, (y + h - waitingBlock - cy) / rm.getHeight());
        for (QueueCall c : last.subList(0, Math.min(last.size(), room))) {
            cy += rm.getHeight();
            g.setColor(NUMBER);
            g.drawString(c.number().toString(), ix, cy);
            g.setColor(TEXT);
            String counter = id.get("display.counter", c.counter());
            g.drawString(counter, ix + iw - rm.stringWidth(counter), cy);
        }
        int wy = y + h - waitingBlock + pad;
        g.setFont(title);
        g.setColor(MUTED);
        wy += g.getFontMetrics().getAscent();
        g.drawString(id.get("display.waiting").toUpperCase(id.locale()), ix, wy);
        Font wf = BOLD.deriveFont((float) (screenH * 0.034));
        Font wl = REGULAR.deriveFont((float) (screenH * 0.03));
        for (QueueSeries s : QueueSeries.values()) {
            wy += (int) (screenH * 0.042);
            // before the first read nothing is known: a dash, not a zero
            String n = board == null ? "–" : Integer.toString(board.waiting().getOrDefault(s, 0));
            g.setFont(wf);
            g.setColor(NUMBER);
            g.drawString(s.name(), ix, wy);
            int letterW = g.getFontMetrics().stringWidth("W  ");
            int nw = g.getFontMetrics().stringWidth(n);
            g.setColor(TEXT);
            g.drawString(n, ix + iw - nw, wy);
            g.setFont(wl);
            g.setColor(MUTED);
            g.drawString(fit(g, id.get("display.series." + s.name()), iw - letterW - nw - pad), ix + letterW, wy);
        }
    }

    private void paintMarquee(Graphics2D g, java.awt.Rectangle band) {
        g.setColor(PANEL);
        g.fillRect(band.x, band.y, band.width, band.height);
        g.setColor(NUMBER);
        g.fillRect(band.x, band.y, band.width, Math.max(2, band.height / 20));
        g.setColor(TEXT);
        g.setFont(REGULAR.deriveFont((float) (band.height * 0.5)));
        FontMetrics fm = g.getFontMetrics();
        int textW = fm.stringWidth(marqueeText);
        int base = band.y + (band.height + fm.getAscent() - fm.getDescent()) / 2;
        double seconds = (System.nanoTime() - marqueeStart) / 1e9;
        int speed = Math.max(60, band.height * 2); // pixels per second
        int cycle = band.width + textW;
        int offset = (int) ((seconds * speed) % cycle);
        g.drawString(marqueeText, band.width - offset, base);
    }

    /** The numbers' font: DejaVu Sans Bold whose digits stand at least a sixth of the screen tall. */
    static Font numberFont(int screenH) {
        Font probe = BOLD.deriveFont(100f);
        FontRenderContext frc = new FontRenderContext(null, true, true);
        double capPer100 = probe.createGlyphVector(frc, "0").getVisualBounds().getHeight();
        return BOLD.deriveFont((float) Math.ceil(screenH * NUMBER_CAP_SHARE * 100 / capPer100));
    }

    /** The height of the digit 0 in {@code font}, in pixels. */
    static int capHeight(Font font, FontRenderContext frc) {
        return (int) Math.ceil(font.createGlyphVector(frc, "0").getVisualBounds().getHeight());
    }

    private static void centre(Graphics2D g, String text, int x, int y, int w, int h) {
        FontMetrics fm = g.getFontMetrics();
        String t = fit(g, text, w);
        g.drawString(t, x + (w - fm.stringWidth(t)) / 2, y + (h + fm.getAscent() - fm.getDescent()) / 2);
    }

    /** The text cut with "…" to fit {@code width}. */
    private static String fit(Graphics2D g, String text, int width) {
        FontMetrics fm = g.getFontMetrics();
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String t = text;
        while (!t.isEmpty() && fm.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

}
