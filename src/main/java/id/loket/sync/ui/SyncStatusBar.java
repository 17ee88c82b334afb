package id.loket.sync.ui;

import com.formdev.flatlaf.FlatClientProperties;
import id.loket.common.i18n.Messages;
import id.loket.common.ui.Dates;
import id.loket.casefile.model.OutboxSummary;
import id.loket.sync.model.SyncStatus;
import id.loket.sync.model.SyncStatus.Connectivity;
import java.awt.Color;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import javax.swing.Action;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JSeparator;
import javax.swing.SwingConstants;
import javax.swing.Timer;
import javax.swing.UIManager;
import net.miginfocom.swing.MigLayout;

/**
 * The bottom line of the desk: office, date, how central answers (and since when, if not
 * well), the last pull and the last push, the events waiting for central and the age of the
 * oldest, and "Sync now" with its progress. Above it, when there is news, a notice: central
 * is back, the backlog has drained, or (for a supervisor) the backlog is too old.
 */
public final class SyncStatusBar extends JPanel {

    private final Messages messages;
    private final ZoneId zone;
    private final JLabel central = new JLabel();
    private final JLabel lastSync = new JLabel();
    private final JLabel lastPush = new JLabel();
    private final JLabel backlog = new JLabel();
    private final JLabel notice = new JLabel();
    /** While central does not answer: a banner as visible as "central is back", saying since when and that work goes on. */
    private final JLabel offline = new JLabel();
    private final Timer noticeTimer = new Timer(NOTICE_SHOWN_MS, e -> hideNotice());
    private boolean warning;
    private final JProgressBar progress = new JProgressBar();

    /** How long a notice stays (a warning stays until its cause is gone). */
    static final int NOTICE_SHOWN_MS = 60_000;

    public SyncStatusBar(Messages messages, String officeCode, String officeName, LocalDate date, ZoneId zone, Action syncNow) {
        super(new MigLayout("insets 0 0 4 8, fillx, hidemode 3, gapy 4", "12[][][][][][][][][][grow][][]", "[][]"));
        this.messages = messages;
        this.zone = zone;
        putClientProperty(FlatClientProperties.STYLE, "border: 1,0,0,0,$Component.borderColor");
        // The office's name is in the title bar; here its code, to leave room for the sync news.
        JLabel office = new JLabel(officeCode);
        office.setToolTipText(officeName);
        office.setName("status.office");
        JLabel day = new JLabel(Dates.shortDate(date, messages.locale()));
        day.setToolTipText(Dates.longDate(date, messages.locale()));
        day.setName("status.date");
        central.setName("status.central");
        lastSync.setName("status.lastSync");
        lastPush.setName("status.lastPush");
        backlog.setName("status.backlog");
        notice.setName("status.notice");
        notice.setOpaque(true);
        notice.setVisible(false);
        noticeTimer.setRepeats(false);
        progress.setName("status.progress");
        progress.setVisible(false);
        progress.setStringPainted(false);
        JButton sync = new JButton(syncNow);
        sync.setName("status.syncNow");
        sync.putClientProperty(FlatClientProperties.BUTTON_TYPE, FlatClientProperties.BUTTON_TYPE_TOOLBAR_BUTTON);
        offline.setName("status.offlineBanner");
        offline.setOpaque(true);
        offline.setVisible(false);
        id.loket.common.ui.Theme.style(offline, "bannerOffline");
        add(offline, "span, growx, wmin 0, wrap");
        add(notice, "span, growx, wmin 0, wrap");
        add(office);
        add(new JSeparator(SwingConstants.VERTICAL), "growy");
        add(day);
        add(new JSeparator(SwingConstants.VERTICAL), "growy");
        add(central);
        add(new JSeparator(SwingConstants.VERTICAL), "growy");
        add(lastSync);
        add(new JSeparator(SwingConstants.VERTICAL), "growy");
        add(lastPush);
        add(new JSeparator(SwingConstants.VERTICAL), "growy");
        add(backlog, BACKLOG_INLINE);
        add(progress, "w 140!, hidemode 3");
        add(sync);
        show(new SyncStatus(Connectivity.UNKNOWN, OffsetDateTime.now(zone), java.util.Optional.empty(), java.util.Optional.empty()));
    }

    private static final String BACKLOG_INLINE = "growx, wmin 0";
    /** Columns 0–9, under the office, day, link and last pull and push; the progress and the button stay at the right. */
    private static final String BACKLOG_OWN_LINE = "newline, span 10, growx, wmin 0";
    private boolean backlogInline = true;

    /**
     * Lays the bar out; when the backlog's words do not fit beside the rest (a narrow window or
     * large text), they take a line of their own under it rather than being cut.
     */
    @Override
    public void doLayout() {
        boolean fits = backlogFitsInline();
        if (fits != backlogInline) {
            backlogInline = fits;
            ((MigLayout) getLayout()).setComponentConstraints(backlog, fits ? BACKLOG_INLINE : BACKLOG_OWN_LINE);
            id.loket.common.ui.Rows.relayoutLater(this);
        }
        super.doLayout();
    }

    private boolean backlogFitsInline() {
        int width = getWidth();
        if (width <= 0) {
            return true;
        }
        // the bar's left inset, the backlog's own gap and some slack, then the others with MigLayout's related gap
        int needed = 12 + 8 + 24 + backlog.getPreferredSize().width
                + id.loket.common.ui.Rows.widthSideBySide(this, 8, java.util.Set.of(backlog, offline, notice));
        return needed <= width;
    }

