-- Incident numbers without gaps: a sequence skips the values it had logged ahead after a crash
-- (#6 → #34); a counter row updated in the declaring transaction never does.
CREATE TABLE IF NOT EXISTS counters (
  name  text PRIMARY KEY,
  value bigint NOT NULL
);
INSERT INTO counters (name, value)
  SELECT 'incident_number', COALESCE(MAX(number), 0) FROM incidents
  ON CONFLICT (name) DO NOTHING;
ALTER TABLE incidents ALTER COLUMN number DROP DEFAULT;
DROP SEQUENCE IF EXISTS incident_numbers;
