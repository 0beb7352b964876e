-- Every command and every guarded action: who, where, what, the outcome, how long it took.
CREATE TABLE IF NOT EXISTS audit_events (
  id             bigserial PRIMARY KEY,
  at             timestamptz NOT NULL DEFAULT now(),
  kind           text NOT NULL,
  actor_id       text NOT NULL,
  actor_name     text NOT NULL,
  channel_id     text NOT NULL,
  channel_name   text NOT NULL,
  subject        text NOT NULL,
  text           text NOT NULL,
  outcome        text NOT NULL,
  duration_ms    integer NOT NULL DEFAULT 0,
  correlation_id text NOT NULL,
  service        text,
  details        jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX IF NOT EXISTS audit_events_at ON audit_events (at DESC);
CREATE INDEX IF NOT EXISTS audit_events_service_at ON audit_events (service, at DESC);
