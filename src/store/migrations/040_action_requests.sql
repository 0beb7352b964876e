-- Restart and rollback requests: the row's state decides who executes (one conditional UPDATE wins).
CREATE TABLE IF NOT EXISTS action_requests (
  id                text PRIMARY KEY,
  kind              text NOT NULL,
  service           text NOT NULL,
  environment       text NOT NULL,
  executor          text NOT NULL,
  revision          text,
  state             text NOT NULL DEFAULT 'requested',
  requested_by      text NOT NULL,
  requested_by_name text NOT NULL,
  channel_id        text NOT NULL,
  two_person        boolean NOT NULL DEFAULT false,
  confirmed_by      text,
  confirmed_by_name text,
  requested_at      timestamptz NOT NULL,
  expires_at        timestamptz NOT NULL,
  confirmed_at      timestamptz,
  started_at        timestamptz,
  finished_at       timestamptz,
  verified_at       timestamptz,
  summary           text,
  output_tail       text,
  verify_seconds    integer,
  correlation_id    text NOT NULL
);
CREATE INDEX IF NOT EXISTS action_requests_service ON action_requests (service, requested_at DESC);
