-- When a batch holding the event was last handed to central. Written before the request, so an
-- event whose request may have reached central (the answer lost to a kill or a cut connection)
-- is never taken for one that was never sent: a conflict found by the pull holds only events
-- that were never handed over; the others go again and central's answer settles them.
ALTER TABLE outbox_event ADD COLUMN sending_at TIMESTAMP WITH TIME ZONE;
