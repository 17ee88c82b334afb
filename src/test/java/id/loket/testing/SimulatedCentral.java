package id.loket.testing;

import id.loket.central.CentralClient;
import id.loket.central.sim.CentralSimulator;
import id.loket.central.sim.CentralStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;

/** A real simulator of central on a free loopback port, for tests that speak HTTP to it. */
public final class SimulatedCentral implements AutoCloseable {

    public static final ZoneId ZONE = ZoneId.of("Asia/Makassar");
    public static final String OFFICE = "DPS";
    public static final String TOKEN = "test-token-9f2c";
    public static final LocalDate DAY = LocalDate.of(2026, 11, 27);

    private final CentralSimulator sim;

    public SimulatedCentral(long seed, int countPerDay) {
        Clock clock = Clock.system(ZONE);
        try {
            sim = new CentralSimulator(new CentralStore(seed, Set.of(OFFICE), countPerDay, ZONE, clock), TOKEN, clock).start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CentralSimulator sim() {
        return sim;
    }

    public CentralStore store() {
        return sim.store();
    }

    public String baseUrl() {
        return sim.baseUrl();
    }

    /** A client of this simulator that gives up on an answer after {@code timeout}. */
    public CentralClient client(Duration timeout) {
        return new CentralClient(CentralClient.Config.of(sim.baseUrl(), TOKEN).withRequestTimeout(timeout));
    }

    public CentralClient clientWithToken(String token) {
        return new CentralClient(CentralClient.Config.of(sim.baseUrl(), token).withRequestTimeout(Duration.ofSeconds(5)));
    }

    @Override
    public void close() {
        sim.close();
    }
}
