-- daily-summary: one row per figure, in total and by service type. Run by loket report daily-summary.
-- appointments: the bookings of the dates, less those cancelled or moved to another day (a booking checked in counts whatever its status)
SELECT 10 AS ord, 'appointments' AS figure,
       COALESCE(SUM(1), 0) AS total,
       COALESCE(SUM(CASE WHEN a.service = 'NEW' THEN 1 ELSE 0 END), 0) AS svc_new,
       COALESCE(SUM(CASE WHEN a.service = 'RENEWAL' THEN 1 ELSE 0 END), 0) AS svc_renewal,
       COALESCE(SUM(CASE WHEN a.service = 'REPLACEMENT_LOST' THEN 1 ELSE 0 END), 0) AS svc_lost,
       COALESCE(SUM(CASE WHEN a.service = 'REPLACEMENT_DAMAGED' THEN 1 ELSE 0 END), 0) AS svc_damaged
FROM appointment a
WHERE a.office = :office AND a.appointment_date BETWEEN :date AND :to
  AND (a.status NOT IN ('CANCELLED', 'RESCHEDULED') OR EXISTS (SELECT 1 FROM case_file k WHERE k.appointment_id = a.id))
UNION ALL
-- arrivals: every case checked in on the dates (bookings and walk-ins)
SELECT 20, 'arrivals',
       COALESCE(SUM(1), 0) AS total,
       COALESCE(SUM(CASE WHEN c.service = 'NEW' THEN 1 ELSE 0 END), 0) AS svc_new,
       COALESCE(SUM(CASE WHEN c.service = 'RENEWAL' THEN 1 ELSE 0 END), 0) AS svc_renewal,
       COALESCE(SUM(CASE WHEN c.service = 'REPLACEMENT_LOST' THEN 1 ELSE 0 END), 0) AS svc_lost,
       COALESCE(SUM(CASE WHEN c.service = 'REPLACEMENT_DAMAGED' THEN 1 ELSE 0 END), 0) AS svc_damaged
FROM case_file c WHERE c.office = :office AND c.case_date BETWEEN :date AND :to
UNION ALL
-- walk_ins: of the arrivals, the walk-ins (series P and W)
SELECT 21, 'walk_ins',
       COALESCE(SUM(CASE WHEN c.walk_in THEN 1 ELSE 0 END), 0) AS total,
       COALESCE(SUM(CASE WHEN c.walk_in AND c.service = 'NEW' THEN 1 ELSE 0 END), 0) AS svc_new,
       COALESCE(SUM(CASE WHEN c.walk_in AND c.service = 'RENEWAL' THEN 1 ELSE 0 END), 0) AS svc_renewal,
       COALESCE(SUM(CASE WHEN c.walk_in AND c.service = 'REPLACEMENT_LOST' THEN 1 ELSE 0 END), 0) AS svc_lost,
       COALESCE(SUM(CASE WHEN c.walk_in AND c.service = 'REPLACEMENT_DAMAGED' THEN 1 ELSE 0 END), 0) AS svc_damaged
FROM case_file c WHERE c.office = :office AND c.case_date BETWEEN :date AND :to
UNION ALL
-- no_show: bookings of the dates never checked in (and not cancelled or moved), plus cases marked NO_SHOW
SELECT 30, 'no_show',
       COALESCE(SUM(1), 0) AS total,
       COALESCE(SUM(CASE WHEN x.service = 'NEW' THEN 1 ELSE 0 END), 0) AS svc_new,
       COALESCE(SUM(CASE WHEN x.service = 'RENEWAL' THEN 1 ELSE 0 END), 0) AS svc_renewal,
       COALESCE(SUM(CASE WHEN x.service = 'REPLACEMENT_LOST' THEN 1 ELSE 0 END), 0) AS svc_lost,
       COALESCE(SUM(CASE WHEN x.service = 'REPLACEMENT_DAMAGED' THEN 1 ELSE 0 END), 0) AS svc_damaged
FROM (SELECT a.service AS service FROM appointment a
      WHERE a.office = :office AND a.appointment_date BETWEEN :date AND :to
        AND a.status NOT IN ('CANCELLED', 'RESCHEDULED') AND NOT EXISTS (SELECT 1 FROM case_file k WHERE k.appointment_id = a.id)
      UNION ALL
      SELECT c.service FROM case_file c WHERE c.office = :office AND c.case_date BETWEEN :date AND :to AND c.status = 'NO_SHOW') x
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
LEFT JOIN case_rejection_reason rr ON rr.reason = r.reason
LEFT JOIN case_file c ON c.case_ref = rr.case_ref AND c.status = 'REJECTED' AND c.office = :office AND c.case_date BETWEEN :date AND :to
GROUP BY r.ord, r.reason
UNION ALL
-- receipts: receipts issued on the dates
SELECT 80, 'receipts',
       COALESCE(SUM(1), 0) AS total,
       COALESCE(SUM(CASE WHEN c.service = 'NEW' THEN 1 ELSE 0 END), 0) AS svc_new,
       COALESCE(SUM(CASE WHEN c.service = 'RENEWAL' THEN 1 ELSE 0 END), 0) AS svc_renewal,
       COALESCE(SUM(CASE WHEN c.service = 'REPLACEMENT_LOST' THEN 1 ELSE 0 END), 0) AS svc_lost,
       COALESCE(SUM(CASE WHEN c.service = 'REPLACEMENT_DAMAGED' THEN 1 ELSE 0 END), 0) AS svc_damaged
FROM case_receipt t JOIN case_file c ON c.case_ref = t.case_ref
WHERE c.office = :office AND t.receipt_date BETWEEN :date AND :to
UNION ALL
-- pickups: passports handed over on the dates (whenever the case was opened)
SELECT 90, 'pickups',
       COALESCE(SUM(1), 0) AS total,
       COALESCE(SUM(CASE WHEN c.service = 'NEW' THEN 1 ELSE 0 END), 0) AS svc_new,
       COALESCE(SUM(CASE WHEN c.service = 'RENEWAL' THEN 1 ELSE 0 END), 0) AS svc_renewal,
       COALESCE(SUM(CASE WHEN c.service = 'REPLACEMENT_LOST' THEN 1 ELSE 0 END), 0) AS svc_lost,
       COALESCE(SUM(CASE WHEN c.service = 'REPLACEMENT_DAMAGED' THEN 1 ELSE 0 END), 0) AS svc_damaged
FROM case_receipt t JOIN case_file c ON c.case_ref = t.case_ref
WHERE c.office = :office AND t.handed_over_at >= :from_at AND t.handed_over_at < :until_at
ORDER BY 1
