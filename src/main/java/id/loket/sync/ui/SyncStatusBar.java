package id.loket.sync.ui;

import com.formdev.flatlaf.FlatClientProperties;
import id.loket.common.i18n.Messages;
import id.loket.common.ui.Dates;
import id.loket.sync.model.SyncStatus;
import id.loket.sync.model.SyncStatus.Connectivity;
import java.awt.Color;
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
import javax.swing.UIManager;
import net.miginfocom.swing.MigLayout;

/**
 * The bottom line of the desk: office, date, whether central answers (and since when it does
 * not), the last successful sync, and "Sync now" with its progress.
 */
public final class SyncStatusBar extends JPanel {

    private final Messages messages;
    private final ZoneId zone;
    private final JLabel central = new JLabel();
    private final JLabel lastSync = new JLabel();
    private final JProgressBar progress = new JProgressBar();

    public SyncStatusBar(Messages messages, String officeCode, String officeName, LocalDate date, ZoneId zone, Action syncNow) {
        super(new MigLayout("insets 4 12 4 8, fillx", "[][][][][][][grow][][]", "[]"));
        this.messages = messages;
        this.zone = zone;
        putClientProperty(FlatClientProperties.STYLE, "border: 1,0,0,0,$Component.borderColor");
        JLabel office = new JLabel(officeCode + " · " + officeName);
        office.setName("status.office");
        JLabel day = new JLabel(Dates.longDate(date, messages.locale()));
        day.setName("status.date");
        central.setName("status.central");
        lastSync.setName("status.lastSync");
        progress.setName("status.progress");
        progress.setVisible(false);
        progress.setStringPainted(false);
        JButton sync = new JButton(syncNow);
        sync.setName("status.syncNow");
        sync.putClientProperty(FlatClientProperties.BUTTON_TYPE, FlatClientProperties.BUTTON_TYPE_TOOLBAR_BUTTON);
        add(office);
        add(new JSeparator(SwingConstants.VERTICAL), "growy");
        add(day);
        add(new JSeparator(SwingConstants.VERTICAL), "growy");
        add(central);
        add(new JSeparator(SwingConstants.VERTICAL), "growy");
        add(lastSync, "growx");
        add(progress, "w 140!, hidemode 3");
        add(sync);
        show(new SyncStatus(Connectivity.UNKNOWN, OffsetDateTime.now(zone), java.util.Optional.empty(), java.util.Optional.empty()));
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
        lastSync.setText(status.lastSuccessfulPull()
                .map(t -> messages.get("status.lastSync", Dates.time(t, zone)))
                .orElse(messages.get("status.lastSync.never")));
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
