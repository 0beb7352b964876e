-- Every Slack request the bot acknowledged, kept until it was worked (see src/inbox/).
-- On PostgreSQL the ingress thread inserts the row before the ack, leased to its replica;
-- with the embedded store the request is journaled in the data directory before the ack and
-- only its outcome is written here. `payload` is dropped once done (it holds the response_url).
CREATE TABLE IF NOT EXISTS inbox (
  id            text PRIMARY KEY,
  kind          text NOT NULL,
  payload       jsonb,
  received_at   timestamptz NOT NULL,
  state         text NOT NULL DEFAULT 'received',
  owner         text,
  leased_until  timestamptz,
  attempts      integer NOT NULL DEFAULT 0,
  finished_at   timestamptz,
  outcome       text
);
CREATE INDEX IF NOT EXISTS inbox_unfinished ON inbox (received_at) WHERE state = 'received';
CREATE INDEX IF NOT EXISTS inbox_finished_at ON inbox (finished_at) WHERE state = 'done';
