-- daily-summary: one row per figure, in total and by service type. Run by loket report daily-summary.
-- appointments, arrivals, walk_ins, not_yet_arrived, no_show: counted from the view day_line (migration V15),
-- the one definition the queue and the dashboard count too. Before the day is closed a booking not yet
-- checked in is "belum datang" (not_yet_arrived), never a no-show.
-- appointments: bookings of the dates still BOOKED, or checked in whatever they became
SELECT 10 AS ord, 'appointments' AS figure,
       COALESCE(SUM(CASE WHEN l.booked = 1 THEN 1 ELSE 0 END), 0) AS total,
       COALESCE(SUM(CASE WHEN l.booked = 1 AND l.service = 'NEW' THEN 1 ELSE 0 END), 0) AS svc_new,
       COALESCE(SUM(CASE WHEN l.booked = 1 AND l.service = 'RENEWAL' THEN 1 ELSE 0 END), 0) AS svc_renewal,
       COALESCE(SUM(CASE WHEN l.booked = 1 AND l.service = 'REPLACEMENT_LOST' THEN 1 ELSE 0 END), 0) AS svc_lost,
       COALESCE(SUM(CASE WHEN l.booked = 1 AND l.service = 'REPLACEMENT_DAMAGED' THEN 1 ELSE 0 END), 0) AS svc_damaged
FROM day_line l WHERE l.office = :office AND l.line_date BETWEEN :date AND :to
UNION ALL
-- arrivals: every case checked in on the dates (bookings and walk-ins)
SELECT 20, 'arrivals',
       COALESCE(SUM(CASE WHEN l.arrived = 1 THEN 1 ELSE 0 END), 0) AS total,
       COALESCE(SUM(CASE WHEN l.arrived = 1 AND l.service = 'NEW' THEN 1 ELSE 0 END), 0) AS svc_new,
       COALESCE(SUM(CASE WHEN l.arrived = 1 AND l.service = 'RENEWAL' THEN 1 ELSE 0 END), 0) AS svc_renewal,
       COALESCE(SUM(CASE WHEN l.arrived = 1 AND l.service = 'REPLACEMENT_LOST' THEN 1 ELSE 0 END), 0) AS svc_lost,
       COALESCE(SUM(CASE WHEN l.arrived = 1 AND l.service = 'REPLACEMENT_DAMAGED' THEN 1 ELSE 0 END), 0) AS svc_damaged
FROM day_line l WHERE l.office = :office AND l.line_date BETWEEN :date AND :to
UNION ALL
-- walk_ins: of the arrivals, the walk-ins (series P and W)
SELECT 21, 'walk_ins',
       COALESCE(SUM(CASE WHEN l.walk_in = 1 THEN 1 ELSE 0 END), 0) AS total,
       COALESCE(SUM(CASE WHEN l.walk_in = 1 AND l.service = 'NEW' THEN 1 ELSE 0 END), 0) AS svc_new,
       COALESCE(SUM(CASE WHEN l.walk_in = 1 AND l.service = 'RENEWAL' THEN 1 ELSE 0 END), 0) AS svc_renewal,
       COALESCE(SUM(CASE WHEN l.walk_in = 1 AND l.service = 'REPLACEMENT_LOST' THEN 1 ELSE 0 END), 0) AS svc_lost,
       COALESCE(SUM(CASE WHEN l.walk_in = 1 AND l.service = 'REPLACEMENT_DAMAGED' THEN 1 ELSE 0 END), 0) AS svc_damaged
FROM day_line l WHERE l.office = :office AND l.line_date BETWEEN :date AND :to
UNION ALL
-- not_yet_arrived: booked, not checked in, not recorded as a no-show (the day not closed yet)
SELECT 25, 'not_yet_arrived',
       COALESCE(SUM(CASE WHEN l.day_state = 'NOT_YET_ARRIVED' THEN 1 ELSE 0 END), 0) AS total,
       COALESCE(SUM(CASE WHEN l.day_state = 'NOT_YET_ARRIVED' AND l.service = 'NEW' THEN 1 ELSE 0 END), 0) AS svc_new,
       COALESCE(SUM(CASE WHEN l.day_state = 'NOT_YET_ARRIVED' AND l.service = 'RENEWAL' THEN 1 ELSE 0 END), 0) AS svc_renewal,
       COALESCE(SUM(CASE WHEN l.day_state = 'NOT_YET_ARRIVED' AND l.service = 'REPLACEMENT_LOST' THEN 1 ELSE 0 END), 0) AS svc_lost,
       COALESCE(SUM(CASE WHEN l.day_state = 'NOT_YET_ARRIVED' AND l.service = 'REPLACEMENT_DAMAGED' THEN 1 ELSE 0 END), 0) AS svc_damaged
