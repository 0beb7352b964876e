import type { Queryable } from '../store/store.js';
import type { PagerRequests, PagerRequestTarget } from './incident-records.js';

/**
 * Reassign/escalate requests made from Slack, by the request that asked (see
 * 071_incident_pager_requests.sql): the flows' `records.pagerRequests` in the bot.
 */
export const pagerRequests: PagerRequests = {
  // Typed by the port (incident-records.ts), which says what it promises.
  async targetOf(db, at, requestKey, incidentId, action, decide) {
    const [earlier] = await db.query<{ target: PagerRequestTarget }>(
      'SELECT target FROM incident_pager_requests WHERE request_key = $1',
      [requestKey],
    );
    if (earlier) return earlier.target;
    const target = await decide();
    const rows = await db.query<{ target: PagerRequestTarget }>(
      `INSERT INTO incident_pager_requests (request_key, incident_id, action, target, created_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (request_key) DO UPDATE SET request_key = EXCLUDED.request_key
       RETURNING target`,
      [requestKey, incidentId, action, JSON.stringify(target), at],
    );
    return rows[0]!.target;
  },

  /** Whether a change of this kind was asked for here since `since` (its webhook is then ours coming back). */
  async madeSince(
    db: Queryable,
    incidentId: number,
    action: 'reassign' | 'escalate',
    since: Date,
  ): Promise<boolean> {
    const rows = await db.query(
      'SELECT 1 AS x FROM incident_pager_requests WHERE incident_id = $1 AND action = $2 AND created_at > $3',
      [incidentId, action, since],
    );
    return rows.length > 0;
  },
};
