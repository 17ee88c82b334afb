-- outage-log: by hour (office time) of the dates, what the office recorded for central and how it went:
-- events: outbox events that occurred that hour (every step of every case is one or more events);
-- tried_and_failed: of them, events that needed more than one attempt or carry a last error;
-- sent_late: sent more than 5 minutes after they occurred (central unreachable or slow meanwhile);
-- still_waiting: not sent yet (PENDING, HELD behind a conflict, or FAILED);
-- failed_pulls / pulls: pulls of appointments that failed / all pulls started that hour (sync_run);
-- last_sent_at: when the last event of that hour reached central: the backlog of the hour drained then.
-- The schema keeps no log of individual push attempts (push_status holds only the last push), so the
-- exact start and end of an outage is not known: failed pulls and late events show it hour by hour.
SELECT x.hour_of_day AS hour_of_day,
       SUM(x.is_event) AS events,
       SUM(x.failed_try) AS tried_and_failed,
       SUM(x.sent_late) AS sent_late,
       SUM(x.waiting) AS still_waiting,
       SUM(x.failed_pull) AS failed_pulls,
       SUM(x.pull) AS pulls,
       MAX(x.sent_at) AS last_sent_at
FROM (
    SELECT MOD(CAST(FLOOR((EXTRACT(EPOCH FROM e.occurred_at) - EXTRACT(EPOCH FROM :from_at)) / 3600) AS INTEGER), 24) AS hour_of_day,
           1 AS is_event,
           CASE WHEN e.attempts > 1 OR e.last_error IS NOT NULL THEN 1 ELSE 0 END AS failed_try,
           CASE WHEN e.sent_at IS NOT NULL AND EXTRACT(EPOCH FROM e.sent_at) - EXTRACT(EPOCH FROM e.occurred_at) > 300 THEN 1 ELSE 0 END AS sent_late,
           CASE WHEN e.state IN ('PENDING', 'HELD', 'FAILED') THEN 1 ELSE 0 END AS waiting,
           0 AS failed_pull,
           0 AS pull,
           e.sent_at AS sent_at
    FROM outbox_event e
    WHERE e.occurred_at >= :from_at AND e.occurred_at < :until_at
      AND EXISTS (SELECT 1 FROM case_file c WHERE c.case_ref = e.case_ref AND c.office = :office)
    UNION ALL
    SELECT MOD(CAST(FLOOR((EXTRACT(EPOCH FROM r.started_at) - EXTRACT(EPOCH FROM :from_at)) / 3600) AS INTEGER), 24), 0, 0, 0, 0,
           CASE WHEN r.succeeded THEN 0 ELSE 1 END, 1, CAST(NULL AS TIMESTAMP WITH TIME ZONE)
    FROM sync_run r
    WHERE r.office = :office AND r.started_at >= :from_at AND r.started_at < :until_at
) x
GROUP BY x.hour_of_day
ORDER BY x.hour_of_day
