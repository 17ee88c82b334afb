-- A check-in can be undone at the counter for a few seconds (a wrong booking scanned): its
-- CHECKED_IN event waits in the outbox until not_before, so central never hears of a check-in
-- that was undone. An undone check-in's event is WITHDRAWN (never sent); the audit trail keeps
-- both the check-in and its undoing.
ALTER TABLE outbox_event ADD COLUMN not_before TIMESTAMP WITH TIME ZONE;
