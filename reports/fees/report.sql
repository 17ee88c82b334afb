-- fees: receipts issued on the dates, by passport type and validity, with the sum of their fees.
-- amount: the booking's payment amount as central sent it (it includes a same-day surcharge or a fine);
-- a walk-in has no booking: its amount is the fee table's setting fee.TYPE.YEARS when the office has set it
-- (read through the view report_fee_setting: reports never see the settings table itself),
-- else it is counted under without_amount and adds nothing.
SELECT c.passport_type AS passport_type,
       c.validity_years AS validity_years,
       COUNT(*) AS receipts,
       COALESCE(SUM(COALESCE(a.payment_amount, CAST(s.setting_value AS BIGINT))), 0) AS amount,
       SUM(CASE WHEN a.payment_amount IS NULL AND s.setting_value IS NULL THEN 1 ELSE 0 END) AS without_amount
FROM case_file c
LEFT JOIN appointment a ON a.id = c.appointment_id
LEFT JOIN report_fee_setting s ON s.setting_key = 'fee.' || c.passport_type || '.' || CAST(c.validity_years AS VARCHAR(4))
WHERE c.office = :office
  AND c.case_ref IN (SELECT t.case_ref FROM case_receipt t WHERE t.receipt_date BETWEEN :date AND :to)
GROUP BY c.passport_type, c.validity_years
ORDER BY c.passport_type, c.validity_years
