-- When a step was first tried, recorded at its claim (before the call to Slack): a re-run of a post
-- looks for its own message from then on, in case the post was accepted but its ts never recorded.
ALTER TABLE incident_steps ADD COLUMN IF NOT EXISTS first_attempted_at timestamptz;