FROM day_line l WHERE l.office = :office AND l.line_date BETWEEN :date AND :to
UNION ALL
-- no_show: recorded as no-shows when the day was closed, plus cases marked NO_SHOW
SELECT 30, 'no_show',
       COALESCE(SUM(CASE WHEN l.day_state = 'NO_SHOW' THEN 1 ELSE 0 END), 0) AS total,
       COALESCE(SUM(CASE WHEN l.day_state = 'NO_SHOW' AND l.service = 'NEW' THEN 1 ELSE 0 END), 0) AS svc_new,
       COALESCE(SUM(CASE WHEN l.day_state = 'NO_SHOW' AND l.service = 'RENEWAL' THEN 1 ELSE 0 END), 0) AS svc_renewal,
       COALESCE(SUM(CASE WHEN l.day_state = 'NO_SHOW' AND l.service = 'REPLACEMENT_LOST' THEN 1 ELSE 0 END), 0) AS svc_lost,
       COALESCE(SUM(CASE WHEN l.day_state = 'NO_SHOW' AND l.service = 'REPLACEMENT_DAMAGED' THEN 1 ELSE 0 END), 0) AS svc_damaged
FROM day_line l WHERE l.office = :office AND l.line_date BETWEEN :date AND :to
UNION ALL
-- served: cases that reached a decision: APPROVED or a later step, or REJECTED
SELECT 40, 'served',
       COALESCE(SUM(CASE WHEN c.status IN ('APPROVED', 'RECEIPT_ISSUED', 'READY_FOR_PICKUP', 'HANDED_OVER', 'REJECTED') THEN 1 ELSE 0 END), 0) AS total,
       COALESCE(SUM(CASE WHEN c.status IN ('APPROVED', 'RECEIPT_ISSUED', 'READY_FOR_PICKUP', 'HANDED_OVER', 'REJECTED') AND c.service = 'NEW' THEN 1 ELSE 0 END), 0) AS svc_new,
       COALESCE(SUM(CASE WHEN c.status IN ('APPROVED', 'RECEIPT_ISSUED', 'READY_FOR_PICKUP', 'HANDED_OVER', 'REJECTED') AND c.service = 'RENEWAL' THEN 1 ELSE 0 END), 0) AS svc_renewal,
       COALESCE(SUM(CASE WHEN c.status IN ('APPROVED', 'RECEIPT_ISSUED', 'READY_FOR_PICKUP', 'HANDED_OVER', 'REJECTED') AND c.service = 'REPLACEMENT_LOST' THEN 1 ELSE 0 END), 0) AS svc_lost,
       COALESCE(SUM(CASE WHEN c.status IN ('APPROVED', 'RECEIPT_ISSUED', 'READY_FOR_PICKUP', 'HANDED_OVER', 'REJECTED') AND c.service = 'REPLACEMENT_DAMAGED' THEN 1 ELSE 0 END), 0) AS svc_damaged
FROM case_file c WHERE c.office = :office AND c.case_date BETWEEN :date AND :to
UNION ALL
-- approved: cases at APPROVED or a later step
SELECT 41, 'approved',
       COALESCE(SUM(CASE WHEN c.status IN ('APPROVED', 'RECEIPT_ISSUED', 'READY_FOR_PICKUP', 'HANDED_OVER') THEN 1 ELSE 0 END), 0) AS total,
       COALESCE(SUM(CASE WHEN c.status IN ('APPROVED', 'RECEIPT_ISSUED', 'READY_FOR_PICKUP', 'HANDED_OVER') AND c.service = 'NEW' THEN 1 ELSE 0 END), 0) AS svc_new,
       COALESCE(SUM(CASE WHEN c.status IN ('APPROVED', 'RECEIPT_ISSUED', 'READY_FOR_PICKUP', 'HANDED_OVER') AND c.service = 'RENEWAL' THEN 1 ELSE 0 END), 0) AS svc_renewal,
       COALESCE(SUM(CASE WHEN c.status IN ('APPROVED', 'RECEIPT_ISSUED', 'READY_FOR_PICKUP', 'HANDED_OVER') AND c.service = 'REPLACEMENT_LOST' THEN 1 ELSE 0 END), 0) AS svc_lost,
       COALESCE(SUM(CASE WHEN c.status IN ('APPROVED', 'RECEIPT_ISSUED', 'READY_FOR_PICKUP', 'HANDED_OVER') AND c.service = 'REPLACEMENT_DAMAGED' THEN 1 ELSE 0 END), 0) AS svc_damaged
