-- Incidents: numbered from a sequence; request_key makes a retried or double-clicked declare a no-op.
CREATE SEQUENCE IF NOT EXISTS incident_numbers;
CREATE TABLE IF NOT EXISTS incidents (
  id               bigserial PRIMARY KEY,
  number           integer NOT NULL UNIQUE DEFAULT nextval('incident_numbers'),
  request_key      text NOT NULL UNIQUE,
  title            text NOT NULL,
  severity         text NOT NULL,
  status           text NOT NULL DEFAULT 'investigating',
  impact           text NOT NULL DEFAULT '',
  services         jsonb NOT NULL DEFAULT '[]'::jsonb,
  is_private       boolean NOT NULL DEFAULT false,
  commander_id     text,
  lead_id          text,
  comms_id         text,
  declared_by_id   text NOT NULL,
  declared_by_name text NOT NULL,
  channel_id       text,
  channel_name     text,
  declared_at      timestamptz NOT NULL,
  acknowledged_at  timestamptz,
  acknowledged_by  text,
  last_update_at   timestamptz,
  next_update_at   timestamptz,
  resolved_at      timestamptz,
  resolved_by      text,
  resolution       text,
  root_cause       text
);
CREATE INDEX IF NOT EXISTS incidents_open ON incidents (severity, number) WHERE resolved_at IS NULL;
CREATE INDEX IF NOT EXISTS incidents_declared_at ON incidents (declared_at);
CREATE INDEX IF NOT EXISTS incidents_resolved_at ON incidents (resolved_at);
CREATE INDEX IF NOT EXISTS incidents_channel ON incidents (channel_id);

-- Everything that happened, at its original time; source_key dedupes external records (📌, webhooks).
CREATE TABLE IF NOT EXISTS incident_timeline (
  id          bigserial PRIMARY KEY,
  incident_id bigint NOT NULL REFERENCES incidents (id),
  at          timestamptz NOT NULL,
  kind        text NOT NULL,
  actor_id    text,
  actor_name  text,
  text        text NOT NULL,
  source_key  text UNIQUE
);
CREATE INDEX IF NOT EXISTS incident_timeline_incident ON incident_timeline (incident_id, at, id);

-- Store first, then act: what still has to happen in Slack (channel, invites, posts, pages).
CREATE TABLE IF NOT EXISTS incident_steps (
  id           bigserial PRIMARY KEY,
  incident_id  bigint NOT NULL REFERENCES incidents (id),
  key          text NOT NULL UNIQUE,
  kind         text NOT NULL,
  payload      jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at   timestamptz NOT NULL,
  done_at      timestamptz,
  leased_until timestamptz,
  attempts     integer NOT NULL DEFAULT 0,
  last_error   text
);
CREATE INDEX IF NOT EXISTS incident_steps_pending ON incident_steps (incident_id, id) WHERE done_at IS NULL;

-- The posted reports that are refreshed in place (acknowledged, commander, status).
CREATE TABLE IF NOT EXISTS incident_messages (
  incident_id bigint NOT NULL REFERENCES incidents (id),
  role        text NOT NULL,
  channel     text NOT NULL,
  ts          text NOT NULL,
  PRIMARY KEY (incident_id, role)
);
