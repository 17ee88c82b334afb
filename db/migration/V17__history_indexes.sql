-- A year of history in one database (about 400,000 appointments, 3 million audit rows, 1.6
-- million outbox rows at a busy office): what a day's report or screen reads must be found by an
-- index on its date, never by reading the history. ReportPlansIT checks every shipped report's
-- plan against these.

-- officer-throughput: the steps recorded between two instants
CREATE INDEX audit_log_at_ix ON audit_log (at);
-- officer-throughput: the cases called between two instants
CREATE INDEX case_file_called_ix ON case_file (office, called_at);
-- pending-pickups: the cases ready for pickup, whatever their date
CREATE INDEX case_file_status_ix ON case_file (office, status);
-- daily-summary and fees: receipts of the dates; daily-summary: passports handed over on them
CREATE INDEX case_receipt_date_ix ON case_receipt (receipt_date);
CREATE INDEX case_receipt_handed_over_ix ON case_receipt (handed_over_at);
-- outage-log: events and pulls of the dates
CREATE INDEX outbox_event_occurred_ix ON outbox_event (occurred_at);
CREATE INDEX sync_run_started_ix ON sync_run (office, started_at);