FROM case_file c WHERE c.office = :office AND c.case_date BETWEEN :date AND :to
UNION ALL
-- on_hold: cases now ON_HOLD (documents missing)
SELECT 50, 'on_hold',
       COALESCE(SUM(CASE WHEN c.status = 'ON_HOLD' THEN 1 ELSE 0 END), 0) AS total,
       COALESCE(SUM(CASE WHEN c.status = 'ON_HOLD' AND c.service = 'NEW' THEN 1 ELSE 0 END), 0) AS svc_new,
       COALESCE(SUM(CASE WHEN c.status = 'ON_HOLD' AND c.service = 'RENEWAL' THEN 1 ELSE 0 END), 0) AS svc_renewal,
       COALESCE(SUM(CASE WHEN c.status = 'ON_HOLD' AND c.service = 'REPLACEMENT_LOST' THEN 1 ELSE 0 END), 0) AS svc_lost,
       COALESCE(SUM(CASE WHEN c.status = 'ON_HOLD' AND c.service = 'REPLACEMENT_DAMAGED' THEN 1 ELSE 0 END), 0) AS svc_damaged
FROM case_file c WHERE c.office = :office AND c.case_date BETWEEN :date AND :to
UNION ALL
-- in_progress: cases checked in and not yet decided, on hold or no-show
SELECT 55, 'in_progress',
       COALESCE(SUM(CASE WHEN c.status IN ('CHECKED_IN', 'IN_VERIFICATION', 'VERIFIED', 'INTERVIEWED', 'APPROVAL_PENDING') THEN 1 ELSE 0 END), 0) AS total,
       COALESCE(SUM(CASE WHEN c.status IN ('CHECKED_IN', 'IN_VERIFICATION', 'VERIFIED', 'INTERVIEWED', 'APPROVAL_PENDING') AND c.service = 'NEW' THEN 1 ELSE 0 END), 0) AS svc_new,
       COALESCE(SUM(CASE WHEN c.status IN ('CHECKED_IN', 'IN_VERIFICATION', 'VERIFIED', 'INTERVIEWED', 'APPROVAL_PENDING') AND c.service = 'RENEWAL' THEN 1 ELSE 0 END), 0) AS svc_renewal,
       COALESCE(SUM(CASE WHEN c.status IN ('CHECKED_IN', 'IN_VERIFICATION', 'VERIFIED', 'INTERVIEWED', 'APPROVAL_PENDING') AND c.service = 'REPLACEMENT_LOST' THEN 1 ELSE 0 END), 0) AS svc_lost,
       COALESCE(SUM(CASE WHEN c.status IN ('CHECKED_IN', 'IN_VERIFICATION', 'VERIFIED', 'INTERVIEWED', 'APPROVAL_PENDING') AND c.service = 'REPLACEMENT_DAMAGED' THEN 1 ELSE 0 END), 0) AS svc_damaged
FROM case_file c WHERE c.office = :office AND c.case_date BETWEEN :date AND :to
UNION ALL
-- rejected: cases REJECTED
SELECT 60, 'rejected',
       COALESCE(SUM(CASE WHEN c.status = 'REJECTED' THEN 1 ELSE 0 END), 0) AS total,
       COALESCE(SUM(CASE WHEN c.status = 'REJECTED' AND c.service = 'NEW' THEN 1 ELSE 0 END), 0) AS svc_new,
       COALESCE(SUM(CASE WHEN c.status = 'REJECTED' AND c.service = 'RENEWAL' THEN 1 ELSE 0 END), 0) AS svc_renewal,
       COALESCE(SUM(CASE WHEN c.status = 'REJECTED' AND c.service = 'REPLACEMENT_LOST' THEN 1 ELSE 0 END), 0) AS svc_lost,
       COALESCE(SUM(CASE WHEN c.status = 'REJECTED' AND c.service = 'REPLACEMENT_DAMAGED' THEN 1 ELSE 0 END), 0) AS svc_damaged
