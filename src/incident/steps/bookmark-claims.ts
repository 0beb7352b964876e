import type { Queryable } from '../../store/store.js';

/** Longer than adding one bookmark ever takes; a claim older than this was its holder's last act. */
const CLAIM_MS = 60_000;

/**
 * A bookmark about to be added, claimed as a row of `incident_bookmarks` without its id. The
 * primary key (incident, kind) lets one replica in; a claim left by a process that died expires.
 */
export const bookmarkClaims = {
  /** True when this run may add the bookmark: nobody had it, or its claim expired. */
  async claim(
    db: Queryable,
    incidentId: number,
    want: { kind: string; title: string; link: string },
    now: Date,
  ): Promise<boolean> {
    const rows = await db.query(
      `INSERT INTO incident_bookmarks (incident_id, kind, bookmark_id, title, link, claimed_until)
       VALUES ($1, $2, NULL, $3, $4, $5)
       ON CONFLICT (incident_id, kind) DO UPDATE SET claimed_until = EXCLUDED.claimed_until,
         title = EXCLUDED.title, link = EXCLUDED.link
       WHERE incident_bookmarks.bookmark_id IS NULL AND incident_bookmarks.claimed_until < $6
       RETURNING kind`,
      [incidentId, want.kind, want.title, want.link, new Date(now.getTime() + CLAIM_MS), now],
    );
    return rows.length > 0;
  },

  async release(db: Queryable, incidentId: number, kind: string): Promise<void> {
    await db.query(
      'DELETE FROM incident_bookmarks WHERE incident_id = $1 AND kind = $2 AND bookmark_id IS NULL',
      [incidentId, kind],
    );
  },
};
