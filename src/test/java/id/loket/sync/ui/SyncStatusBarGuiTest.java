package id.loket.sync.ui;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.common.i18n.Messages;
import id.loket.casefile.model.OutboxSummary;
import id.loket.sync.model.SyncStatus;
import id.loket.sync.model.SyncStatus.Connectivity;
import java.awt.Component;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Optional;
import javax.swing.AbstractAction;
import javax.swing.JLabel;
import javax.swing.SwingUtilities;
import java.awt.event.ActionEvent;
import org.junit.jupiter.api.Test;

/** The status bar tells the truth about central and the outbox, in words (issue 11). */
class SyncStatusBarGuiTest {

    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 27, 9, 15, 0, 0, WITA.getRules().getOffset(java.time.Instant.EPOCH));

    private static SyncStatusBar bar() throws Exception {
        SyncStatusBar[] b = new SyncStatusBar[1];
        SwingUtilities.invokeAndWait(() -> b[0] = new SyncStatusBar(Messages.forLanguage("id"), "DPS", "Denpasar", LocalDate.of(2026, 11, 27),
                WITA, new AbstractAction("sync") {
                    @Override
                    public void actionPerformed(ActionEvent e) {
                    }
                }));
        return b[0];
    }

    private static JLabel label(SyncStatusBar bar, String name) {
        for (Component c : bar.getComponents()) {
            if (name.equals(c.getName())) {
                return (JLabel) c;
            }
        }
        throw new AssertionError("no " + name);
    }

    private static String onEdt(java.util.concurrent.Callable<String> read) throws Exception {
        String[] out = new String[1];
        SwingUtilities.invokeAndWait(() -> {
            try {
                out[0] = read.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return out[0];
    }

    @Test
    void centralDownIsABannerSayingSinceWhenAndThatWorkGoesOnAndItGoesWhenCentralIsBack() throws Exception {
        SyncStatusBar bar = bar();
        JLabel banner = label(bar, "status.offlineBanner");
        SwingUtilities.invokeAndWait(() -> bar.show(new SyncStatus(Connectivity.OFFLINE, T0, Optional.empty(), Optional.of("timeout"))));
        assertThat(onEdt(() -> banner.isVisible() ? banner.getText() : "hidden"))
                .contains("Pusat tidak terhubung sejak 09:15", "Pekerjaan tetap berjalan", "disimpan");
        SwingUtilities.invokeAndWait(() -> bar.show(new SyncStatus(Connectivity.ONLINE, T0.plusMinutes(5), Optional.empty(), Optional.empty())));
        assertThat(onEdt(() -> banner.isVisible() ? banner.getText() : "hidden")).isEqualTo("hidden");
    }

    @Test
    void lastSentMovesOnlyOnSuccessAndAFailedAttemptIsSaidAsSuch() throws Exception {
        SyncStatusBar bar = bar();
        OutboxSummary failed = new OutboxSummary(3, 0, 0, Optional.of(T0.minusMinutes(2)), Optional.of(T0.plusMinutes(10)),
                Optional.of("central did not answer"), Optional.of(T0), 2);
        SwingUtilities.invokeAndWait(() -> bar.showBacklog(failed, T0.plusMinutes(10), Duration.ofHours(1)));
        String lastPush = onEdt(() -> label(bar, "status.lastPush").getText());
        assertThat(lastPush).startsWith("Kirim terakhir 09:15").contains("percobaan pukul 09:25 gagal");
        String backlog = onEdt(() -> label(bar, "status.backlog").getText());
        assertThat(backlog).doesNotContain("Semua tindakan terkirim").contains("2 konflik terbuka");

        OutboxSummary empty = new OutboxSummary(0, 0, 0, Optional.empty(), Optional.of(T0.plusMinutes(20)), Optional.empty(),
                Optional.of(T0.plusMinutes(20)), 0);
        SwingUtilities.invokeAndWait(() -> bar.showBacklog(empty, T0.plusMinutes(20), Duration.ofHours(1)));
        assertThat(onEdt(() -> label(bar, "status.backlog").getText())).isEqualTo("Semua tindakan terkirim");
        assertThat(onEdt(() -> label(bar, "status.lastPush").getText())).isEqualTo("Kirim terakhir 09:35");
    }
}
