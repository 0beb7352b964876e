-- Maintenance windows: recurring ones come from the config (`maintenance.windows`, keyed by name),
-- one-off ones from `/bers maintenance schedule`. Each window has occurrences; every step of an
-- occurrence (announce per lead time, start, end) is taken by one conditional UPDATE/INSERT, so it
-- happens once across restarts and replicas, as report slots are (050_report_runs.sql).
CREATE TABLE IF NOT EXISTS maintenance_windows (
  id          bigserial PRIMARY KEY,
  -- set for a configured (recurring) window, null for a one-off
  config_name text UNIQUE,
  title       text NOT NULL,
  services    jsonb NOT NULL,
  created_by  text NOT NULL,
  created_at  timestamptz NOT NULL,
  cancelled_at timestamptz
);

CREATE TABLE IF NOT EXISTS maintenance_occurrences (
  id           bigserial PRIMARY KEY,
  window_id    bigint NOT NULL REFERENCES maintenance_windows (id),
  starts_at    timestamptz NOT NULL,
  ends_at      timestamptz NOT NULL,
  started_at   timestamptz,
  ended_at     timestamptz,
  cancelled_at timestamptz,
  -- [{source, silenceId}] created at the start, expired at the end (or on cancel)
  silences     jsonb NOT NULL DEFAULT '[]'::jsonb,
  UNIQUE (window_id, starts_at)
);
CREATE INDEX IF NOT EXISTS maintenance_occurrences_ends ON maintenance_occurrences (ends_at)
  WHERE cancelled_at IS NULL AND ended_at IS NULL;

-- One row per announcement posted: (occurrence, minutes ahead). The INSERT that lands posts it.
CREATE TABLE IF NOT EXISTS maintenance_announcements (
  occurrence_id bigint NOT NULL REFERENCES maintenance_occurrences (id),
  lead_minutes  integer NOT NULL,
  posted_at     timestamptz NOT NULL,
  PRIMARY KEY (occurrence_id, lead_minutes)
);
