-- A receipt keeps what it printed, so that every reprint and report shows the same paper:
-- the fee charged (whole rupiah), the billing code and NTPN of the payment, the issuing and
-- handing-over officers' full names. Before V13 the fee was worked out anew on each print
-- from central's amount or the office fee table, so a changed fee table changed old receipts.
--
-- And whether the receipt was given: a receipt is issued (its number taken, central told)
-- before it is printed; it is given once a print was accepted by the printer's spooler or the
-- PDF was saved (given_how PRINTED or SAVED). Rows from before V13 were taken as given when
-- issued (given_how ISSUED), which is what the desk assumed then.
-- Written in SQL that both H2 (MODE=PostgreSQL) and PostgreSQL accept.

ALTER TABLE case_receipt ADD COLUMN fee_rupiah BIGINT;
ALTER TABLE case_receipt ADD COLUMN billing_code VARCHAR(15);
ALTER TABLE case_receipt ADD COLUMN ntpn VARCHAR(16);
ALTER TABLE case_receipt ADD COLUMN issued_by_name VARCHAR(200);
ALTER TABLE case_receipt ADD COLUMN handed_over_by_name VARCHAR(200);
ALTER TABLE case_receipt ADD COLUMN given_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE case_receipt ADD COLUMN given_by VARCHAR(50);
ALTER TABLE case_receipt ADD COLUMN given_how VARCHAR(10);

-- The fee by the rule the receipt was printed with until now: central's amount for a booking,
-- otherwise the office fee table (settings fee.*, or its defaults), without the same-day
-- surcharge, plus the fine for a lost or damaged passport.
UPDATE case_receipt SET fee_rupiah = COALESCE(
    (SELECT a.payment_amount FROM case_file c JOIN appointment a ON a.id = c.appointment_id
      WHERE c.case_ref = case_receipt.case_ref),
    (SELECT COALESCE(
                (SELECT CAST(s.setting_value AS BIGINT) FROM setting s
                  WHERE s.setting_key = 'fee.' || c.passport_type || '.' || CAST(c.validity_years AS VARCHAR(4))),
                CASE c.passport_type || '.' || CAST(c.validity_years AS VARCHAR(4))
                    WHEN 'REGULAR.5' THEN 350000
                    WHEN 'REGULAR.10' THEN 650000
                    WHEN 'ELECTRONIC.5' THEN 650000
                    WHEN 'ELECTRONIC.10' THEN 950000
                    ELSE 0 END)
          + CASE WHEN c.service IN ('REPLACEMENT_LOST', 'REPLACEMENT_DAMAGED') THEN COALESCE(
                (SELECT CAST(s.setting_value AS BIGINT) FROM setting s WHERE s.setting_key = 'fee.fine.' || c.service),
                CASE c.service WHEN 'REPLACEMENT_LOST' THEN 1000000 ELSE 500000 END)
                 ELSE 0 END
       FROM case_file c WHERE c.case_ref = case_receipt.case_ref),
    0);

UPDATE case_receipt SET billing_code =
    (SELECT a.payment_billing_code FROM case_file c JOIN appointment a ON a.id = c.appointment_id
      WHERE c.case_ref = case_receipt.case_ref);

UPDATE case_receipt SET ntpn = COALESCE(
    (SELECT c.payment_ntpn FROM case_file c WHERE c.case_ref = case_receipt.case_ref),
    (SELECT a.payment_ntpn FROM case_file c JOIN appointment a ON a.id = c.appointment_id
      WHERE c.case_ref = case_receipt.case_ref));

UPDATE case_receipt SET issued_by_name = COALESCE(
    (SELECT s.full_name FROM staff s WHERE s.username = case_receipt.issued_by), issued_by);

UPDATE case_receipt SET handed_over_by_name = COALESCE(
    (SELECT s.full_name FROM staff s WHERE s.username = case_receipt.handed_over_by), handed_over_by)
 WHERE handed_over_by IS NOT NULL;

UPDATE case_receipt SET given_at = issued_at, given_by = issued_by, given_how = 'ISSUED';

ALTER TABLE case_receipt ALTER COLUMN fee_rupiah SET NOT NULL;
ALTER TABLE case_receipt ALTER COLUMN issued_by_name SET NOT NULL;
ALTER TABLE case_receipt ADD CONSTRAINT case_receipt_given_how_ck CHECK (given_how IN ('PRINTED', 'SAVED', 'ISSUED'));
