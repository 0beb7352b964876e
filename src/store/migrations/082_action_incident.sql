-- The incident an operation runs for (`--incident N`, or typed in its channel): its request,
-- confirmation and result go to the incident's card thread and timeline.
ALTER TABLE action_requests ADD COLUMN IF NOT EXISTS incident_number integer;
