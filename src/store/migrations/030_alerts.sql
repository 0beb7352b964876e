-- Short alert ids users type (`/bers alerts ack 3f9a2c`): one row per alert ever listed, so an id
-- keeps meaning the same alert across restarts and replicas.
CREATE TABLE IF NOT EXISTS alert_ids (
  short_id   text PRIMARY KEY,
  source     text NOT NULL,
  alert_key  text NOT NULL,
  first_seen timestamptz NOT NULL,
  UNIQUE (source, alert_key)
);

-- Silences the bot created, so `resolve` can offer to expire them.
CREATE TABLE IF NOT EXISTS alert_silences (
  silence_id text NOT NULL,
  source     text NOT NULL,
  short_id   text NOT NULL,
  created_by text NOT NULL,
  ends_at    timestamptz NOT NULL,
  expired_at timestamptz,
  PRIMARY KEY (source, silence_id, short_id)
);
CREATE INDEX IF NOT EXISTS alert_silences_short_id ON alert_silences (short_id);

-- One Slack message per Alertmanager group: a resolved notification updates it, even after a restart.
CREATE TABLE IF NOT EXISTS alert_notifications (
  id         text PRIMARY KEY,
  group_key  text NOT NULL UNIQUE,
  status     text NOT NULL,
  channel    text,
  ts         text,
  payload    jsonb NOT NULL,
  -- "Acknowledged by …", kept so later updates of the message still show it.
  note       text,
  updated_at timestamptz NOT NULL
);
