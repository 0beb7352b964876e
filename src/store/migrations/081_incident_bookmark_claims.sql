-- A bookmark is claimed (a row without its id yet) before bookmarks.add, so of two replicas caring
-- for one channel at once only one adds it. A claim whose holder died expires at claimed_until.
ALTER TABLE incident_bookmarks ALTER COLUMN bookmark_id DROP NOT NULL;
ALTER TABLE incident_bookmarks ADD COLUMN IF NOT EXISTS claimed_until timestamptz;
