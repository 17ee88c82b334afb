package id.loket.sync.model;

import static org.assertj.core.api.Assertions.assertThat;

import id.loket.sync.model.SyncStatus.Connectivity;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** ONLINE, DEGRADED and OFFLINE from the outcomes of real calls, and since when. */
class LinkMonitorTest {

    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    private static final Duration FAST = Duration.ofMillis(40);

    /** A clock the test moves by hand. */
    private static final class Hand extends Clock {
        private Instant now = Instant.parse("2026-11-27T01:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return WITA;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Hand clock = new Hand();
    private final LinkMonitor link = new LinkMonitor(clock);

    @Test
    void unknownUntilTheFirstCallThenOnlineWhileCentralAnswersInTime() {
        assertThat(link.state()).isEqualTo(Connectivity.UNKNOWN);
        assertThat(link.answered(FAST)).isEqualTo(Connectivity.ONLINE);
        assertThat(link.answered(FAST)).isEqualTo(Connectivity.ONLINE);
        assertThat(link.problem()).isEmpty();
    }

    @Test
    void oneFailureAmongAnswersIsDegradedTwoInARowIsOfflineSinceTheSecond() {
        link.answered(FAST);
        clock.advance(Duration.ofSeconds(10));
        assertThat(link.failed("no answer")).isEqualTo(Connectivity.DEGRADED);
        clock.advance(Duration.ofSeconds(10));
        assertThat(link.failed("no answer")).isEqualTo(Connectivity.OFFLINE);
        assertThat(link.since()).isEqualTo(OffsetDateTime.ofInstant(clock.instant(), WITA));
        assertThat(link.problem()).contains("no answer");
        clock.advance(Duration.ofSeconds(10));
        link.failed("still nothing");
        assertThat(link.since()).as("offline since the moment it began, not the latest failure")
                .isEqualTo(OffsetDateTime.ofInstant(clock.instant().minusSeconds(10), WITA));
    }

    @Test
    void aFailureFirstOfAllIsOffline() {
        assertThat(link.failed("refused")).isEqualTo(Connectivity.OFFLINE);
    }

    @Test
    void backAfterAnOutageIsOnlineAtOnceNotDegraded() {
        link.answered(FAST);
        link.failed("x");
        link.failed("x");
        assertThat(link.answered(FAST)).isEqualTo(Connectivity.ONLINE);
    }

    @Test
    void aLinkFailingPartOfTheTimeStaysDegradedUntilTheFailuresAgeOut() {
        link.answered(FAST);
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofSeconds(10));
            link.failed("503");
            clock.advance(Duration.ofSeconds(10));
            assertThat(link.answered(FAST)).isEqualTo(Connectivity.DEGRADED);
        }
        OffsetDateTime degradedSince = link.since();
        for (int i = 0; i < LinkMonitor.WINDOW - 2; i++) {
            clock.advance(Duration.ofSeconds(10));
            link.answered(FAST);
        }
        assertThat(link.state()).as("the last failure is still among the last " + LinkMonitor.WINDOW + " calls")
                .isEqualTo(Connectivity.DEGRADED);
        assertThat(link.since()).isEqualTo(degradedSince);
        clock.advance(Duration.ofSeconds(10));
        assertThat(link.answered(FAST)).isEqualTo(Connectivity.ONLINE);
    }

    @Test
    void slowAnswersAreDegradedAndOldOnesAgeOutWithTime() {
        link.answered(FAST);
        assertThat(link.answered(LinkMonitor.SLOW.plusMillis(1))).isEqualTo(Connectivity.DEGRADED);
        clock.advance(LinkMonitor.HORIZON.plusSeconds(1));
        assertThat(link.answered(FAST)).isEqualTo(Connectivity.ONLINE);
        assertThat(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.ofHours(8))).isEqualTo(link.since());
    }
}
