import type { Queryable } from '../store/store.js';
import type { StepPayload } from './step-payload.js';

export interface PendingStep {
  id: number;
  incidentId: number;
  key: string;
  payload: StepPayload;
  /** Counting this one: above 1, an earlier attempt may have done its work before it died. */
  attempts: number;
  /** When its first attempt was claimed (before calling out): where a re-run looks from. */
  firstAttemptAt: Date;
}

type StepRow = {
  id: string | number;
  key: string;
  payload: StepPayload;
  attempts: number;
  first_attempted_at: Date | string;
};

/** What a claim sets, given its parameters. Steps tried before first_attempted_at existed count from their creation. */
const claimSet = (lease: string, now: string) => `leased_until = ${lease}, attempts = attempts + 1,
  first_attempted_at = COALESCE(first_attempted_at, CASE WHEN attempts = 0 THEN ${now}::timestamptz ELSE created_at END)`;
const RETURNING = 'RETURNING id, key, payload, attempts, first_attempted_at';

function pending(row: StepRow, incidentId: number): PendingStep {
  return {
    id: Number(row.id),
    incidentId,
    key: row.key,
    payload: row.payload,
    attempts: row.attempts,
    firstAttemptAt: new Date(row.first_attempted_at),
  };
}

/** How long a claimed step is ours before a sweep (this or another replica) may retry it. */
const LEASE_MS = 60_000;

export const stepStore = {
  /** Adds steps (in the caller's transaction); a key already present is left alone. */
  async add(db: Queryable, incidentId: number, at: Date, steps: { key: string; payload: StepPayload }[]) {
    for (const step of steps) {
      await db.query(
        `INSERT INTO incident_steps (incident_id, key, kind, payload, created_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (key) DO NOTHING`,
        [incidentId, step.key, step.payload.kind, JSON.stringify(step.payload), at],
      );
    }
  },

  async incidentsWithPending(db: Queryable): Promise<number[]> {
    const rows = await db.query<{ incident_id: string | number }>(
      'SELECT DISTINCT incident_id FROM incident_steps WHERE done_at IS NULL ORDER BY incident_id',
    );
    return rows.map((r) => Number(r.incident_id));
  },

  /** Claims the incident's first unfinished step, unless another runner holds it. */
  async claimNext(db: Queryable, incidentId: number, now: Date): Promise<PendingStep | 'busy' | undefined> {
    const first = await db.query<{ id: string | number; leased_until: Date | null }>(
      'SELECT id, leased_until FROM incident_steps WHERE incident_id = $1 AND done_at IS NULL ORDER BY id LIMIT 1',
      [incidentId],
    );
    const head = first[0];
    if (!head) return undefined;
    const rows = await db.query<StepRow>(
      `UPDATE incident_steps SET ${claimSet('$3', '$2')}
        WHERE id = $1 AND done_at IS NULL AND (leased_until IS NULL OR leased_until < $2)
        ${RETURNING}`,
      [head.id, now, new Date(now.getTime() + LEASE_MS)],
    );
    const row = rows[0];
    if (!row) return 'busy';
    return pending(row, incidentId);
  },

  async done(db: Queryable, id: number, now: Date): Promise<void> {
    await db.query('UPDATE incident_steps SET done_at = $2, leased_until = NULL WHERE id = $1', [id, now]);
  },

  /** Releases the lease after `retryAt`, so the next sweep after then retries it. */
  async failed(db: Queryable, id: number, retryAt: Date, error: string): Promise<void> {
    await db.query('UPDATE incident_steps SET leased_until = $2, last_error = $3 WHERE id = $1', [
      id,
      retryAt,
      error.slice(0, 500),
    ]);
  },

  /**
   * Claims the incident's first unfinished step of `kind` out of order (a page must not wait behind
   * a step that keeps failing), unless another runner holds it.
   */
  async claimKind(
    db: Queryable,
    incidentId: number,
    kind: string,
    now: Date,
  ): Promise<PendingStep | undefined> {
    const rows = await db.query<StepRow>(
      `UPDATE incident_steps SET ${claimSet('$4', '$3')}
        WHERE id = (SELECT id FROM incident_steps WHERE incident_id = $1 AND kind = $2 AND done_at IS NULL
                      AND (leased_until IS NULL OR leased_until < $3) ORDER BY id LIMIT 1)
        ${RETURNING}`,
      [incidentId, kind, now, new Date(now.getTime() + LEASE_MS)],
    );
    const row = rows[0];
    return row && pending(row, incidentId);
  },

  /** The payload a step was stored with (a page card re-reads why it paged). */
  async payloadOf(db: Queryable, key: string): Promise<StepPayload | undefined> {
    const rows = await db.query<{ payload: StepPayload }>(
      'SELECT payload FROM incident_steps WHERE key = $1',
      [key],
    );
    return rows[0]?.payload;
  },

  async pendingCount(db: Queryable, incidentId: number): Promise<number> {
    const rows = await db.query<{ n: string | number }>(
      'SELECT count(*) AS n FROM incident_steps WHERE incident_id = $1 AND done_at IS NULL',
      [incidentId],
    );
    return Number(rows[0]?.n ?? 0);
  },

  async rememberMessage(
    db: Queryable,
    incidentId: number,
    role: string,
    ref: { channel: string; ts: string },
  ) {
    await db.query(
      `INSERT INTO incident_messages (incident_id, role, channel, ts) VALUES ($1, $2, $3, $4)
       ON CONFLICT (incident_id, role) DO UPDATE SET channel = EXCLUDED.channel, ts = EXCLUDED.ts`,
      [incidentId, role, ref.channel, ref.ts],
    );
  },

  async messages(
    db: Queryable,
    incidentId: number,
  ): Promise<{ role: string; channel: string; ts: string }[]> {
    return db.query('SELECT role, channel, ts FROM incident_messages WHERE incident_id = $1 ORDER BY role', [
      incidentId,
    ]);
  },
};
