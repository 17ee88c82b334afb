-- pending-pickups: passports ready (case READY_FOR_PICKUP, not handed over) whose pickup date is at least
-- :days days before :date (the day the report is about), oldest first.
SELECT t.receipt_number AS receipt_number,
       c.full_name AS full_name,
       c.service AS service,
       t.receipt_date AS receipt_date,
       t.pickup_date AS pickup_date,
       t.ready_at AS ready_at,
       CAST((EXTRACT(EPOCH FROM CAST(:date AS TIMESTAMP)) - EXTRACT(EPOCH FROM CAST(t.pickup_date AS TIMESTAMP))) / 86400 AS INTEGER) AS days_waiting
FROM case_receipt t
JOIN case_file c ON c.case_ref = t.case_ref
WHERE c.office = :office AND c.status = 'READY_FOR_PICKUP' AND t.handed_over_at IS NULL
  AND (EXTRACT(EPOCH FROM CAST(:date AS TIMESTAMP)) - EXTRACT(EPOCH FROM CAST(t.pickup_date AS TIMESTAMP))) / 86400 >= :days
ORDER BY t.pickup_date, t.receipt_number
