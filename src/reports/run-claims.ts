import type { Clock } from '../core/clock.js';
import type { Store } from '../store/store.js';

export type ClaimStatus = 'posting' | 'skipped';

/**
 * The store-backed run coordinator: a schedule's slot is claimed by one INSERT … ON CONFLICT DO
 * NOTHING, so whichever replica's row lands first runs it and every other one stands down.
 */
export class RunClaims {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    /** Names this replica in the claims (host:pid). */
    private readonly instance: string,
  ) {}

  /** True when this replica claimed the slot (and so must run it). */
  async claim(
    scheduleId: string,
    slot: Date,
    options: { status?: ClaimStatus; late?: boolean } = {},
  ): Promise<boolean> {
    const rows = await this.store.query(
      `INSERT INTO report_runs (schedule_id, slot, claimed_by, claimed_at, status, late)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (schedule_id, slot) DO NOTHING
       RETURNING slot`,
      [scheduleId, slot, this.instance, this.clock.now(), options.status ?? 'posting', options.late ?? false],
    );
    return rows.length === 1;
  }

  /**
   * Takes over a slot whose run came to nothing: still `posting` though claimed before
   * `stalePostingBefore` (its replica died mid-post), or `failed` before `failedBefore` (Slack said
   * no). One conditional UPDATE, so one replica retries it. Undefined when there is nothing to take;
   * otherwise the earlier failure's message, if it failed.
   */
  async retake(
    scheduleId: string,
    slot: Date,
    cutoffs: { stalePostingBefore: Date; failedBefore: Date },
  ): Promise<{ previousError?: string } | undefined> {
    const rows = await this.store.query<{ error: string | null }>(
      `UPDATE report_runs SET status = 'posting', claimed_by = $3, claimed_at = $4, late = true, finished_at = NULL
        WHERE schedule_id = $1 AND slot = $2
          AND ((status = 'posting' AND claimed_at < $5) OR (status = 'failed' AND finished_at < $6))
        RETURNING error`,
      [scheduleId, slot, this.instance, this.clock.now(), cutoffs.stalePostingBefore, cutoffs.failedBefore],
    );
    if (rows.length === 0) return undefined;
    return { previousError: rows[0]!.error ?? undefined };
  }

  async isClaimed(scheduleId: string, slot: Date): Promise<boolean> {
    const rows = await this.store.query('SELECT 1 FROM report_runs WHERE schedule_id = $1 AND slot = $2', [
      scheduleId,
      slot,
    ]);
    return rows.length > 0;
  }

  async finish(scheduleId: string, slot: Date, error?: string): Promise<void> {
    await this.store.query(
      'UPDATE report_runs SET status = $3, finished_at = $4, error = $5 WHERE schedule_id = $1 AND slot = $2',
      [scheduleId, slot, error ? 'failed' : 'posted', this.clock.now(), error ?? null],
    );
  }

  async history(
    scheduleId: string,
  ): Promise<{ slot: Date; status: string; late: boolean; claimedBy: string }[]> {
    const rows = await this.store.query<{ slot: Date; status: string; late: boolean; claimed_by: string }>(
      'SELECT slot, status, late, claimed_by FROM report_runs WHERE schedule_id = $1 ORDER BY slot',
      [scheduleId],
    );
    return rows.map((r) => ({
      slot: new Date(r.slot),
      status: r.status,
      late: r.late,
      claimedBy: r.claimed_by,
    }));
  }
}
