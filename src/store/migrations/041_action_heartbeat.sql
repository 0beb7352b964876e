-- A running restart/rollback is kept alive by its process's heartbeat; one whose heartbeat stops
-- (the process died mid-run) is marked interrupted by whichever replica notices.
ALTER TABLE action_requests ADD COLUMN IF NOT EXISTS heartbeat_at timestamptz;
