-- One outbox row per request that pages (an incident step, a manual page): a step re-run after a
-- crash finds its event instead of writing a second one and paging twice.
ALTER TABLE pagerduty_outbox ADD COLUMN IF NOT EXISTS request_key text;
CREATE UNIQUE INDEX IF NOT EXISTS pagerduty_outbox_request_key ON pagerduty_outbox (request_key);
