package id.loket.simulate;

import id.loket.staff.model.Session;
import id.loket.testing.TestSessions;
import id.loket.app.AppContext;
import id.loket.casefile.model.AuditEntry;
import id.loket.casefile.model.CaseFile;
import id.loket.casefile.model.OutboxEvent;
import id.loket.common.i18n.Messages;
import id.loket.settings.repo.SettingsRepository;
import id.loket.sync.service.PullService;
import id.loket.sync.service.RetrySettings;
import id.loket.testing.SimulatedCentral;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A simulated day on a data folder, as the tests look at it afterwards: the summary, every case
 * of the day, its history and its events. Each run opens the folder afresh (as a new process
 * would), pulls the day from the simulator of central if asked, and closes it.
 */
record SimulatedDay(DaySummary summary, Map<String, CaseFile> cases, Map<String, List<AuditEntry>> histories,
        List<OutboxEvent> events, Duration took) {

    static SimulationSettings settings(int counters, long seed) {
        return SimulationSettings.wholeDay(SimulatedCentral.OFFICE, SimulatedCentral.DAY, SimulatedCentral.ZONE, counters, seed);
    }

    static SimulatedDay run(SimulatedCentral central, Path dir, SimulationSettings settings, DaySimulator.Listener listener) {
        return run(central, dir, settings, listener, simulator -> { });
    }

    /** {@code started} is given the simulator just before it runs (to stop it from another thread). */
    static SimulatedDay run(SimulatedCentral central, Path dir, SimulationSettings settings, DaySimulator.Listener listener,
            Consumer<DaySimulator> started) {
        AppContext app = AppContext.open(dir, Clock.systemUTC(), Messages.forLanguage("en"));
        boolean interrupted = false;
        try {
            app.settings().put(SettingsRepository.OFFICE_CODE, SimulatedCentral.OFFICE);
            app.auth().markTraining();
            PullService pull = app.pullService(central.client(Duration.ofSeconds(5)), RetrySettings.none());
            if (!pull.pull(SimulatedCentral.OFFICE, settings.date(), 1, PullService.Listener.NONE).complete()) {
                throw new IllegalStateException("the day could not be pulled");
            }
            SimulatedClock clock = new SimulatedClock(
                    settings.date().atTime(settings.hours().open()).atZone(settings.zone()).toInstant(), settings.zone());
            DaySimulator simulator = new DaySimulator(app.checkIn(clock), app.verification(clock), app.cases(), app.queue(),
                    app.receipts(clock), app.pickup(clock),
                    clock, settings, listener, who -> app.auth().trainingSession(who.username(), who.role(), who.counter()))
                    .releaseWith(app.release(clock));
            started.accept(simulator);
            long t0 = System.nanoTime();
            DaySummary summary = simulator.run();
            Duration took = Duration.ofNanos(System.nanoTime() - t0);
            interrupted = Thread.interrupted();
            return snapshot(app, summary, took, settings.date());
        } finally {
            // the database is closed (and H2 shut down) with the interrupt flag cleared, then the flag is given back
            app.close();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static SimulatedDay snapshot(AppContext app, DaySummary summary, Duration took) {
        return snapshot(app, summary, took, SimulatedCentral.DAY);
    }

    static SimulatedDay snapshot(AppContext app, DaySummary summary, Duration took, java.time.LocalDate date) {
        Session reader = TestSessions.reader(app.caseWork(Clock.systemUTC()).db());
        Map<String, CaseFile> cases = app.cases().day(reader, SimulatedCentral.OFFICE, date).stream()
                .collect(Collectors.toMap(CaseFile::caseRef, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, List<AuditEntry>> histories = new LinkedHashMap<>();
        cases.keySet().forEach(ref -> histories.put(ref, app.cases().history(reader, ref)));
        return new SimulatedDay(summary, cases, histories, app.cases().allEvents(reader), took);
    }
}
