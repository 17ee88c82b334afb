package id.loket.app;

import id.loket.central.CentralClient;
import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import id.loket.settings.repo.SettingsRepository;
import id.loket.sync.model.PullReport;
import id.loket.sync.model.PushReport;
import id.loket.sync.model.RejectedItem;
import id.loket.sync.service.RetrySettings;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code loket sync}: pulls the office's appointments of one or more dates, headless, for scheduled jobs. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Pull the office's appointments from central into the local database, then send the outbox's waiting events to central.",
            "Says what it pulled, sent, and what is left. Exits 1 if the pull or the push did not complete; running it again completes it."})
final class SyncCommand implements Callable<Integer> {

    @ParentCommand
    LoketCommand root;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "First date to pull (default: today in the office's time zone).")
    LocalDate date;

    @Option(names = "--days", paramLabel = "N", defaultValue = "1", description = "Number of dates from --date (default 1).")
    int days;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "3", description = "Retries of a request that failed for a passing fault (default 3).")
    int retries;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "20", description = "How long to wait for one answer of central (default 20).")
    int timeoutSeconds;

    @Override
    public Integer call() {
        Messages m = root.messages();
        if (days < 1 || days > 31) {
            throw new UserFacingException("cli.badDays", days);
        }
        Logging.toFolder(root.dataDir());
        try (AppContext app = root.open(Clock.systemDefaultZone(), m)) {
            CentralTarget target = CentralTarget.resolve(root, app.settings());
            Clock clock = Clock.system(app.office().zone());
            LocalDate first = date != null ? date : LocalDate.now(clock);
            CentralClient client = new CentralClient(target.config().withRequestTimeout(Duration.ofSeconds(timeoutSeconds)));
            RetrySettings retry = new RetrySettings(retries, RetrySettings.defaults().firstDelay(),
                    RetrySettings.defaults().maxDelay(), RetrySettings.defaults().longestRetryAfter());
            PullReport report = app.pullService(client, retry).pull(target.office(), first, days, (d, i, n, received) -> { });
            root.out().println(m.get("sync.summary", target.office(), first, days, report.pages(), report.received(),
                    report.applied(), report.ignored(), report.rejected().size()));
            if (report.conflicts() > 0) {
                root.out().println(m.get("sync.conflicts", report.conflicts()));
            }
            for (RejectedItem r : report.rejected()) {
                root.out().println(m.get("sync.setAside", r.date(), String.valueOf(r.itemId()), String.valueOf(r.bookingCode()), r.reason()));
            }
            if (report.failure().isPresent()) {
                root.err().println(m.get("sync.incomplete", report.failure().get()));
            }
            PushReport pushed = app.pushService(client, retry, target.office()).pushOnce();
            root.out().println(m.get("sync.pushSummary", pushed.sent(), pushed.duplicates(), pushed.conflicts(), pushed.invalid(),
                    pushed.waiting(), pushed.held(), pushed.failed()));
            pushed.problem().ifPresent(p -> root.err().println(m.get("sync.pushIncomplete", p)));
            return report.failure().isPresent() || pushed.problem().isPresent() ? 1 : 0;
        }
    }

    /** Where central is and which office to ask for: from the command line, else from the settings; what is given is saved. */
    record CentralTarget(CentralClient.Config config, String office) {

        static CentralTarget resolve(LoketCommand root, SettingsRepository settings) {
            String url = root.central != null ? root.central : settings.get(SettingsRepository.CENTRAL_URL).orElse(null);
            String token = root.token != null ? root.token : settings.get(SettingsRepository.CENTRAL_TOKEN).orElse(null);
            String office = root.office != null ? root.office : settings.get(SettingsRepository.OFFICE_CODE).orElse(null);
            if (url == null || token == null || office == null) {
                throw new UserFacingException("cli.centralUnset");
            }
            if (!office.matches("[A-Z]{3,5}")) {
                throw new UserFacingException("cli.badOffice", office);
            }
            if (!url.startsWith("http://") && !url.startsWith("https://")) {
                throw new UserFacingException("cli.badUrl", url);
            }
            settings.put(SettingsRepository.CENTRAL_URL, url);
            settings.put(SettingsRepository.CENTRAL_TOKEN, token);
            settings.put(SettingsRepository.OFFICE_CODE, office);
            return new CentralTarget(CentralClient.Config.of(url, token), office);
        }
    }
}
