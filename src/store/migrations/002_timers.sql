-- Durable due-timers: reminders and deadlines that must fire once, even across restarts.
CREATE TABLE IF NOT EXISTS timers (
  id            bigserial PRIMARY KEY,
  key           text NOT NULL UNIQUE,
  kind          text NOT NULL,
  due_at        timestamptz NOT NULL,
  payload       jsonb NOT NULL DEFAULT '{}'::jsonb,
  attempts      integer NOT NULL DEFAULT 0,
  leased_until  timestamptz,
  fired_at      timestamptz,
  cancelled_at  timestamptz,
  last_error    text
);
CREATE INDEX IF NOT EXISTS timers_due ON timers (due_at) WHERE fired_at IS NULL AND cancelled_at IS NULL;
