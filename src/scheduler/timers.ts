import type { Logger } from 'pino';
import type { Clock } from '../core/clock.js';
import type { Queryable, Store } from '../store/store.js';

export interface DueTimer {
  id: number;
  key: string;
  kind: string;
  dueAt: Date;
  payload: Record<string, unknown>;
  attempts: number;
}

/** Runs a fired timer. Throwing retries it later (with backoff); returning marks it fired for good. */
export type TimerHandler = (timer: DueTimer) => Promise<void>;

interface TimerRow {
  id: number;
  key: string;
  kind: string;
  due_at: Date;
  payload: Record<string, unknown>;
  attempts: number;
}

/** How long a claimed timer is ours before another replica may take it (a crash mid-handler). */
const LEASE_MS = 60_000;
const MAX_BACKOFF_MS = 15 * 60_000;

/**
 * Durable due-timers in the store. `schedule` is idempotent per key (a retried request never doubles
 * a reminder); `poll` claims due timers with a lease (`FOR UPDATE SKIP LOCKED`, so replicas split
 * them) and runs their handler by kind. A timer fires once; if the process dies mid-handler, the
 * lease expires and it fires again after the restart.
 */
export class TimerService {
  private readonly handlers = new Map<string, TimerHandler>();
  private interval: NodeJS.Timeout | undefined;
  private polling: Promise<number> | undefined;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  on(kind: string, handler: TimerHandler): void {
    this.handlers.set(kind, handler);
  }

  /** Schedules (or re-schedules, if not yet fired) the timer with this key. */
  async schedule(
    key: string,
    kind: string,
    dueAt: Date,
    payload: Record<string, unknown> = {},
    db: Queryable = this.store,
  ): Promise<void> {
    await db.query(
      `INSERT INTO timers (key, kind, due_at, payload) VALUES ($1, $2, $3, $4)
       ON CONFLICT (key) DO UPDATE SET due_at = EXCLUDED.due_at, payload = EXCLUDED.payload, kind = EXCLUDED.kind,
         cancelled_at = NULL, attempts = 0, last_error = NULL
       WHERE timers.fired_at IS NULL`,
      [key, kind, dueAt, JSON.stringify(payload)],
    );
  }

  async cancel(key: string, db: Queryable = this.store): Promise<void> {
    await db.query('UPDATE timers SET cancelled_at = $2 WHERE key = $1 AND fired_at IS NULL', [
      key,
      this.clock.now(),
    ]);
  }

  /** Cancels every pending timer whose key starts with `prefix` (a chain of repeating reminders). */
  async cancelPrefix(prefix: string, db: Queryable = this.store): Promise<void> {
    await db.query(
      `UPDATE timers SET cancelled_at = $2 WHERE key LIKE $1 || '%' AND fired_at IS NULL AND cancelled_at IS NULL`,
      [prefix, this.clock.now()],
    );
  }

  /** Pending (not fired, not cancelled) timers whose key starts with `prefix`. */
  async pending(prefix: string): Promise<{ key: string; kind: string; dueAt: Date }[]> {
    const rows = await this.store.query<TimerRow>(
      `SELECT key, kind, due_at FROM timers WHERE key LIKE $1 || '%' AND fired_at IS NULL AND cancelled_at IS NULL
       ORDER BY due_at`,
      [prefix],
    );
    return rows.map((r) => ({ key: r.key, kind: r.kind, dueAt: r.due_at }));
  }

  /** Fires every due timer once; returns how many ran. Tests call it directly with a manual clock. */
  poll(): Promise<number> {
    // One poll at a time per process; a tick that finds one running waits for it instead.
    this.polling ??= this.pollOnce().finally(() => {
      this.polling = undefined;
    });
    return this.polling;
  }

  private async pollOnce(): Promise<number> {
    const now = this.clock.now();
    const claimed = await this.store.transaction((tx) =>
      tx.query<TimerRow>(
        `UPDATE timers SET leased_until = $2, attempts = attempts + 1
          WHERE id IN (
            SELECT id FROM timers
             WHERE fired_at IS NULL AND cancelled_at IS NULL AND due_at <= $1
               AND (leased_until IS NULL OR leased_until < $1)
             ORDER BY due_at LIMIT 50 FOR UPDATE SKIP LOCKED)
          RETURNING id, key, kind, due_at, payload, attempts`,
        [now, new Date(now.getTime() + LEASE_MS)],
      ),
    );
    for (const row of claimed) await this.fire(row);
    return claimed.length;
  }

  private async fire(row: TimerRow): Promise<void> {
    const timer: DueTimer = {
      id: row.id,
      key: row.key,
      kind: row.kind,
      dueAt: row.due_at,
      payload: row.payload,
      attempts: row.attempts,
    };
    const handler = this.handlers.get(row.kind);
    try {
      if (!handler) throw new Error(`no handler for timer kind ${row.kind}`);
      await handler(timer);
      await this.store.query('UPDATE timers SET fired_at = $2, leased_until = NULL WHERE id = $1', [
        row.id,
        this.clock.now(),
      ]);
    } catch (error) {
      const backoff = Math.min(MAX_BACKOFF_MS, 5_000 * 2 ** Math.min(row.attempts, 10));
      this.log.error(
        { err: error, timer: row.key, attempts: row.attempts },
        'timer handler failed; will retry',
      );
      await this.store.query('UPDATE timers SET leased_until = $2, last_error = $3 WHERE id = $1', [
        row.id,
        new Date(this.clock.now().getTime() + backoff),
        String((error as Error).message ?? error).slice(0, 500),
      ]);
    }
  }

  start(everyMs = 5_000): void {
    this.interval ??= setInterval(() => {
      this.poll().catch((error: unknown) => this.log.error({ err: error }, 'timer poll failed'));
    }, everyMs);
    this.interval.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.interval);
    this.interval = undefined;
    await this.polling;
  }
}
