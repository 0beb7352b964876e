-- Who acknowledged, as a Slack user (shown as a mention); null when it came from the pager.
ALTER TABLE incidents ADD COLUMN IF NOT EXISTS acknowledged_by_id text;
-- The post-mortem's link, once recorded: its reminder stops repeating.
ALTER TABLE incidents ADD COLUMN IF NOT EXISTS postmortem_url text;
-- The incident channel's topic as last set, so it is set again only when it changes.
ALTER TABLE incidents ADD COLUMN IF NOT EXISTS channel_topic text;
-- When the channel was archived (some days after the resolution).
ALTER TABLE incidents ADD COLUMN IF NOT EXISTS archived_at timestamptz;
