import type { Queryable } from '../store/store.js';
import type { KeptRequest } from './kept-request.js';

export interface UnfinishedRequest {
  request: KeptRequest;
  /** Times it has been taken up, this time included. */
  attempts: number;
}

/** Done requests are kept this long (their id answers "was this worked?"), then deleted. */
const KEEP_DONE_DAYS = 7;

/** The `inbox` table's SQL: which requests were worked, and taking over a dead replica's. */
export const inboxRepository = {
  /**
   * Marks requests worked (and drops their payloads, which hold the response_url): one statement
   * for a batch, so a burst of finished commands costs one write.
   */
  async complete(db: Queryable, done: { request: KeptRequest; outcome: string }[]): Promise<void> {
    const unique = [...new Map(done.map((d) => [d.request.id, d])).values()];
    await db.query(
      `INSERT INTO inbox (id, kind, received_at, state, outcome, finished_at)
       SELECT d.id, d.kind, d.received_at, 'done', d.outcome, now()
         FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::text[]) AS d(id, kind, received_at, outcome)
       ON CONFLICT (id) DO UPDATE SET state = 'done', outcome = EXCLUDED.outcome, finished_at = now(),
         payload = NULL, leased_until = NULL`,
      [
        unique.map((d) => d.request.id),
        unique.map((d) => d.request.delivery.kind),
        unique.map((d) => d.request.receivedAt),
        unique.map((d) => d.outcome),
      ],
    );
  },

  /** Of these ids, the ones already worked. */
  async doneAmong(db: Queryable, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await db.query<{ id: string }>(
      `SELECT id FROM inbox WHERE id = ANY($1::text[]) AND state = 'done'`,
      [ids],
    );
    return new Set(rows.map((r) => r.id));
  },

  /** Records that a journaled request is being taken up again; returns how often it has been. */
  async takeUp(db: Queryable, request: KeptRequest): Promise<number> {
    const [row] = await db.query<{ attempts: number }>(
      `INSERT INTO inbox (id, kind, received_at, attempts) VALUES ($1, $2, $3, 1)
       ON CONFLICT (id) DO UPDATE SET attempts = inbox.attempts + 1 RETURNING attempts`,
      [request.id, request.delivery.kind, request.receivedAt],
    );
    return row?.attempts ?? 1;
  },

  /**
   * Keeps the requests this replica is working from being taken over. Only those: one whose work
   * failed here is left to run out, so that any replica (this one too) takes it up again.
   */
  async renew(db: Queryable, owner: string, ids: string[], leaseMs: number): Promise<void> {
    if (ids.length === 0) return;
    await db.query(
      `UPDATE inbox SET leased_until = now() + make_interval(secs => $3)
        WHERE owner = $1 AND id = ANY($2::text[]) AND state = 'received'`,
      [owner, ids, leaseMs / 1000],
    );
  },

  /** Takes over requests whose replica stopped renewing them (it died), oldest first. */
  async claimExpired(
    db: Queryable,
    owner: string,
    leaseMs: number,
    limit = 50,
  ): Promise<UnfinishedRequest[]> {
    const rows = await db.query<{ payload: KeptRequest; attempts: number }>(
      `UPDATE inbox SET owner = $1, leased_until = now() + make_interval(secs => $2), attempts = attempts + 1
        WHERE id IN (SELECT id FROM inbox
                      WHERE state = 'received' AND payload IS NOT NULL AND leased_until < now()
                      ORDER BY received_at LIMIT $3 FOR UPDATE SKIP LOCKED)
        RETURNING payload, attempts`,
      [owner, leaseMs / 1000, limit],
    );
    return rows.map((r) => ({ request: r.payload, attempts: r.attempts }));
  },

  async purgeDone(db: Queryable): Promise<void> {
    await db.query(
      `DELETE FROM inbox WHERE state = 'done' AND finished_at < now() - make_interval(days => $1)`,
      [KEEP_DONE_DAYS],
    );
  },
};
