-- One truth for the day's figures (issue 11): what "appointments today", "arrived", "waiting",
-- "belum datang" (not yet arrived) and "no-show" mean is written here ONCE. The queue's counts,
-- the supervisor's dashboard and the reports (daily-summary) all count rows of this view.
--
-- One row per line of an office's day:
--   * a booking of the date that counts as an appointment: still BOOKED at central, or checked in
--     whatever its status became (a CANCELLED, RESCHEDULED or EXPIRED booking nobody checked in
--     is no appointment of the day);
--   * a case of the date without such a booking line (walk-ins, a booking moved after check-in).
--
-- day_state, exactly one of:
--   NOT_YET_ARRIVED  booked, no case, no no-show recorded ("belum datang"); never a no-show
--                    before the day is closed
--   NO_SHOW          recorded as a no-show when the day was closed (table no_show), or a case
--                    marked NO_SHOW
--   WAITING          checked in, not yet called to a counter (case CHECKED_IN)
--   otherwise        the case's own status (IN_VERIFICATION, ..., REJECTED)
-- Written in SQL that both H2 (MODE=PostgreSQL) and PostgreSQL accept; reports read it as
-- the report user (a view is read with its owner's rights), so it shows no personal data.
CREATE VIEW day_line AS
    SELECT a.office AS office,
           a.appointment_date AS line_date,
           a.id AS appointment_id,
           c.case_ref AS case_ref,
           COALESCE(c.service, a.service) AS service,
           a.slot_start AS slot_start,
           a.slot_end AS slot_end,
           1 AS booked,
           CASE WHEN c.case_ref IS NULL THEN 0 ELSE 1 END AS arrived,
           CASE WHEN c.walk_in THEN 1 ELSE 0 END AS walk_in,
           CASE WHEN c.case_ref IS NULL AND n.appointment_id IS NOT NULL THEN 'NO_SHOW'
                WHEN c.case_ref IS NULL THEN 'NOT_YET_ARRIVED'
                WHEN c.status = 'CHECKED_IN' THEN 'WAITING'
                ELSE c.status END AS day_state
    FROM appointment a
    LEFT JOIN case_file c ON c.appointment_id = a.id
    LEFT JOIN no_show n ON n.appointment_id = a.id
    WHERE a.status = 'BOOKED' OR c.case_ref IS NOT NULL
    UNION ALL
    SELECT c.office,
           c.case_date,
           c.appointment_id,
           c.case_ref,
           c.service,
           NULL,
           NULL,
           0,
           1,
           CASE WHEN c.walk_in THEN 1 ELSE 0 END,
           CASE WHEN c.status = 'CHECKED_IN' THEN 'WAITING' ELSE c.status END
    FROM case_file c
    WHERE c.appointment_id IS NULL
       OR NOT EXISTS (SELECT 1 FROM appointment b WHERE b.id = c.appointment_id AND b.appointment_date = c.case_date);