    /** Shows the link's state. Call on the event-dispatch thread. */
    public void show(SyncStatus status) {
        String since = Dates.time(status.since(), zone);
        switch (status.connectivity()) {
            case ONLINE -> setCentral("status.central.online", "Actions.Green");
            case DEGRADED -> setCentral("status.central.degradedSince", "Actions.Yellow", since);
            case OFFLINE -> setCentral("status.central.offlineSince", "Actions.Red", since);
            default -> setCentral("status.central.unknown", "Label.disabledForeground");
        }
        central.setToolTipText(status.lastFailure().orElse(null));
        boolean down = status.connectivity() == Connectivity.OFFLINE;
        if (down) {
            offline.setText(messages.get("status.offlineBanner", since));
        }
        if (offline.isVisible() != down) {
            offline.setVisible(down);
            revalidate();
            repaint();
        }
        lastSync.setText(status.lastSuccessfulPull()
                .map(t -> messages.get("status.lastSync", Dates.time(t, zone)))
                .orElse(messages.get("status.lastSync.never")));
    }

    /**
     * Shows the backlog: events waiting (and the age of the oldest at {@code now}), held
     * behind a conflict, refused as invalid; the last push. Red when the oldest waits longer
     * than {@code warnAfter}.
     */
    public void showBacklog(OutboxSummary b, OffsetDateTime now, Duration warnAfter) {
        // "Kirim terakhir" is the last push that succeeded; a failed attempt is said as such, beside it
        String sent = b.lastSuccess().map(t -> messages.get("status.lastPush", Dates.time(t, zone)))
                .orElse(messages.get("status.lastPush.never"));
        boolean lastFailed = b.lastPushProblem().isPresent() && b.lastPush().isPresent();
        lastPush.setText(lastFailed ? sent + messages.get("status.lastPush.failedAttempt", Dates.time(b.lastPush().get(), zone)) : sent);
        lastPush.setToolTipText(b.lastPushProblem().orElse(null));
        StringBuilder text = new StringBuilder();
        if (b.waiting() == 0) {
            text.append(messages.get("status.backlog.none"));
        } else {
            Duration age = b.oldestWaiting().map(t -> Duration.between(t, now)).orElse(Duration.ZERO);
            text.append(messages.get("status.backlog.waiting", b.waiting(), age(age)));
        }
        if (b.held() + b.failed() > 0) {
            text.append(messages.get("status.backlog.held", b.held() + b.failed()));
        }
        if (b.openConflicts() > 0) {
            text.append(messages.get("status.backlog.conflicts", b.openConflicts()));
        }
        backlog.setText(text.toString());
        boolean old = tooOld(b, now, warnAfter);
        backlog.putClientProperty(FlatClientProperties.STYLE, old ? "foreground: $Actions.Red; font: bold"
                : b.held() + b.failed() > 0 ? "foreground: darken($Actions.Yellow,25%)" : null);
        backlog.setToolTipText(messages.get("status.backlog.tip"));
    }

    /** The oldest waiting event has waited longer than {@code warnAfter}. */
    public static boolean tooOld(OutboxSummary b, OffsetDateTime now, Duration warnAfter) {
        return b.waiting() > 0 && b.oldestWaiting().map(t -> Duration.between(t, now).compareTo(warnAfter) > 0).orElse(false);
    }

    /** "14 mnt", "2 jam 5 mnt": how long something has waited, in the officer's words. */
    public String age(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        if (minutes < 60) {
            return messages.get("status.age.minutes", minutes);
        }
        return minutes % 60 == 0 ? messages.get("status.age.wholeHours", minutes / 60)
                : messages.get("status.age.hours", minutes / 60, minutes % 60);
    }

    /** News for a minute: central is back, the backlog has drained. */
    public void notice(String text) {
        if (warning) {
            return; // a warning stays until its cause is gone
        }
        showNotice(text, "$Component.accentColor");
        noticeTimer.restart();
    }

    /** A warning that stays until {@link #clearWarning()}: the backlog is too old. */
    public void warn(String text) {
        warning = true;
        noticeTimer.stop();
        showNotice(text, "$Actions.Red");
    }

    public void clearWarning() {
        if (warning) {
            warning = false;
            hideNotice();
        }
    }

    private void showNotice(String text, String color) {
        notice.setText(text);
        notice.setToolTipText(text);
        notice.putClientProperty(FlatClientProperties.STYLE,
                "border: 4,12,4,12; background: mix(" + color + ",$Panel.background,18%)");
        notice.setVisible(true);
        revalidate();
        repaint();
    }

    private void hideNotice() {
        notice.setVisible(false);
        revalidate();
        repaint();
    }

    private void setCentral(String key, String colorKey, Object... args) {
        central.setText(messages.get(key, args));
        Color c = UIManager.getColor(colorKey);
        central.setIcon(new Dot(c == null ? getForeground() : c));
    }

    /** Shows a running sync: indeterminate until the first page, then by day. */
    public void syncStarted() {
        progress.setIndeterminate(true);
        progress.setVisible(true);
        revalidate();
    }

    public void syncProgress(int dayIndex, int days) {
        progress.setIndeterminate(false);
        progress.setMaximum(days);
        progress.setValue(dayIndex + 1);
    }

    public void syncFinished() {
        progress.setVisible(false);
        revalidate();
    }

    /** A small filled circle in the state's colour. */
    private record Dot(Color color) implements javax.swing.Icon {
        @Override
        public void paintIcon(java.awt.Component c, java.awt.Graphics g, int x, int y) {
            java.awt.Graphics2D g2 = (java.awt.Graphics2D) g.create();
            g2.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setColor(color);
            g2.fillOval(x + 1, y + 1, getIconWidth() - 2, getIconHeight() - 2);
            g2.dispose();
        }

        @Override
        public int getIconWidth() {
            return 10;
        }

        @Override
        public int getIconHeight() {
            return 10;
        }
    }
}
