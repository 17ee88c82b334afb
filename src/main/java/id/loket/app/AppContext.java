package id.loket.app;

import id.loket.casefile.service.AppointmentExport;
import id.loket.backup.model.RestoreCheck;
import id.loket.audit.model.AuditReport;
import id.loket.backup.service.BackupService;
import id.loket.audit.model.AuditHead;
import id.loket.audit.AuditChainRepository;
import id.loket.audit.AuditHeadKeeper;
import id.loket.backup.service.AuditVerifier;
import id.loket.staff.service.Authorization;
import id.loket.casefile.service.CaseExport;
import id.loket.casefile.service.CaseQueries;
import id.loket.casefile.service.CaseWork;
import id.loket.casefile.service.Outbox;
import id.loket.central.CentralClient;
import id.loket.receipt.model.PickupRules;
import id.loket.checkin.service.CheckInService;
import id.loket.document.service.DocumentService;
import id.loket.pickup.service.PickupService;
import id.loket.receipt.service.HolidayService;
import id.loket.receipt.service.ReceiptService;
import id.loket.verification.service.VerificationService;
import id.loket.common.i18n.Messages;
import id.loket.common.live.ChangeFeed;
import id.loket.db.Database;
import id.loket.queue.service.QueueService;
import id.loket.settings.model.OfficeSettings;
import id.loket.settings.repo.KeyValues;
import id.loket.settings.repo.PcSettings;
import id.loket.settings.repo.SettingsRepository;
import id.loket.staff.service.AuthService;
import id.loket.staff.service.Authorization;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Session;
import id.loket.staff.service.PasswordHasher;
import id.loket.report.model.ReportDefinition;
import id.loket.report.model.ReportResult;
import id.loket.report.pdf.ReportPdf;
import id.loket.report.service.ReportCatalog;
import id.loket.report.service.ReportCsv;
import id.loket.report.service.ReportService;
import id.loket.report.repo.ReportReader;
import id.loket.supervisor.service.CloseDayService;
import id.loket.supervisor.service.DashboardService;
import id.loket.casefile.model.OutboxEntry;
import id.loket.casefile.model.OutboxSummary;
import id.loket.sync.service.ConflictService;
import id.loket.sync.service.PullService;
import id.loket.sync.service.PushService;
import id.loket.sync.service.PushSettings;
import id.loket.sync.service.RetrySettings;
import id.loket.sync.service.SyncLeadership;
import id.loket.db.AdvisoryLock;
import java.nio.file.Path;
import java.util.List;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.time.Clock;
import java.time.Duration;

/**
 * The composition root: the one place that opens the database and builds the services, then
 * hands them to whoever needs them. No singletons, no static lookups.
 */
public final class AppContext implements AutoCloseable {

    /** Items per page asked of central (the contract's default). */
    static final int PAGE_SIZE = 200;

    private final Path dataDir;
    private final Database db;
    private final Clock clock;
    private final Messages messages;
    private ReportReader reportReader;
    private final AuditHeadKeeper auditHead;
    /** The office's server this context works on (null: the H2 file), with the report reader's role if named. */
    private DatabaseChoice server;

    private AppContext(Path dataDir, Database db, Clock clock, Messages messages, AuditHeadKeeper auditHead) {
        this.dataDir = dataDir;
        this.db = db;
        this.clock = clock;
        this.messages = messages;
        this.auditHead = auditHead;
    }

    public static AppContext open(Path dataDir, Clock clock, Messages messages) {
        return of(dataDir, Database.openFolder(dataDir), clock, messages);
    }

