-- Reports run as a database user that may only SELECT what it is granted (see
-- id.loket.report.repo.ReportReader, which creates that user and grants it SELECT on the tables
-- reports may read, at run time: on PostgreSQL the role is made by the server's administrator,
-- so no migration can assume it exists). The settings table is never granted: it holds the
-- central token. What reports need of it is this view: the fee table's settings, nothing else.
-- A view is read with its owner's rights on both databases, so SELECT on the view is enough.
CREATE VIEW report_fee_setting AS
    SELECT setting_key, setting_value
    FROM setting
    WHERE setting_key LIKE 'fee.%';
