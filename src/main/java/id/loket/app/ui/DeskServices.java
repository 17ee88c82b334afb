package id.loket.app.ui;

import id.loket.queue.service.QueueService;
import id.loket.settings.model.OfficeSettings;
import id.loket.staff.service.AuthService;
import id.loket.sync.service.SyncScheduler;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Everything the desk window needs, handed down by the composition root: services, the
 * office, today's date, the background sync, the demo controls (demo mode only), how to keep
 * the chosen language, and what to do when the window closes.
 */
public record DeskServices(
        AuthService auth,
        QueueService queue,
        OfficeSettings office,
        Supplier<LocalDate> today,
        SyncScheduler sync,
        Optional<DemoControls> demo,
        Consumer<String> saveLanguage,
        Runnable onClose) {
}