    /**
     * The office's database on its PostgreSQL server, shared with the other counters. The data
     * folder still holds this PC's settings, its log and its copy of the audit chain's signed
     * head (covering what this PC saw committed), signed with this folder's key.
     */
    public static AppContext openServer(Path dataDir, DatabaseChoice server, Path keyFile, Clock clock, Messages messages) {
        Database db = server.open();
        try {
            java.nio.file.Files.createDirectories(dataDir);
            id.loket.db.KeyFile.Owner.onlyFolder(dataDir);
            Path keyPath = keyFile != null ? keyFile
                    : Optional.ofNullable(System.getenv(Database.KEY_FILE_VARIABLE)).filter(v -> !v.isBlank()).map(Path::of).orElse(null);
            id.loket.db.KeyFile key = id.loket.db.KeyFile.forServerDesk(dataDir, keyPath);
            AuditHeadKeeper head = AuditHeadKeeper.attach(db, key.auditKey(), dataDir.resolve(AUDIT_HEAD_FILE), true);
            AppContext app = new AppContext(dataDir, db, clock, messages, head);
            app.server = server;
            return app;
        } catch (java.io.IOException e) {
            db.close();
            throw new id.loket.common.model.UserFacingException(e, "data.cannotCreate", dataDir);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** True when this context works on the office's shared server (PostgreSQL), false on this PC's H2 file. */
    public boolean sharedDatabase() {
        return db.dialect().family() == org.jooq.SQLDialect.POSTGRES;
    }

    /** The settings of this PC (its database, counter, language, printer), in the data folder. */
    public PcSettings pcSettings() {
        return new PcSettings(dataDir);
    }

    /**
     * This desk's preferences (counter, language, printer): this PC's file; on an H2 file of an
     * earlier Loket, which kept them in the database, the database's value until one is written.
     */
    public KeyValues deskSettings() {
        PcSettings pc = pcSettings();
        SettingsRepository office = settings();
        boolean legacy = !sharedDatabase();
        return new KeyValues() {
            @Override
            public Optional<String> get(String key) {
                Optional<String> own = pc.get(key);
                return own.isPresent() || !legacy ? own : office.get(key);
            }

            @Override
            public void put(String key, String value) {
                pc.put(key, value);
            }
        };
    }

    /** The signed head of the audit chain, in the data folder. */
    static final String AUDIT_HEAD_FILE = "audit.head";

    /** Checks the audit chain and its signed head (supervisors and administrators; restore passes its session). */
    public AuditVerifier auditVerifier() {
        return new AuditVerifier(db, new Authorization(db), auditHead, clock);
    }

    /** The audit chain's end now (entry number and hash), e.g. for the daily summary's footer. */
    public AuditHead auditChainHead() {
        return new AuditChainRepository(db.dsl()).head();
    }

    /** The same with the folder's key at {@code keyFile} ({@code null}: LOKET_KEY_FILE, else the default place). */
    public static AppContext open(Path dataDir, Path keyFile, Clock clock, Messages messages) {
        return of(dataDir, Database.openFolder(dataDir, keyFile), clock, messages);
    }

    /** The same for a command that runs briefly: its H2 file closes without compaction ({@link Database#openFolderBriefly}). */
    public static AppContext openBriefly(Path dataDir, Path keyFile, Clock clock, Messages messages) {
        return of(dataDir, Database.openFolderBriefly(dataDir, keyFile), clock, messages);
    }

    /**
     * A context on a database already open: the audit chain's head keeper is attached, signing
     * with the folder's key (a restore into a folder that had none comes here too).
     */
    static AppContext of(Path dataDir, Database db, Clock clock, Messages messages) {
        try {
            AuditHeadKeeper head = AuditHeadKeeper.attach(db, db.auditKey(), dataDir.resolve(AUDIT_HEAD_FILE), false);
            return new AppContext(dataDir, db, clock, messages, head);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** What happened to the data folder as it was opened (a new key, encryption in place), in this context's words. */
    public List<String> storageNotices() {
        return db.notices().stream().map(n -> messages.get(n.key(), n.args())).toList();
    }

    /** Backups and restore of this folder. */
    public BackupService backups() {
        // The audit trail's verification plugs in here (AfterRestore): it runs on the restored
        // database before the restore is audited and reported.
        return new BackupService(db, new Authorization(db), clock, this::checkRestored);
    }

    /**
     * Right after a restore: the chain of the restored database checked against the signed head.
     * The head was signed later than the backup, so a chain that is whole but ends before it
     * ("cut off": exactly the entries made after the backup) is what a restore must show; the
     * head is then signed again at the restored end (audited), and anything else is broken.
     */
    public RestoreCheck checkRestored(Session session) {
        AuditVerifier verifier = auditVerifier();
        AuditReport report = verifier.chainStatus();
        String words = AuditCommand.describe(report, messages);
        if (report.intact()) {
            return new RestoreCheck(RestoreCheck.Status.INTACT, words);
        }
        if (report.outcome() == AuditReport.Outcome.CUT_OFF && session != null) {
            verifier.resign(session);
            return new RestoreCheck(RestoreCheck.Status.INTACT, messages.get("restore.chainAfterBackup", Long.toString(report.at()),
                    Long.toString(report.to())));
        }
        if ((report.outcome() == AuditReport.Outcome.HEAD_BEHIND || report.outcome() == AuditReport.Outcome.HEAD_MISSING) && session != null) {
            // the chain itself holds; only the signature of its head lags or is missing here
            verifier.resign(session);
            return new RestoreCheck(RestoreCheck.Status.INTACT, messages.get("restore.headResigned", words));
        }
        return new RestoreCheck(RestoreCheck.Status.BROKEN, words);
    }

    /** The database itself, for the commands that move it whole (db copy). */
    Database database() {
        return db;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Clock clock() {
        return clock;
    }

    public Messages messages() {
        return messages;
    }

    public SettingsRepository settings() {
        return new SettingsRepository(db.dsl());
    }

    /** The pickup rules as the office's settings say now (Denpasar's defaults where one is not set). */
    public PickupRules pickupRules() {
        SettingsRepository s = settings();
        return PickupRules.from(s.get(SettingsRepository.PICKUP_WORKING_DAYS), s.get(SettingsRepository.PICKUP_FIRST_DAY_HOURS),
                s.get(SettingsRepository.PICKUP_LATER_DAY_HOURS));
    }

    public OfficeSettings office() {
        return settings().office();
    }

    public AuthService auth() {
        return new AuthService(db, new PasswordHasher(), authorization(), clock);
    }

    /** Each officer's look of the desk (theme, text size), remembered per officer. */
    public id.loket.staff.service.LookPreferences lookPreferences() {
        return new id.loket.staff.service.LookPreferences(db, authorization());
    }

    /** The one policy every service asks (action × role, the account re-read each time). */
    public Authorization authorization() {
        return new Authorization(db);
    }

    public QueueService queue() {
        return new QueueService(db);
    }

    public AppointmentExport appointmentExport() {
        return new AppointmentExport(db);
    }

    public CaseExport caseExport() {
        return new CaseExport(db);
    }

    public PullService pullService(CentralClient client, RetrySettings retry) {
        return new PullService(db, client, retry, clock, messages, PAGE_SIZE, auth().systemSession());
    }

    /** Sends the outbox to central (one per desk or command: it holds the circuit breaker's state). */
    public PushService pushService(CentralClient client, RetrySettings retry, String office) {
        return pushService(client, retry, office, clock, PushSettings.defaults());
    }

    /** The same on another clock (a simulated day's) and with other batch and breaker settings. */
    public PushService pushService(CentralClient client, RetrySettings retry, String office, Clock clock, PushSettings settings) {
        return new PushService(db, client, retry, clock, office, messages, settings, auth().systemSession());
    }

    /**
     * Who of the office talks to central: on the office's server, the holder of one advisory lock
     * (per database schema, so each office's data has its own); on the H2 file, this process.
     * {@code role} names this process to the others, e.g. "desk" or "sync-worker".
     */
    public SyncLeadership syncLeadership(String role) {
        if (!sharedDatabase()) {
            return SyncLeadership.ALONE;
        }
        String schema = String.valueOf(db.dsl().fetchValue("SELECT current_schema()"));
        long key = 0x4C4F4B4554L << 16 ^ (schema == null ? 0 : schema.hashCode() & 0xFFFFFFFFL);
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "?";
        }
        AdvisoryLock lock = new AdvisoryLock(db, key, "loket " + role + " " + host + " pid " + ProcessHandle.current().pid());
        return new SyncLeadership() {
            @Override
            public boolean holdsOrAcquires() {
                return lock.holdsOrAcquires();
            }

            @Override
            public Optional<String> holder() {
                return lock.holder();
            }

            @Override
            public void close() {
                lock.close();
            }
        };
    }

    /** The conflicts between the office and central, for the supervisor. */
    public ConflictService conflicts() {
        return new ConflictService(db, clock);
    }

    /** The outbox's backlog of one office, read without calling central. */
    public OutboxSummary outboxSummary(String office) {
        return PushService.backlog(db.dsl(), office);
    }

    /** Waiting, held and failed events in occurrence order, read without calling central (supervisors and admins). */
    public List<OutboxEntry> unsentEvents(Session session) {
        authorization().require(session, Permission.VIEW_OUTBOX);
        return new Outbox(db.dsl()).unsent();
    }

    /** How long the oldest waiting event may wait before the supervisor is warned (setting, 2 hours by default). */
    public Duration backlogWarnAfter() {
        return Duration.ofMinutes(Math.round(60 * settings().get(SettingsRepository.BACKLOG_WARN_HOURS).map(Double::parseDouble).orElse(2.0)));
    }

    /** Closing the day: no-shows recorded, what is still open (supervisors only). */
    public CloseDayService closeDay(Clock clock) {
        // the day's backup into backups/ (keeping the last backup.keep), as the supervisor who closed it
        return new CloseDayService(caseWork(clock), office().code(), session -> {
            if (db.dialect().family() == org.jooq.SQLDialect.H2) {
                backups().dailyBackup(session);
            }
        });
    }

    /** Today at a glance for the supervisor (supervisors only). */
    public DashboardService dashboard(Clock clock) {
        return new DashboardService(db, clock, office().code());
    }

    /** Runs the catalogue's reports against this office's data, on {@code clock}, as the report reader (read only). */
    public ReportService reports(Clock clock) {
        OfficeSettings o = office();
        return new ReportService(reportReader(), db.dsl(), o.code(), o.zone(), clock, authorization());
    }

    /** The database user reports run as: one per context (on H2 it sets the user's password once). */
    public synchronized ReportReader reportReader() {
        if (reportReader == null) {
            if (server != null && server.reportUser() != null) {
                reportReader = ReportReader.postgres(db, server.reportUser(), server.reportPassword().orElse(null));
            } else if (server != null) {
                throw new id.loket.common.model.UserFacingException("report.readerNotConfiguredServer");
            } else {
                reportReader = ReportReader.of(db);
            }
        }
        return reportReader;
    }

    /**
     * Loket's report catalogue: the built-in reports, plus those of the administrator's folder
     * (setting {@code reports.dir}); never the working directory. What of that folder was not
     * loaded is in its {@code problems()}.
     */
    public ReportCatalog reportCatalogue() {
        return ReportCatalog.load(AppContext.class.getClassLoader(), settings().get(ReportCatalog.FOLDER_SETTING));
    }

    /** The reports of {@link #reportCatalogue()}, all of them (the desk lists those of the role: {@code ReportCatalog.runnableBy}). */
    public List<ReportDefinition> reportCatalog() {
        return reportCatalogue().all();
    }

    /** One report of the catalogue for {@code date} (its other parameters at their defaults), as PDF/A-2b or CSV. */
    public byte[] renderReport(ReportDefinition def, LocalDate date, Session by, Messages language, Clock clock, boolean pdf) {
        return renderReport(def, date, by, language, clock, pdf, null);
    }

    private byte[] renderReport(ReportDefinition def, LocalDate date, Session by, Messages language, Clock clock, boolean pdf, String footerNote) {
        ReportService service = reports(clock);
        ReportResult result = service.run(by, def, service.parameters(def, Map.of("date", date.toString())));
        OfficeSettings o = office();
        return pdf ? ReportPdf.render(result, new ReportPdf.Office(o.name(), o.address()), language, o.zone(), footerNote)
                : ReportCsv.write(result, o.zone());
    }

    /**
     * The daily summary of {@code date} as PDF/A-2b (A4), generated by {@code by}, in the
     * language of this context's messages; empty if the catalogue has no daily-summary.
     */
    public Optional<byte[]> dailySummaryPdf(LocalDate date, Session by, Messages language, Clock clock) {
        Optional<ReportDefinition> def = ReportCatalog.fromClassPath(AppContext.class.getClassLoader()).find("daily-summary");
        if (def.isEmpty()) {
            return Optional.empty();
        }
        AuditHead head = auditChainHead(); // the chain's end as the summary is made: paper anchors the chain
        return Optional.of(renderReport(def.get(), date, by, language, clock, true,
                language.get("audit.footer", Long.toString(head.seq()), head.shortHash())));
    }

    /**
     * How long the desk may go without a key or a click before it locks (setting
     * {@code desk.idleLockMinutes}, 5 by default; decimals allowed; 0 or less never locks).
     */
    public Duration idleLock() {
        double minutes = settings().get(IDLE_LOCK_MINUTES).map(v -> {
            try {
                return Double.parseDouble(v.strip());
            } catch (NumberFormatException e) {
                return 5.0;
            }
        }).orElse(5.0);
        return minutes <= 0 ? Duration.ZERO : Duration.ofMillis(Math.round(minutes * 60_000));
    }

    /** The setting of {@link #idleLock()}. */
    public static final String IDLE_LOCK_MINUTES = "desk.idleLockMinutes";

    /** Days an applicant on hold has to bring what is missing (setting {@code hold.days}, 7 by default). */
    public int holdDays() {
        return settings().get(SettingsRepository.HOLD_DAYS).map(Integer::parseInt).orElse(7);
    }

    public CaseWork caseWork(Clock clock) {
        return new CaseWork(db, clock);
    }

    /** A supervisor's release of a case held by a counter whose desk stopped. */
    public id.loket.supervisor.service.ReleaseService release(Clock clock) {
        return new id.loket.supervisor.service.ReleaseService(caseWork(clock));
    }

    public CheckInService checkIn(Clock clock) {
        return new CheckInService(caseWork(clock), office().code());
    }

    public VerificationService verification(Clock clock) {
        return new VerificationService(caseWork(clock), holdDays());
    }

    /** Receipts, with the pickup rules as the settings say now. */
    public ReceiptService receipts(Clock clock) {
        return new ReceiptService(caseWork(clock), pickupRules());
    }

    public PickupService pickup(Clock clock) {
        return new PickupService(caseWork(clock));
    }

    /** The printable documents of a case, as the database holds them now; the office's letterhead and zone. */
    public DocumentService documents(Clock clock) {
        return new DocumentService(db, pickupRules(), office(), clock, receipts(clock));
    }

    public HolidayService holidays() {
        return new HolidayService(db, clock);
    }

    /**
     * Committed changes at any counter, for the screens to follow: PostgreSQL's {@code LISTEN/NOTIFY}
     * (one listening connection, started at the first subscriber), in-process on H2 (the file is
     * open in this process only). Closed with the database.
     */
    public ChangeFeed changes() {
        return db.changes();
    }

    /** Whether the office's database server answers this process (always, on the H2 file). */
    public id.loket.common.live.ServerLink serverLink() {
        return db.serverLink();
    }

    public CaseQueries cases() {
        return new CaseQueries(db);
    }

    /** The waiting-room display's reads (queue numbers and counters only) and its running text. */
    public id.loket.display.service.DisplayService display(Clock clock) {
        return new id.loket.display.service.DisplayService(db, clock, office().code());
    }

    @Override
    public void close() {
        db.close();
    }
}
