package id.loket.app;

import id.loket.central.sim.CentralSimulator;
import id.loket.central.sim.CentralStore;
import id.loket.central.sim.FaultRates;
import id.loket.common.model.UserFacingException;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code loket central-sim}: the built-in stand-in for central, for training, demos and tests. */
@Command(name = "central-sim", mixinStandardHelpOptions = true,
        description = "Run a simulator of central on 127.0.0.1 that follows the contract (docs/central-contract.md). "
                + "Uses --office (default DPS) and requires the bearer --token.")
final class CentralSimCommand implements Callable<Integer>, CheckedOptions {

    /** Appointments a simulated office day may hold: ten times a busy office's. */
    static final int MAX_COUNT = 5000;
    static final int MAX_RETRY_AFTER = 3600;
    static final long MAX_SLOW_MS = 600_000;
    static final int MAX_CHANGES_EVERY = 86_400;

    @ParentCommand
    LoketCommand root;

    @Option(names = "--port", defaultValue = "8731", paramLabel = "P", description = "Port on 127.0.0.1 (default 8731; 0 = any free port).")
    int port;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Day generated at start (default: today in Asia/Makassar). Other dates are generated when first asked for.")
    LocalDate date;

    @Option(names = "--count", paramLabel = "N", defaultValue = "250", description = "Appointments per day (default 250, at most 5000).")
    int count;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "2026", description = "Seed of the generated days (default 2026): the same seed gives the same days.")
    long seed;

    @Option(names = "--fail-rate", paramLabel = "KIND=RATE,...",
            description = "Misbehave on a share of requests, e.g. 503=0.1,429=0.05,500=0.05,drop=0.1,truncated=0.05,slow=0.05,malformed=0.01 (rates 0 to 1, adding up to at most 1).")
    String failRate;

    @Option(names = "--retry-after", paramLabel = "SECONDS", defaultValue = "2", description = "Retry-After of a 503 or 429 from --fail-rate (default 2, at most 3600).")
    int retryAfter;

    @Option(names = "--slow-ms", paramLabel = "MS", defaultValue = "3000", description = "How long a slow answer from --fail-rate waits (default 3000, at most 600000).")
    long slowMs;

    @Option(names = "--fault-seed", paramLabel = "S", defaultValue = "7", description = "Seed of the --fail-rate draws (default 7): the same seed and requests give the same faults.")
    long faultSeed;

    @Option(names = "--changes-every", paramLabel = "SECONDS",
            description = "Every SECONDS (1 to 86400), central cancels one booking of the day, reschedules one and records one late payment.")
    Integer changesEvery;

    @Option(names = "--dump-applied", paramLabel = "FILE",
            description = "On stop (Ctrl+C), write the applied events as JSON lines to FILE (see docs/central-simulator.md).")
    Path dumpApplied;

    private FaultRates rates = FaultRates.NONE;

    @Override
    public void checkOptions() {
        if (root.token == null || root.token.isBlank()) {
            throw new UserFacingException("sim.noToken");
        }
        Check.range("--port", port, 0, 65535);
        Check.date("--date", date);
        Check.range("--count", count, 0, MAX_COUNT);
        Check.range("--retry-after", retryAfter, 0, MAX_RETRY_AFTER);
        Check.range("--slow-ms", slowMs, 0, MAX_SLOW_MS);
        if (changesEvery != null) {
            Check.range("--changes-every", changesEvery, 1, MAX_CHANGES_EVERY);
        }
        if (failRate != null) {
            try {
                rates = FaultRates.parse(failRate, retryAfter, Duration.ofMillis(slowMs));
            } catch (IllegalArgumentException e) {
                throw new UserFacingException("sim.badFailRate", failRate, e.getMessage());
            }
        }
        Check.fileToWrite("--dump-applied", dumpApplied);
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        String office = root.office != null ? root.office : "DPS";
        ZoneId zone = ZoneId.of("Asia/Makassar");
        Clock clock = Clock.system(zone);
        CentralStore store = new CentralStore(seed, Set.of(office), count, zone, clock);
        LocalDate day = date != null ? date : LocalDate.now(clock);
        store.ensureDay(office, day);
        CentralSimulator sim = new CentralSimulator(store, root.token, clock);
        sim.faultRates(rates, faultSeed);
        try {
            sim.start(port);
        } catch (BindException e) {
            throw new UserFacingException("sim.portInUse", String.valueOf(port));
        }
        if (changesEvery != null) {
            sim.changeEvery(Duration.ofSeconds(changesEvery), office, day, seed);
        }
        root.out().println(root.messages().get("sim.listening", sim.baseUrl(), office, day, count, seed));
        if (rates.total() > 0) {
            root.out().println(root.messages().get("sim.failing", failRate, faultSeed));
        }
        root.out().flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            if (dumpApplied != null) {
                try {
                    store.writeApplied(dumpApplied);
                    root.err().println(root.messages().get("sim.dumped", store.appliedEvents().size(), dumpApplied));
                } catch (IOException e) {
                    root.err().println(root.messages().get("sim.dumpFailed", dumpApplied, e.getMessage()));
                }
            }
            stopped.countDown();
        }, "central-sim-stop"));
        stopped.await();
        return 0;
    }
}
