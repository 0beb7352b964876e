-- One row per scheduled report slot (schedule id + the instant it was due): the replica whose
-- INSERT creates the row posts it; the others see the row and stand down.
CREATE TABLE IF NOT EXISTS report_runs (
  schedule_id  text NOT NULL,
  slot         timestamptz NOT NULL,
  claimed_by   text NOT NULL,
  claimed_at   timestamptz NOT NULL,
  -- posting → posted | failed; skipped = missed beyond the grace window
  status       text NOT NULL,
  late         boolean NOT NULL DEFAULT false,
  finished_at  timestamptz,
  error        text,
  PRIMARY KEY (schedule_id, slot)
);
