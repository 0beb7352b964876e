-- Webhooks v3 deliveries are at-least-once: one row per X-Webhook-Id, processed once.
CREATE TABLE IF NOT EXISTS pagerduty_webhooks (
  webhook_id    text PRIMARY KEY,
  event_type    text NOT NULL,
  body          jsonb NOT NULL,
  received_at   timestamptz NOT NULL,
  leased_until  timestamptz,
  processed_at  timestamptz,
  last_error    text
);
CREATE INDEX IF NOT EXISTS pagerduty_webhooks_unprocessed ON pagerduty_webhooks (received_at) WHERE processed_at IS NULL;
