-- Named operations (`/bers run`, `/bers scale`) store their validated, typed arguments with the
-- request, so the confirming click runs exactly what was requested (json, not jsonb: it keeps the
-- order they were declared and typed in). `kind` holds the operation name.
ALTER TABLE action_requests ADD COLUMN IF NOT EXISTS args json NOT NULL DEFAULT '{}'::json;