FROM case_file c WHERE c.office = :office AND c.case_date BETWEEN :date AND :to
UNION ALL
-- rejected_<reason>: rejected cases giving that reason (a case may give several)
SELECT r.ord, 'rejected_' || LOWER(r.reason),
       COALESCE(SUM(CASE WHEN c.case_ref IS NOT NULL THEN 1 ELSE 0 END), 0) AS total,
       COALESCE(SUM(CASE WHEN c.case_ref IS NOT NULL AND c.service = 'NEW' THEN 1 ELSE 0 END), 0) AS svc_new,
       COALESCE(SUM(CASE WHEN c.case_ref IS NOT NULL AND c.service = 'RENEWAL' THEN 1 ELSE 0 END), 0) AS svc_renewal,
       COALESCE(SUM(CASE WHEN c.case_ref IS NOT NULL AND c.service = 'REPLACEMENT_LOST' THEN 1 ELSE 0 END), 0) AS svc_lost,
       COALESCE(SUM(CASE WHEN c.case_ref IS NOT NULL AND c.service = 'REPLACEMENT_DAMAGED' THEN 1 ELSE 0 END), 0) AS svc_damaged
FROM (VALUES (61, 'DATA_MISMATCH'), (62, 'FORGED_DOCUMENT'), (63, 'PREVENTION_LIST'), (64, 'FALSE_STATEMENT'), (65, 'WRONG_SERVICE'), (66, 'INCOMPLETE_AFTER_HOLD'), (67, 'OTHER')) AS r (ord, reason)
LEFT JOIN (
    -- the reasons of the dates' rejected cases only: never every reason ever recorded
    SELECT rr.reason AS reason, x.case_ref AS case_ref, x.service AS service
    FROM case_file x JOIN case_rejection_reason rr ON rr.case_ref = x.case_ref
    WHERE x.office = :office AND x.case_date BETWEEN :date AND :to AND x.status = 'REJECTED'
) c ON c.reason = r.reason
GROUP BY r.ord, r.reason
UNION ALL
-- receipts: receipts issued on the dates
SELECT 80, 'receipts',
       COALESCE(SUM(1), 0) AS total,
       COALESCE(SUM(CASE WHEN c.service = 'NEW' THEN 1 ELSE 0 END), 0) AS svc_new,
       COALESCE(SUM(CASE WHEN c.service = 'RENEWAL' THEN 1 ELSE 0 END), 0) AS svc_renewal,
       COALESCE(SUM(CASE WHEN c.service = 'REPLACEMENT_LOST' THEN 1 ELSE 0 END), 0) AS svc_lost,
       COALESCE(SUM(CASE WHEN c.service = 'REPLACEMENT_DAMAGED' THEN 1 ELSE 0 END), 0) AS svc_damaged
FROM case_file c
WHERE c.office = :office
  AND c.case_ref IN (SELECT t.case_ref FROM case_receipt t WHERE t.receipt_date BETWEEN :date AND :to)
UNION ALL
-- pickups: passports handed over on the dates (whenever the case was opened)
SELECT 90, 'pickups',
       COALESCE(SUM(1), 0) AS total,
       COALESCE(SUM(CASE WHEN c.service = 'NEW' THEN 1 ELSE 0 END), 0) AS svc_new,
       COALESCE(SUM(CASE WHEN c.service = 'RENEWAL' THEN 1 ELSE 0 END), 0) AS svc_renewal,
       COALESCE(SUM(CASE WHEN c.service = 'REPLACEMENT_LOST' THEN 1 ELSE 0 END), 0) AS svc_lost,
       COALESCE(SUM(CASE WHEN c.service = 'REPLACEMENT_DAMAGED' THEN 1 ELSE 0 END), 0) AS svc_damaged
FROM case_file c
WHERE c.office = :office
  AND c.case_ref IN (SELECT t.case_ref FROM case_receipt t WHERE t.handed_over_at >= :from_at AND t.handed_over_at < :until_at)
ORDER BY 1
