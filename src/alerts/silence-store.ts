import type { Store } from '../store/store.js';

export interface StoredSilence {
  silenceId: string;
  source: string;
  shortId: string;
  createdBy: string;
  endsAt: Date;
}

/** Silences the bot created for an alert, so `resolve` can offer to expire them. */
export class SilenceStore {
  constructor(private readonly store: Store) {}

  async record(silence: StoredSilence): Promise<void> {
    await this.store.query(
      `INSERT INTO alert_silences (silence_id, source, short_id, created_by, ends_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
      [silence.silenceId, silence.source, silence.shortId, silence.createdBy, silence.endsAt],
    );
  }

  /** Silences of this alert that have not ended yet. */
  async active(shortId: string, now: Date): Promise<StoredSilence[]> {
    const rows = await this.store.query<{
      silence_id: string;
      source: string;
      short_id: string;
      created_by: string;
      ends_at: Date;
    }>(
      `SELECT silence_id, source, short_id, created_by, ends_at FROM alert_silences
       WHERE short_id = $1 AND expired_at IS NULL AND ends_at > $2 ORDER BY ends_at DESC`,
      [shortId, now],
    );
    return rows.map((r) => ({
      silenceId: r.silence_id,
      source: r.source,
      shortId: r.short_id,
      createdBy: r.created_by,
      endsAt: new Date(r.ends_at),
    }));
  }

  /** Marks it expired; false when it already was (another click got there first). */
  async markExpired(source: string, silenceId: string, now: Date): Promise<boolean> {
    const rows = await this.store.query(
      `UPDATE alert_silences SET expired_at = $3 WHERE source = $1 AND silence_id = $2 AND expired_at IS NULL
       RETURNING silence_id`,
      [source, silenceId, now],
    );
    return rows.length > 0;
  }
}
