-- What an incident's page is doing in PagerDuty, as the incident channel's page card shows it:
-- one row per incident (every page of an incident uses its one dedup key, so one PagerDuty incident).
CREATE TABLE IF NOT EXISTS incident_pages (
  incident_id      bigint PRIMARY KEY REFERENCES incidents (id),
  state            text NOT NULL,
  note             text,
  delayed_since    timestamptz,
  vendor_id        text,
  vendor_number    integer,
  vendor_url       text,
  assignees        jsonb NOT NULL DEFAULT '[]'::jsonb,
  escalation_policy text,
  escalation_level integer,
  acknowledged_by  text,
  resolved_by      text,
  context          jsonb NOT NULL DEFAULT '{}'::jsonb,
  paged_at         timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL
);

-- The alert (or other source) an incident was declared from, for the page's context.
ALTER TABLE incidents ADD COLUMN IF NOT EXISTS origin text;
