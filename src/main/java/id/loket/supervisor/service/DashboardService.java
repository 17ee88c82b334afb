package id.loket.supervisor.service;

import id.loket.staff.service.Authorization;
import id.loket.staff.service.Officer;
import id.loket.staff.model.Session;
import id.loket.staff.model.Permission;
import id.loket.staff.model.Guarded;
import id.loket.casefile.model.CaseStatus;
import id.loket.common.model.UserFacingException;
import id.loket.db.Database;
import id.loket.staff.model.Role;
import id.loket.supervisor.model.CounterRow;
import id.loket.supervisor.model.Dashboard;
import id.loket.supervisor.model.HourRow;
import id.loket.supervisor.repo.SupervisorRepository;
import id.loket.supervisor.repo.SupervisorRepository.DayCase;
import id.loket.supervisor.repo.SupervisorRepository.Finished;
import id.loket.supervisor.repo.SupervisorRepository.SignedIn;
import id.loket.casefile.model.OutboxSummary;
import id.loket.sync.service.PushService;
import id.loket.queue.service.QueueService;
import id.loket.queue.model.DayCounts;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The supervisor's view of the day, read again whenever the day's cases change: a handful of narrow queries in one
 * read transaction (the day's cases, the booked slots, the finishing steps, open conflicts and the
 * outbox backlog), and the figures worked out from those few hundred rows in memory.
 */
public final class DashboardService {

    /** At a counter now: the case an officer has in hand. */
    private static final Set<CaseStatus> AT_COUNTER = EnumSet.of(CaseStatus.IN_VERIFICATION, CaseStatus.VERIFIED, CaseStatus.INTERVIEWED);

    private final Database db;
    private final Clock clock;
    private final String office;
    private final Authorization authorization;

    public DashboardService(Database db, Clock clock, String office) {
        this.authorization = new Authorization(db);
        this.db = db;
        this.clock = clock;
        this.office = office;
    }

    /** The day {@code date} as it stands now. Hours are the office's local hours (the clock's zone). */
    @Guarded(Permission.VIEW_DASHBOARD)
    public Dashboard today(LocalDate date, Session session) {
        Officer actor = authorization.require(session, Permission.VIEW_DASHBOARD);
        if (actor == null || actor.role() != Role.SUPERVISOR) {
            throw new UserFacingException("supervisor.dashboard.supervisorOnly");
        }
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        ZoneId zone = clock.getZone();
        return db.inTransaction(tx -> {
            SupervisorRepository repo = new SupervisorRepository(tx);
            List<DayCase> cases = repo.dayCases(office, date, List.of());
            List<String> slots = repo.bookedSlots(office, date);
            List<Finished> finished = repo.finished(office, date);
            DayCounts counts = QueueService.dayCounts(tx, office, date);
            List<SignedIn> signedIn = repo.signedIn(date.atStartOfDay(zone).toOffsetDateTime());
            OutboxSummary backlog = PushService.backlog(tx, office);
            int conflicts = backlog.openConflicts(); // the one count the status bar and the conflicts list show too

            Map<CaseStatus, Integer> byStatus = new EnumMap<>(CaseStatus.class);
            TreeMap<Integer, int[]> hours = new TreeMap<>(); // hour -> {slotted, arrived, served}
            for (String slot : slots) {
                if (slot != null && slot.length() >= 2) {
                    hours.computeIfAbsent(Integer.parseInt(slot.substring(0, 2)), h -> new int[3])[0]++;
                }
            }
            Duration longestNow = Duration.ZERO;
            Duration longestToday = Duration.ZERO;
            long waitedMillis = 0;
            int called = 0;
            Map<String, DayCase> byRef = new HashMap<>();
            for (DayCase c : cases) {
                byRef.put(c.caseRef(), c);
                byStatus.merge(c.status(), 1, Integer::sum);
                hours.computeIfAbsent(c.checkedInAt().atZoneSameInstant(zone).getHour(), h -> new int[3])[1]++;
                if (c.calledAt() != null) {
                    Duration waited = positive(Duration.between(c.checkedInAt(), c.calledAt()));
                    waitedMillis += waited.toMillis();
                    called++;
                    longestToday = max(longestToday, waited);
                } else if (c.status() == CaseStatus.CHECKED_IN) {
                    longestNow = max(longestNow, positive(Duration.between(c.checkedInAt(), now)));
                }
            }
            Map<String, Integer> servedAt = new HashMap<>();
            for (Finished f : finished) {
                hours.computeIfAbsent(f.at().atZoneSameInstant(zone).getHour(), h -> new int[3])[2]++;
                DayCase c = byRef.get(f.caseRef());
                if (c != null && c.counter() != null) {
                    servedAt.merge(c.counter(), 1, Integer::sum);
                }
            }
            List<HourRow> byHour = new ArrayList<>();
            if (!hours.isEmpty()) {
                for (int h = hours.firstKey(); h <= hours.lastKey(); h++) {
                    int[] v = hours.getOrDefault(h, new int[3]);
                    byHour.add(new HourRow(h, v[0], v[1], v[2]));
                }
            }
            Duration mean = called == 0 ? Duration.ZERO : Duration.ofMillis(waitedMillis / called);
            return new Dashboard(date, now, byStatus, counts.appointments(), counts.arrivals(), finished.size(), byHour, longestNow, mean,
                    longestToday, counters(cases, servedAt, signedIn), byStatus.getOrDefault(CaseStatus.APPROVAL_PENDING, 0), conflicts, backlog, counts);
        });
    }

    /**
     * Every counter that called someone today or where someone is signed in now: its last officer,
     * what it finished, whom it serves now (queue number) and since when, and who is signed in there
     * (the latest sign-in, if two desks say the same counter) and since when.
     */
    private static List<CounterRow> counters(List<DayCase> cases, Map<String, Integer> servedAt, List<SignedIn> signedIn) {
        Map<String, DayCase> lastCalled = new HashMap<>();
        Map<String, DayCase> current = new HashMap<>();
        Comparator<DayCase> byCall = Comparator.comparing(DayCase::calledAt);
        for (DayCase c : cases) {
            if (c.counter() == null || c.calledAt() == null) {
                continue;
            }
            lastCalled.merge(c.counter(), c, (a, b) -> byCall.compare(a, b) >= 0 ? a : b);
            if (AT_COUNTER.contains(c.status())) {
                current.merge(c.counter(), c, (a, b) -> byCall.compare(a, b) >= 0 ? a : b);
            }
        }
        Map<String, SignedIn> present = new HashMap<>();
        for (SignedIn s : signedIn) {
            present.putIfAbsent(s.counter(), s); // the latest first
        }
        java.util.Set<String> all = new java.util.HashSet<>(lastCalled.keySet());
        all.addAll(present.keySet());
        List<CounterRow> rows = new ArrayList<>();
        for (String counter : all) {
            DayCase last = lastCalled.get(counter);
            DayCase now = current.get(counter);
            SignedIn who = present.get(counter);
            rows.add(new CounterRow(counter, last == null ? null : last.officer(), servedAt.getOrDefault(counter, 0),
                    now == null ? null : now.queueNumber(), now == null ? null : now.calledAt(),
                    who == null ? null : who.fullName(), who == null ? null : who.since(), now == null ? null : now.caseRef()));
        }
        rows.sort(Comparator.comparing((CounterRow r) -> r.counter().length()).thenComparing(CounterRow::counter));
        return rows;
    }

    private static Duration positive(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
