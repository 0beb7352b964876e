-- Reassign/escalate requests made from Slack through PagerDuty's REST API, by the request that
-- asked: a request worked again (a retry after a crash) repeats the same change, never a second
-- escalation; and a webhook reporting our own change is recognised as ours, not echoed as news.
CREATE TABLE IF NOT EXISTS incident_pager_requests (
  request_key text PRIMARY KEY,
  incident_id bigint NOT NULL REFERENCES incidents (id),
  action      text NOT NULL,
  target      jsonb NOT NULL,
  created_at  timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS incident_pager_requests_recent ON incident_pager_requests (incident_id, created_at);
