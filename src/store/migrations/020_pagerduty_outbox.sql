-- Events v2 outbox: every page is stored before it is sent, delivered in order per dedup_key.
-- `routing` names the config entry whose key is used (the key itself never touches the store).
CREATE TABLE IF NOT EXISTS pagerduty_outbox (
  id               bigserial PRIMARY KEY,
  dedup_key        text NOT NULL,
  action           text NOT NULL,
  routing          text NOT NULL,
  incident_number  integer,
  body             jsonb NOT NULL DEFAULT '{}'::jsonb,
  state            text NOT NULL DEFAULT 'pending',
  attempts         integer NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL,
  next_attempt_at  timestamptz NOT NULL,
  leased_until     timestamptz,
  lease_token      text,
  sent_at          timestamptz,
  failed_at        timestamptz,
  reported_at      timestamptz,
  last_error       text
);
CREATE INDEX IF NOT EXISTS pagerduty_outbox_pending ON pagerduty_outbox (dedup_key, id) WHERE state = 'pending';
CREATE INDEX IF NOT EXISTS pagerduty_outbox_unreported ON pagerduty_outbox (id) WHERE state = 'failed' AND reported_at IS NULL;
