package id.loket.sync.service;

import id.loket.appointment.model.UpsertCounts;
import id.loket.appointment.service.Appointments;
import id.loket.staff.model.Guarded;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Session;
import id.loket.staff.model.Unguarded;
import id.loket.staff.service.Authorization;
import com.fasterxml.jackson.databind.JsonNode;
import id.loket.appointment.model.Appointment;
import id.loket.central.AppointmentPage;
import id.loket.central.CentralClient;
import id.loket.central.CentralException;
import id.loket.central.ContractJson;
import id.loket.central.ContractViolation;
import id.loket.common.i18n.Messages;
import id.loket.db.Database;
import id.loket.sync.model.PullReport;
import id.loket.sync.model.RejectedItem;
import id.loket.sync.repo.SyncRepository;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pulls the office's appointments from central into the local store. Pages are applied in
 * groups (of {@value #GROUP_ITEMS} items or more), each group in one transaction together with
 * the cursor of its last page, so an interrupted pull resumes after the last group applied, and
 * a group that fails applies nothing. Items that break the contract are set aside and reported;
 * the rest of their group is applied.
 */
public final class PullService {

    /** Progress of a pull, for a progress bar; called on the pulling thread. */
    public interface Listener {
        Listener NONE = (date, dayIndex, days, received) -> { };

        void pageApplied(LocalDate date, int dayIndex, int days, int receivedSoFar);
    }

    private static final Logger LOG = LoggerFactory.getLogger(PullService.class);
    /** A server that always says "more" must not keep a pull going forever. */
    private static final int MAX_PAGES_PER_DATE = 10_000;
    /** Pages are applied in groups of at least this many items, a transaction each: a commit per page cost half a pull's time. */
    public static final int GROUP_ITEMS = 2_000;
    /**
     * A group is applied early when the next page takes longer than this: pages are grouped only
     * while central answers quickly, so a slow central never holds fetched pages back unapplied.
     */
    public static final java.time.Duration GROUP_WAIT = java.time.Duration.ofSeconds(1);

    private final Database db;
    private final CentralClient client;
    private final CentralCalls calls;
    private final Clock clock;
    private final Messages messages;
    private final int pageSize;
    private final Session system;
    private final Authorization authorization;

    /** {@code system} is the system principal's session: pulling is all it may do. */
    public PullService(Database db, CentralClient client, RetrySettings retry, Clock clock, Messages messages, int pageSize, Session system) {
        this.db = db;
        this.system = system;
        this.authorization = new Authorization(db);
        this.client = client;
        this.calls = new CentralCalls(retry);
        this.clock = clock;
        this.messages = messages;
        this.pageSize = pageSize;
    }

    /** When a pull of the office last completed, if ever. */
    @Unguarded("a time, no personal data")
    public Optional<OffsetDateTime> lastSuccessfulPull(String office) {
        return new SyncRepository(db.dsl()).lastSuccessfulPull(office);
    }

    /** Pulls {@code days} dates from {@code first}; never throws for a fault of central, reports it. */
    @Guarded(Permission.PULL)
    public PullReport pull(String office, LocalDate first, int days, Listener listener) {
        authorization.require(system, Permission.PULL);
        OffsetDateTime started = OffsetDateTime.now(clock);
        Tally tally = new Tally();
        List<LocalDate> dates = new ArrayList<>();
        Optional<String> failure = Optional.empty();
        try {
            for (int i = 0; i < days; i++) {
                LocalDate date = first.plusDays(i);
                dates.add(date);
                pullDate(office, date, i, days, tally, listener);
            }
        } catch (CentralException e) {
            failure = Optional.of(messages.of(e));
            LOG.warn("Pull stopped: {} ({})", e.kind(), e.getMessage());
        }
        PullReport report = new PullReport(dates, tally.pages, tally.received, tally.applied, tally.ignored, tally.rejected,
                tally.conflicts, failure);
        new SyncRepository(db.dsl()).recordRun(office, started, OffsetDateTime.now(clock), report);
        LOG.info("Pull {} {}..{}: {} pages, {} received, {} applied, {} ignored, {} set aside{}", office, first,
                first.plusDays(days - 1L), report.pages(), report.received(), report.applied(), report.ignored(),
                report.rejected().size(), report.complete() ? "" : ", incomplete");
        return report;
    }

    /**
     * Pulls one date page by page from its kept cursor. While one group of pages is applied, the
     * next page is already being fetched (on the request thread); the pages are applied in groups
     * of at least {@link #GROUP_ITEMS} items, each group in one transaction with the cursor of its
     * last page. A group is applied at once when the next page is slower than {@link #GROUP_WAIT}
     * (or fails), so what a slow or failing central gave is kept.
     */
    private void pullDate(String office, LocalDate date, int dayIndex, int days, Tally tally, Listener listener) {
        String start = new SyncRepository(db.dsl()).cursor(office, date).orElse(null);
        ExecutorService requests = RequestThread.open("loket-pull-request");
        try {
            Future<AppointmentPage> next = fetch(requests, office, date, start);
            List<AppointmentPage> group = new ArrayList<>();
            int items = 0;
            for (int page = 0; page < MAX_PAGES_PER_DATE; page++) {
                AppointmentPage result;
                try {
                    result = await(next);
                } catch (RuntimeException e) {
                    // what was fetched before central's fault is kept: the next pull resumes after it
                    // (not on an interruption: the database is not written with the flag set)
                    if (!group.isEmpty() && !Thread.currentThread().isInterrupted()) {
                        try {
                            apply(office, date, group, tally);
                            listener.pageApplied(date, dayIndex, days, tally.received);
                        } catch (RuntimeException stored) {
                            e.addSuppressed(stored); // central's fault is what the pull reports; the pages come again
                        }
                    }
                    throw e;
                }
                boolean more = result.more() && page + 1 < MAX_PAGES_PER_DATE;
                if (more) {
                    next = fetch(requests, office, date, result.cursor());
                }
                group.add(result);
                items += result.items().size();
                if (!more || items >= GROUP_ITEMS || !arrivesWithin(next, GROUP_WAIT)) {
                    apply(office, date, group, tally);
                    listener.pageApplied(date, dayIndex, days, tally.received);
                    group.clear();
                    items = 0;
                }
                if (!result.more()) {
                    return;
                }
            }
            LOG.warn("Pull {} {}: stopped after {} pages", office, date, MAX_PAGES_PER_DATE);
        } finally {
            requests.shutdownNow();
        }
    }

    /** Whether the page {@code next} is there within {@code wait} (answered or failed: the caller's next wait will say). */
    private static boolean arrivesWithin(Future<AppointmentPage> next, java.time.Duration wait) {
        try {
            next.get(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return false; // central failed on it: what was fetched is applied before the fault is raised
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    private Future<AppointmentPage> fetch(ExecutorService requests, String office, LocalDate date, String after) {
        return requests.submit(() -> calls.call(() -> client.appointments(office, date, after, pageSize)));
    }

    /** The page fetched; central's fault as it was raised, an interruption as Failsafe raises it in the calling thread. */
    private static AppointmentPage await(Future<AppointmentPage> page) {
        try {
            return page.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new dev.failsafe.FailsafeException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A group of pages of one date, in one transaction with the cursor of its last page. */
    private void apply(String office, LocalDate date, List<AppointmentPage> pages, Tally tally) {
        List<Appointment> good = new ArrayList<>();
        List<RejectedItem> bad = new ArrayList<>();
        List<String> badJson = new ArrayList<>();
        int received = 0;
        for (AppointmentPage page : pages) {
            received += page.items().size();
            for (JsonNode item : page.items()) {
                try {
                    Appointment a = ContractJson.readAppointment(item);
                    if (!a.office().equals(office)) {
                        throw new ContractViolation("office", "contract.wrongOffice", a.office(), office);
                    }
                    if (!a.date().equals(date)) {
                        throw new ContractViolation("date", "contract.wrongDate", a.date(), date);
                    }
                    good.add(a);
                } catch (ContractViolation v) {
                    bad.add(new RejectedItem(office, date, label(item.path("id")), label(item.path("bookingCode")), messages.of(v)));
                    badJson.add(item.toString());
                }
            }
        }
        String cursor = pages.get(pages.size() - 1).cursor();
        OffsetDateTime now = OffsetDateTime.now(clock);
        int[] conflicts = {0};
        UpsertCounts counts = db.inTransaction(tx -> {
            conflicts[0] = new PullConflicts(tx, now).check(good).size();
            UpsertCounts c = new Appointments(tx).upsertNewer(good, now);
            SyncRepository sync = new SyncRepository(tx);
            for (int i = 0; i < bad.size(); i++) {
                sync.addRejected(bad.get(i), badJson.get(i), now);
            }
            sync.saveCursor(office, date, cursor, now);
            return c;
        });
        for (RejectedItem r : bad) {
            LOG.warn("Set aside item {} ({}): {}", r.itemId(), r.bookingCode(), r.reason());
        }
        tally.conflicts += conflicts[0];
        tally.pages += pages.size();
        tally.received += received;
        tally.applied += counts.applied();
        tally.ignored += counts.ignored();
        tally.rejected.addAll(bad);
    }

    /** How a set-aside item is named in the report: its id or code as sent, the start of it if it is absurdly long. */
    private static String label(JsonNode value) {
        if (!value.isTextual()) {
            return value.isMissingNode() || value.isNull() ? null : value.toString().substring(0, Math.min(value.toString().length(), 60));
        }
        String text = value.textValue();
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }

    private static final class Tally {
        int pages;
        int received;
        int applied;
        int ignored;
        int conflicts;
        final List<RejectedItem> rejected = new ArrayList<>();
    }
}
