package id.loket.app;

import id.loket.app.ui.DemoControls;
import id.loket.central.CentralClient;
import id.loket.central.sim.CentralSimulator;
import id.loket.central.sim.CentralStore;
import id.loket.central.sim.FaultRates;
import id.loket.appointment.model.Appointment;
import id.loket.common.i18n.Messages;
import id.loket.settings.model.OfficeSettings;
import id.loket.settings.repo.SettingsRepository;
import id.loket.staff.model.Role;
import id.loket.staff.model.Staff;
import id.loket.staff.service.AuthService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code loket demo}: the desk against the built-in simulator of central, on a fresh data
 * folder, with demo accounts. The Demo menu takes central down and brings it back.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start the desk in demo mode: embedded database, built-in central simulator, demo accounts.")
final class DemoCommand implements Callable<Integer>, CheckedOptions {

    /** The demo's accounts: who they are and what they may do. */
    record DemoAccount(String username, String fullName, Role role) {
    }

    static final String DEMO_PASSWORD = "demo1234";
    /** Argon2id of {@link #DEMO_PASSWORD}, made once (the password is published): the demo starts without hashing. */
    private static final String DEMO_HASH = "$argon2id$v=19$m=19456,t=2,p=1$LUgD6Dj84a5hvizeYVri+w$i1LIr5Yt3Co6G/BCnwoHNF0yaJS8DWW0Lm/IEbKyxxQ";
    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("petugas1", "Ni Luh Putu Ayu Lestari", Role.COUNTER),
            new DemoAccount("petugas2", "I Made Wirawan", Role.COUNTER),
            new DemoAccount("supervisor", "Ketut Sudarsana", Role.SUPERVISOR),
            new DemoAccount("admin", "Siti Nurhaliza", Role.ADMIN));

    @ParentCommand
    LoketCommand root;

    @Option(names = "--count", paramLabel = "N", defaultValue = "250", description = "Appointments per day (default 250, at most 5000).")
    int count;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "2026", description = "Seed of the simulated days (default 2026).")
    long seed;

    @Override
    public void checkOptions() {
        Check.range("--count", count, 0, CentralSimCommand.MAX_COUNT);
    }

    @Override
    public Integer call() throws IOException {
        Messages m = root.messages();
        OfficeSettings office = OfficeSettings.denpasar();
        Clock clock = Clock.system(office.zone());
        Path data = root.data != null ? root.data : Files.createTempDirectory("loket-demo-");
        Logging.toFolder(data);
        // The sign-in window first; the simulator, the database and the demo accounts behind it.
        java.util.concurrent.atomic.AtomicReference<CentralSimulator> running = new java.util.concurrent.atomic.AtomicReference<>();
        Desk.start(data, root.language, new Desk.Foreknown(office.name(), true), () -> {
            String token = HexFormat.of().formatHex(SecureRandom.getSeed(16));
            CentralStore store = new CentralStore(seed, Set.of(office.code()), count, office.zone(), clock);
            CentralSimulator sim = new CentralSimulator(store, token, clock).start(0);
            running.set(sim);
            AppContext app = AppContext.open(data, root.keyFile(), clock, m);
            try {
                SettingsRepository settings = app.settings();
                settings.put(SettingsRepository.OFFICE_CODE, office.code());
                settings.put(SettingsRepository.CENTRAL_URL, sim.baseUrl());
                ensureAccounts(app.auth());
                root.out().println(m.get("demo.banner", data, sim.baseUrl(), LocalDate.now(clock)));
                for (DemoAccount a : ACCOUNTS) {
                    root.out().println(m.get("demo.account", a.username(), DEMO_PASSWORD, m.get("role." + a.role().name()), a.fullName()));
                }
                root.out().flush();
                return new Desk.Workplace(app, new CentralClient(CentralClient.Config.of(sim.baseUrl(), token)), office.code(),
                        Optional.of(controls(sim)));
            } catch (RuntimeException e) {
                app.close();
                throw e;
            }
        }, root.err(), code -> {
            CentralSimulator sim = running.get();
            if (sim != null) {
                sim.close();
            }
            System.exit(code);
        });
        root.windowOpened();
        return 0;
    }

    /** Marks the folder as a training folder (refused for one with real accounts) and makes the demo accounts. */
    private static void ensureAccounts(AuthService auth) {
        auth.markTraining();
        for (DemoAccount a : ACCOUNTS) {
            auth.createTrainingAccount(new Staff(a.username(), a.fullName(), a.role()), DEMO_HASH);
        }
    }

    static DemoControls controls(CentralSimulator sim) {
        String office = sim.store().offices().iterator().next();
        return new DemoControls() {
            private long round;

            @Override
            public boolean flaky() {
                return sim.faultRates().total() > 0;
            }

            @Override
            public void setFlaky(boolean on) {
                sim.faultRates(on ? FaultRates.flaky(FLAKY_RATE, 2) : FaultRates.NONE, System.nanoTime());
            }

            @Override
            public Optional<String> cancelOneOfTodaysBookings() {
                return change(1, 0);
            }

            @Override
            public Optional<String> latePaymentArrives() {
                return change(0, 1);
            }

            private synchronized Optional<String> change(int cancellations, int latePayments) {
                List<Appointment> changed = sim.store().changeDuringDay(office, sim.store().today(),
                        cancellations, 0, latePayments, System.nanoTime() + round++);
                return changed.stream().findFirst().map(Appointment::bookingCode);
            }

            @Override
            public boolean centralUp() {
                return sim.isUp();
            }

            @Override
            public void takeCentralDown() {
                sim.goDown();
            }

            @Override
            public void bringCentralBack() {
                try {
                    sim.comeBack();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
