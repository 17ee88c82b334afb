-- officer-throughput: per officer, the steps recorded on the dates (audit trail) and the mean handling time.
-- called: CALL actions; verified / approved / rejected: transitions to VERIFIED / APPROVED / REJECTED;
-- receipts: ISSUE_RECEIPT; handed_over: HAND_OVER.
-- mean_handling_minutes: over the cases the officer called on the dates, from the call to the case's first
-- step to INTERVIEWED, ON_HOLD or REJECTED (the end of the counter work); cases not there yet are left out.
SELECT t.officer AS officer, t.called, t.verified, t.approved, t.rejected, t.receipts, t.handed_over,
       h.handled AS handled, h.mean_minutes AS mean_handling_minutes
FROM (
    SELECT l.officer AS officer,
           SUM(CASE WHEN l.action = 'CALL' THEN 1 ELSE 0 END) AS called,
           SUM(CASE WHEN l.to_status = 'VERIFIED' THEN 1 ELSE 0 END) AS verified,
           SUM(CASE WHEN l.to_status = 'APPROVED' THEN 1 ELSE 0 END) AS approved,
           SUM(CASE WHEN l.to_status = 'REJECTED' THEN 1 ELSE 0 END) AS rejected,
           SUM(CASE WHEN l.action = 'ISSUE_RECEIPT' THEN 1 ELSE 0 END) AS receipts,
           SUM(CASE WHEN l.action = 'HAND_OVER' THEN 1 ELSE 0 END) AS handed_over
    FROM audit_log l
    WHERE l.at >= :from_at AND l.at < :until_at
      AND EXISTS (SELECT 1 FROM case_file c WHERE c.case_ref = l.case_ref AND c.office = :office)
      AND (CAST(:officer AS VARCHAR(50)) IS NULL OR l.officer = :officer)
    GROUP BY l.officer
) t
LEFT JOIN (
    SELECT e.officer AS officer, COUNT(*) AS handled,
           AVG((EXTRACT(EPOCH FROM e.ended) - EXTRACT(EPOCH FROM e.called_at)) / 60.0) AS mean_minutes
    FROM (
        -- each case called on the dates with the end of its handling, read from its own trail
        SELECT c.officer AS officer, c.called_at AS called_at,
               (SELECT MIN(a.at) FROM audit_log a
                WHERE a.case_ref = c.case_ref AND a.to_status IN ('INTERVIEWED', 'ON_HOLD', 'REJECTED')) AS ended
        FROM case_file c
        WHERE c.office = :office AND c.called_at >= :from_at AND c.called_at < :until_at
    ) e
    WHERE e.ended IS NOT NULL
    GROUP BY e.officer
) h ON h.officer = t.officer
ORDER BY t.officer
