package id.loket.app;

import id.loket.central.sim.CentralSimulator;
import id.loket.central.sim.CentralStore;
import id.loket.common.model.UserFacingException;
import java.io.IOException;
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
final class CentralSimCommand implements Callable<Integer> {

    @ParentCommand
    LoketCommand root;

    @Option(names = "--port", defaultValue = "8731", description = "Port on 127.0.0.1 (default 8731; 0 = any free port).")
    int port;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "Day generated at start (default: today in Asia/Makassar). Other dates are generated when first asked for.")
    LocalDate date;

    @Option(names = "--count", defaultValue = "250", description = "Appointments per day (default 250).")
    int count;

    @Option(names = "--seed", defaultValue = "2026", description = "Seed of the generated days (default 2026): the same seed gives the same days.")
    long seed;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (root.token == null || root.token.isBlank()) {
            throw new UserFacingException("sim.noToken");
        }
        String office = root.office != null ? root.office : "DPS";
        ZoneId zone = ZoneId.of("Asia/Makassar");
        Clock clock = Clock.system(zone);
        CentralStore store = new CentralStore(seed, Set.of(office), count, zone, clock);
        LocalDate day = date != null ? date : LocalDate.now(clock);
        store.ensureDay(office, day);
        CentralSimulator sim = new CentralSimulator(store, root.token, clock).start(port);
        root.out().println(root.messages().get("sim.listening", sim.baseUrl(), office, day, count, seed));
        root.out().flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sim.close();
            stopped.countDown();
        }, "central-sim-stop"));
        stopped.await();
        return 0;
    }
}
