package id.loket.supervisor.model;

import id.loket.casefile.model.CaseStatus;
import id.loket.casefile.model.OutboxSummary;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The day at a glance for the supervisor, as the database has it at {@code at}.
 *
 * @param byStatus          the day's cases by status (only statuses that have some)
 * @param booked            appointments today, as the view day_line defines them (the same figure as the queue and the daily summary)
 * @param arrivals          check-ins of the day (bookings and walk-ins), from day_line too
 * @param served            cases of the day finished: receipt issued (or later), or rejected
 * @param longestWaitingNow the longest wait of someone checked in and not yet called (zero if nobody waits)
 * @param meanWaitToday     mean wait from check-in to call of the cases called so far (zero if none)
 * @param longestWaitToday  the longest such wait
 * @param pendingApprovals  cases waiting for a supervisor's approval
 * @param openConflicts     conflicts with central not yet settled
 * @param backlog           events for central not yet sent
 * @param counts            the day's figures from day_line: appointments, arrivals, belum datang, no-shows, waiting
 */
public record Dashboard(LocalDate date, OffsetDateTime at, Map<CaseStatus, Integer> byStatus, int booked, int arrivals,
        int served, List<HourRow> byHour, Duration longestWaitingNow, Duration meanWaitToday, Duration longestWaitToday,
        List<CounterRow> counters, int pendingApprovals, int openConflicts, OutboxSummary backlog,
        id.loket.queue.model.DayCounts counts) {

    public Dashboard {
        EnumMap<CaseStatus, Integer> copy = new EnumMap<>(CaseStatus.class);
        copy.putAll(byStatus);
        byStatus = Collections.unmodifiableMap(copy);
        byHour = List.copyOf(byHour);
        counters = List.copyOf(counters);
    }
}
