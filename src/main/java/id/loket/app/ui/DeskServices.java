package id.loket.app.ui;

import id.loket.casefile.service.CaseQueries;
import id.loket.checkin.service.CheckInService;
import id.loket.counter.ui.PaperServices;
import id.loket.queue.service.QueueService;
import id.loket.settings.model.OfficeSettings;
import id.loket.staff.service.AuthService;
import id.loket.supervisor.service.CloseDayService;
import id.loket.supervisor.service.DashboardService;
import id.loket.sync.service.ConflictService;
import id.loket.sync.service.SyncScheduler;
import id.loket.verification.service.VerificationService;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Everything the desk window needs, handed down by the composition root: services, the
 * office, its clock and today's date, the background sync, the demo controls (demo mode
 * only), how to keep the chosen language and this desk's counter number, and what to do
 * when the window closes, the paper services (receipts, pickup, documents, printers), the
 * sync conflicts for the supervisor, and how old the backlog may grow before the supervisor
 * is warned. {@code saveCounter} writes to the database: call it off the
 * event-dispatch thread.
 */
public record DeskServices(
        AuthService auth,
        QueueService queue,
        CheckInService checkIn,
        VerificationService verification,
        CaseQueries cases,
        OfficeSettings office,
        Clock clock,
        Supplier<LocalDate> today,
        SyncScheduler sync,
        Optional<DemoControls> demo,
        Consumer<String> saveLanguage,
        Supplier<Optional<String>> counter,
        Consumer<String> saveCounter,
        PaperServices paper,
        ConflictService conflicts,
        Duration backlogWarnAfter,
        DashboardService dashboard,
        CloseDayService closeDay,
        java.util.function.Function<LocalDate, java.util.Optional<java.util.function.Function<id.loket.document.PaperSize, byte[]>>> dailySummary,
        Runnable onClose) {
}
