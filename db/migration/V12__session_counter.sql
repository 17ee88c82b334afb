-- The counter a session's desk stands at (null: none chosen, or not a desk), so that the
-- supervisor's dashboard shows who is signed in at every counter of the office. The desk sets
-- it at sign-in and when its counter number changes.
ALTER TABLE staff_session ADD COLUMN counter_no VARCHAR(10);
