package id.loket.app;

import id.loket.central.CentralClient;
import id.loket.central.CentralTrust;
import id.loket.central.CentralUrl;
import id.loket.common.i18n.Messages;
import id.loket.common.model.UserFacingException;
import id.loket.settings.repo.SettingsRepository;
import id.loket.sync.model.PullReport;
import id.loket.sync.model.PushReport;
import id.loket.sync.model.RejectedItem;
import id.loket.sync.service.RetrySettings;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code loket sync}: pulls the office's appointments of one or more dates, headless, for scheduled jobs. */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {"Pull the office's appointments from central into the local database, then send the outbox's waiting events to central.",
            "Says what it pulled, sent, and what is left. Exits 1 if the pull or the push did not complete; running it again completes it."})
final class SyncCommand implements Callable<Integer>, CheckedOptions {

    static final int MAX_RETRIES = 20;
    static final int MAX_TIMEOUT_SECONDS = 600;

    @ParentCommand
    LoketCommand root;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "First date to pull (default: today in the office's time zone).")
    LocalDate date;

    @Option(names = "--days", paramLabel = "N", defaultValue = "1", description = "Number of dates from --date (default 1, at most 31).")
    int days;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "3", description = "Retries of a request that failed for a passing fault (default 3, at most 20).")
    int retries;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "20", description = "How long to wait for one answer of central (default 20, 1 to 600).")
    int timeoutSeconds;

    @Override
    public void checkOptions() {
        Check.date("--date", date);
        if (days < 1 || days > 31) {
            throw new UserFacingException("cli.badDays", days);
        }
        Check.range("--retries", retries, 0, MAX_RETRIES);
        Check.range("--timeout", timeoutSeconds, 1, MAX_TIMEOUT_SECONDS);
    }

    @Override
    public Integer call() {
        Messages m = root.messages();
        Logging.toFolder(root.dataDir());
        try (AppContext app = root.open(Clock.systemDefaultZone(), m)) {
            CentralTarget target = CentralTarget.forFolder(root, app);
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

    /**
     * Where central is and which office to ask for: from the command line, else from the settings;
     * what is given is saved. The URL must be https (http only to this computer), and the saved
     * token goes only to the URL it was given for: a new --central without --token is refused
     * before anything is sent, so an old token never reaches a new host.
     */
    /**
     * Where central is and who this office is, from the options or the folder's settings. A
     * training folder only ever talks to a central on this computer. Nothing is saved until
     * {@link #remember}: a refused run leaves the folder's settings as they were.
     */
    record CentralTarget(CentralClient.Config config, String office, String caFile) {

        /** The target of this folder's commands, checked against the folder (training or not) and remembered in its settings. */
        static CentralTarget forFolder(LoketCommand root, AppContext app) {
            CentralTarget target = resolve(root, app.settings(), app.auth().isTraining());
            target.remember(root, app.settings());
            return target;
        }

        /** The target, checked, not yet saved; {@code training}: the folder is (or is about to become) a training folder. */
        static CentralTarget resolve(LoketCommand root, SettingsRepository settings, boolean training) {
            String savedUrl = settings.get(SettingsRepository.CENTRAL_URL).filter(u -> !u.isBlank()).orElse(null);
            String savedToken = settings.get(SettingsRepository.CENTRAL_TOKEN).filter(t -> !t.isBlank()).orElse(null);
            String urlText = root.central != null ? root.central : savedUrl;
            String office = root.office != null ? root.office : settings.get(SettingsRepository.OFFICE_CODE).orElse(null);
            if (urlText == null || (root.token == null && savedToken == null) || office == null) {
                throw new UserFacingException("cli.centralUnset");
            }
            if (!office.matches("[A-Z]{3,5}")) {
                throw new UserFacingException("cli.badOffice", office);
            }
            URI url = CentralUrl.parse(urlText);
            if (training && !CentralUrl.isLoopback(url.getHost())) {
                throw new UserFacingException("central.trainingNotLoopback", url);
            }
            String token = root.token;
            if (token == null) {
                // A token saved before tokens were bound to a URL belongs to the URL saved with it.
                String boundTo = settings.get(SettingsRepository.CENTRAL_TOKEN_URL).filter(u -> !u.isBlank()).orElse(savedUrl);
                if (!url.equals(sameUrl(boundTo))) {
                    throw new UserFacingException("central.tokenForAnotherUrl", String.valueOf(boundTo), url.toString());
                }
                token = savedToken;
            }
            String caFile = root.centralCa != null ? root.centralCa : settings.get(SettingsRepository.CENTRAL_CA_FILE).orElse("");
            SSLContext trust = null;
            if (!caFile.isBlank()) {
                caFile = LoketCommand.caPath(caFile).toString();
                trust = CentralTrust.withOfficeCa(Path.of(caFile));
            }
            return new CentralTarget(CentralClient.Config.of(url.toString(), token).withTrust(trust), office, caFile);
        }

        /** Saves the URL, the token bound to it, the office and (when given on the command line) the CA file. */
        void remember(LoketCommand root, SettingsRepository settings) {
            String url = config.baseUrl().toString();
            settings.put(SettingsRepository.CENTRAL_URL, url);
            settings.put(SettingsRepository.CENTRAL_TOKEN, config.token());
            settings.put(SettingsRepository.CENTRAL_TOKEN_URL, url);
            settings.put(SettingsRepository.OFFICE_CODE, office);
            if (root.centralCa != null) {
                settings.put(SettingsRepository.CENTRAL_CA_FILE, caFile);
            }
        }

        /** A saved URL as Loket compares URLs; one that no longer passes the rules matches nothing. */
        private static URI sameUrl(String saved) {
            try {
                return saved == null ? null : CentralUrl.parse(saved);
            } catch (UserFacingException e) {
                return null;
            }
        }
    }
}
