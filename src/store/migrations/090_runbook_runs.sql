-- One walk of a runbook in a Slack thread. `step` and `state` move only by a conditional UPDATE
-- (WHERE step = the step the button was for), so a double click or a second replica advances once.
CREATE TABLE IF NOT EXISTS runbook_runs (
  id bigserial PRIMARY KEY,
  runbook text NOT NULL,
  service text NOT NULL,
  channel_id text NOT NULL,
  thread_ts text NOT NULL,
  step integer NOT NULL DEFAULT 0,
  -- waiting (for Next/Stop) | watching | acting | failed (a watch not met) | done | stopped
  state text NOT NULL,
  started_by_id text NOT NULL,
  started_by_name text NOT NULL,
  -- What each step showed, by index, so a pressed button's message keeps its text.
  outcomes jsonb NOT NULL DEFAULT '{}',
  act_request_id text,
  started_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
