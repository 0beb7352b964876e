-- The incident channel's bookmarks the bot added, by what they point at (PagerDuty, runbook, …):
-- a changed link edits its bookmark, and a re-run never adds a second one.
CREATE TABLE IF NOT EXISTS incident_bookmarks (
  incident_id bigint NOT NULL REFERENCES incidents (id),
  kind        text NOT NULL,
  bookmark_id text NOT NULL,
  title       text NOT NULL,
  link        text NOT NULL,
  PRIMARY KEY (incident_id, kind)
);
