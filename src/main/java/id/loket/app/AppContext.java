package id.loket.app;

import id.loket.appointment.service.AppointmentExport;
import id.loket.audit.model.AuditHead;
import id.loket.audit.repo.AuditChainRepository;
import id.loket.audit.repo.AuditHeadKeeper;
import id.loket.audit.service.AuditVerifier;
import id.loket.db.KeyFile;
import id.loket.staff.service.Authorization;
import java.nio.file.Files;
import id.loket.casefile.service.CaseExport;
import id.loket.casefile.service.CaseQueries;
import id.loket.casefile.service.CaseWork;
import id.loket.central.CentralClient;
import id.loket.receipt.model.FeeTable;
import id.loket.checkin.service.CheckInService;
import id.loket.document.service.DocumentService;
import id.loket.pickup.service.PickupService;
import id.loket.receipt.service.HolidayService;
import id.loket.receipt.service.ReceiptService;
import id.loket.verification.service.VerificationService;
import id.loket.common.i18n.Messages;
import id.loket.db.Database;
import id.loket.queue.service.QueueService;
import id.loket.settings.model.OfficeSettings;
import id.loket.settings.repo.SettingsRepository;
import id.loket.staff.service.AuthService;
import id.loket.staff.service.PasswordHasher;
import id.loket.report.model.ReportDefinition;
import id.loket.report.model.ReportResult;
import id.loket.report.pdf.ReportPdf;
import id.loket.report.service.ReportCatalog;
import id.loket.report.service.ReportCsv;
import id.loket.report.service.ReportService;
import id.loket.supervisor.service.CloseDayService;
import id.loket.supervisor.service.DashboardService;
import id.loket.sync.model.OutboxEntry;
import id.loket.sync.model.OutboxSummary;
import id.loket.sync.repo.PushRepository;
import id.loket.sync.service.ConflictService;
import id.loket.sync.service.PullService;
import id.loket.sync.service.PushService;
import id.loket.sync.service.PushSettings;
import id.loket.sync.service.RetrySettings;
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
    private final AuditHeadKeeper auditHead;

    private AppContext(Path dataDir, Database db, Clock clock, Messages messages, AuditHeadKeeper auditHead) {
        this.dataDir = dataDir;
        this.db = db;
        this.clock = clock;
        this.messages = messages;
        this.auditHead = auditHead;
    }

    public static AppContext open(Path dataDir, Clock clock, Messages messages) {
        Database db = Database.openFolder(dataDir);
        try {
            AuditHeadKeeper head = AuditHeadKeeper.attach(db, auditKey(dataDir), dataDir.resolve(AUDIT_HEAD_FILE), false);
            return new AppContext(dataDir, db, clock, messages, head);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The signed head of the audit chain, in the data folder. */
    static final String AUDIT_HEAD_FILE = "audit.head";

    /**
     * The key that signs the audit head. AUDIT KEY: the one place to replace with the database's
     * own key once {@code Database} carries it (e.g. {@code db.auditKey()}).
     */
    private static byte[] auditKey(Path dataDir) {
        Path keyPath = KeyFile.defaultFor(dataDir);
        return (Files.isRegularFile(keyPath) ? KeyFile.read(keyPath) : KeyFile.create(keyPath)).auditKey();
    }

    /** Checks the audit chain and its signed head (supervisors and administrators; restore passes its session). */
    public AuditVerifier auditVerifier() {
        return new AuditVerifier(db, new Authorization(db), auditHead, clock);
    }

    /** The audit chain's end now (entry number and hash), e.g. for the daily summary's footer. */
    public AuditHead auditChainHead() {
        return new AuditChainRepository(db.dsl()).head();
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

    public OfficeSettings office() {
        return settings().office();
    }

    public AuthService auth() {
        return new AuthService(db, new PasswordHasher(), clock);
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
        return new PullService(db, client, retry, clock, messages, PAGE_SIZE);
    }

    /** Sends the outbox to central (one per desk or command: it holds the circuit breaker's state). */
    public PushService pushService(CentralClient client, RetrySettings retry, String office) {
        return pushService(client, retry, office, clock, PushSettings.defaults());
    }

    /** The same on another clock (a simulated day's) and with other batch and breaker settings. */
    public PushService pushService(CentralClient client, RetrySettings retry, String office, Clock clock, PushSettings settings) {
        return new PushService(db, client, retry, clock, office, messages, settings);
    }

    /** The conflicts between the office and central, for the supervisor. */
    public ConflictService conflicts() {
        return new ConflictService(db, clock);
    }

    /** The outbox's backlog of one office, read without calling central. */
    public OutboxSummary outboxSummary(String office) {
        return new PushRepository(db.dsl()).summary(office);
    }

    /** Waiting, held and failed events in occurrence order, read without calling central. */
    public List<OutboxEntry> unsentEvents() {
        return new PushRepository(db.dsl()).unsent();
    }

    /** How long the oldest waiting event may wait before the supervisor is warned (setting, 2 hours by default). */
    public Duration backlogWarnAfter() {
        return Duration.ofMinutes(Math.round(60 * settings().get(SettingsRepository.BACKLOG_WARN_HOURS).map(Double::parseDouble).orElse(2.0)));
    }

    /** Closing the day: no-shows recorded, what is still open (supervisors only). */
    public CloseDayService closeDay(Clock clock) {
        return new CloseDayService(caseWork(clock), office().code());
    }

    /** Today at a glance for the supervisor (supervisors only). */
    public DashboardService dashboard(Clock clock) {
        return new DashboardService(db, clock, office().code());
    }

    /** Runs the catalogue's reports against this office's data, on {@code clock}. */
    public ReportService reports(Clock clock) {
        OfficeSettings o = office();
        return new ReportService(db.dsl(), o.code(), o.zone(), clock);
    }

    /** The report catalogue bundled with Loket (reports/). */
    public List<ReportDefinition> reportCatalog() {
        return ReportCatalog.fromClassPath(AppContext.class.getClassLoader()).all();
    }

    /** One report of the catalogue for {@code date} (its other parameters at their defaults), as PDF/A-2b or CSV. */
    public byte[] renderReport(ReportDefinition def, LocalDate date, String by, Messages language, Clock clock, boolean pdf) {
        return renderReport(def, date, by, language, clock, pdf, null);
    }

    private byte[] renderReport(ReportDefinition def, LocalDate date, String by, Messages language, Clock clock, boolean pdf, String footerNote) {
        ReportService service = reports(clock);
        ReportResult result = service.run(def, service.parameters(def, Map.of("date", date.toString())), by);
        OfficeSettings o = office();
        return pdf ? ReportPdf.render(result, new ReportPdf.Office(o.name(), o.address()), language, o.zone(), footerNote)
                : ReportCsv.write(result, o.zone());
    }

    /**
     * The daily summary of {@code date} as PDF/A-2b (A4), generated by {@code by}, in the
     * language of this context's messages; empty if the catalogue has no daily-summary.
     */
    public Optional<byte[]> dailySummaryPdf(LocalDate date, String by, Messages language, Clock clock) {
        Optional<ReportDefinition> def = ReportCatalog.fromClassPath(AppContext.class.getClassLoader()).find("daily-summary");
        if (def.isEmpty()) {
            return Optional.empty();
        }
        AuditHead head = auditChainHead(); // the chain's end as the summary is made: paper anchors the chain
        return Optional.of(renderReport(def.get(), date, by, language, clock, true,
                language.get("audit.footer", Long.toString(head.seq()), head.shortHash())));
    }

    /** Days an applicant on hold has to bring what is missing (setting {@code hold.days}, 7 by default). */
    public int holdDays() {
        return settings().get(SettingsRepository.HOLD_DAYS).map(Integer::parseInt).orElse(7);
    }

    public CaseWork caseWork(Clock clock) {
        return new CaseWork(db, clock);
    }

    public CheckInService checkIn(Clock clock) {
        return new CheckInService(caseWork(clock), office().code());
    }

    public VerificationService verification(Clock clock) {
        return new VerificationService(caseWork(clock), holdDays());
    }

    /** Receipts, with the pickup rules as the settings say now. */
    public ReceiptService receipts(Clock clock) {
        return new ReceiptService(caseWork(clock), settings().pickup());
    }

    public PickupService pickup(Clock clock) {
        return new PickupService(caseWork(clock));
    }

    /** The printable documents of a case, as the database holds them now; the office's letterhead and zone. */
    public DocumentService documents(Clock clock) {
        SettingsRepository settings = settings();
        return new DocumentService(db, settings.pickup(), office(), clock,
                new FeeTable(key -> settings.get(key).map(Long::parseLong).orElse(null)));
    }

    public HolidayService holidays() {
        return new HolidayService(db);
    }

    public CaseQueries cases() {
        return new CaseQueries(db);
    }

    @Override
    public void close() {
        db.close();
    }
}
