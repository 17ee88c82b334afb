package id.loket.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class SimulatedClockTest {

    private static final ZoneId WITA = ZoneId.of("Asia/Makassar");
    private static final Instant OPEN = Instant.parse("2026-11-26T23:30:00Z");

    @Test
    void standsStillUntilAdvancedAndNeverGoesBack() {
        SimulatedClock clock = new SimulatedClock(OPEN, WITA);

        assertThat(clock.instant()).isEqualTo(OPEN);
        assertThat(OffsetDateTime.now(clock).toString()).isEqualTo("2026-11-27T07:30+08:00");
        assertThat(clock.advanceTo(OPEN.plusSeconds(90))).isEqualTo(OPEN.plusSeconds(90));
        assertThat(clock.advanceTo(OPEN)).as("earlier: ignored").isEqualTo(OPEN.plusSeconds(90));
        assertThat(clock.advanceBy(Duration.ofMinutes(1))).isEqualTo(OPEN.plusSeconds(150));
        assertThat(clock.millis()).isEqualTo(OPEN.plusSeconds(150).toEpochMilli());
        assertThatThrownBy(() -> clock.advanceBy(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aViewInAnotherZoneSharesTheTime() {
        SimulatedClock clock = new SimulatedClock(OPEN, WITA);
        Clock utc = clock.withZone(ZoneOffset.UTC);

        clock.advanceBy(Duration.ofHours(1));

        assertThat(utc.instant()).isEqualTo(OPEN.plusSeconds(3600));
        assertThat(utc.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(clock.withZone(WITA)).isSameAs(clock);
    }

    @Test
    void concurrentAdvancesKeepTheLatest() throws InterruptedException {
        SimulatedClock clock = new SimulatedClock(OPEN, WITA);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int offset = t;
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 10_000; i++) {
                    clock.advanceTo(OPEN.plusMillis(i * 4L + offset));
                }
            });
            thread.start();
            threads.add(thread);
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(clock.instant()).isEqualTo(OPEN.plusMillis(9_999 * 4L + 3));
    }
}
