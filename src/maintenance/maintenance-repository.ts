import type { Queryable, Store } from '../store/store.js';
import type { Occurrence, OccurrenceSilence } from './model.js';

interface OccurrenceRow {
  id: string | number;
  window_id: string | number;
  config_name: string | null;
  title: string;
  services: string[];
  starts_at: Date;
  ends_at: Date;
  started_at: Date | null;
  ended_at: Date | null;
  cancelled_at: Date | null;
  created_by: string;
  silences: OccurrenceSilence[];
}

const SELECT = `SELECT o.id, o.window_id, w.config_name, w.title, w.services, o.starts_at, o.ends_at,
  o.started_at, o.ended_at, o.cancelled_at, w.created_by, o.silences
  FROM maintenance_occurrences o JOIN maintenance_windows w ON w.id = o.window_id`;

function toOccurrence(r: OccurrenceRow): Occurrence {
  return {
    id: Number(r.id),
    windowId: Number(r.window_id),
    configName: r.config_name ?? undefined,
    title: r.title,
    services: r.services,
    startsAt: new Date(r.starts_at),
    endsAt: new Date(r.ends_at),
    startedAt: r.started_at ? new Date(r.started_at) : undefined,
    endedAt: r.ended_at ? new Date(r.ended_at) : undefined,
    cancelledAt: r.cancelled_at ? new Date(r.cancelled_at) : undefined,
    createdBy: r.created_by,
    silences: r.silences ?? [],
  };
}

/**
 * Windows and occurrences in the store. Every step that must happen once (an announcement, the
 * start, the end, a cancel) is a conditional write that returns a row only to the caller that won.
 */
export class MaintenanceRepository {
  constructor(private readonly store: Store) {}

  /** The configured window's row (created, or its title and services brought up to the config). */
  async upsertConfigured(name: string, title: string, services: string[], now: Date): Promise<number> {
    const rows = await this.store.query<{ id: string | number }>(
      `INSERT INTO maintenance_windows (config_name, title, services, created_by, created_at)
       VALUES ($1, $2, $3, 'config', $4)
       ON CONFLICT (config_name) DO UPDATE SET title = EXCLUDED.title, services = EXCLUDED.services
       RETURNING id`,
      [name, title, JSON.stringify(services), now],
    );
    return Number(rows[0]!.id);
  }

  /** A one-off window and its single occurrence, in one transaction. */
  async createOneOff(
    input: { title: string; services: string[]; startsAt: Date; endsAt: Date; createdBy: string },
    now: Date,
    schedule: (occurrence: Occurrence, tx: Queryable) => Promise<void>,
  ): Promise<Occurrence> {
    return this.store.transaction(async (tx) => {
      const [window] = await tx.query<{ id: string | number }>(
        `INSERT INTO maintenance_windows (title, services, created_by, created_at) VALUES ($1, $2, $3, $4)
         RETURNING id`,
        [input.title, JSON.stringify(input.services), input.createdBy, now],
      );
      const occurrence = await this.addOccurrence(Number(window!.id), input.startsAt, input.endsAt, tx);
      await schedule(occurrence!, tx);
      return occurrence!;
    });
  }

  /** The occurrence, or undefined when it already existed (another replica planned it). */
  async addOccurrence(
    windowId: number,
    startsAt: Date,
    endsAt: Date,
    db: Queryable = this.store,
  ): Promise<Occurrence | undefined> {
    const inserted = await db.query<{ id: string | number }>(
      `INSERT INTO maintenance_occurrences (window_id, starts_at, ends_at) VALUES ($1, $2, $3)
       ON CONFLICT (window_id, starts_at) DO NOTHING RETURNING id`,
      [windowId, startsAt, endsAt],
    );
    if (inserted.length === 0) return undefined;
    return this.get(Number(inserted[0]!.id), db);
  }

  async get(id: number, db: Queryable = this.store): Promise<Occurrence | undefined> {
    const rows = await db.query<OccurrenceRow>(`${SELECT} WHERE o.id = $1`, [id]);
    return rows[0] && toOccurrence(rows[0]);
  }

  /** Occurrences not cancelled that end after `now`, soonest first. */
  async upcoming(now: Date, limit = 50): Promise<Occurrence[]> {
    const rows = await this.store.query<OccurrenceRow>(
      `${SELECT} WHERE o.cancelled_at IS NULL AND o.ended_at IS NULL AND o.ends_at > $1
       ORDER BY o.starts_at LIMIT $2`,
      [now, limit],
    );
    return rows.map(toOccurrence);
  }

  /** Occurrences under way (started, not ended): what health and the report show. */
  async running(): Promise<Occurrence[]> {
    const rows = await this.store.query<OccurrenceRow>(
      `${SELECT} WHERE o.started_at IS NOT NULL AND o.ended_at IS NULL AND o.cancelled_at IS NULL
       ORDER BY o.ends_at`,
    );
    return rows.map(toOccurrence);
  }

  /** True for the one caller that records this announcement. */
  async claimAnnouncement(id: number, leadMinutes: number, now: Date): Promise<boolean> {
    const rows = await this.store.query(
      `INSERT INTO maintenance_announcements (occurrence_id, lead_minutes, posted_at) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING occurrence_id`,
      [id, leadMinutes, now],
    );
    return rows.length === 1;
  }

  async announcements(id: number): Promise<number[]> {
    const rows = await this.store.query<{ lead_minutes: number }>(
      'SELECT lead_minutes FROM maintenance_announcements WHERE occurrence_id = $1 ORDER BY lead_minutes DESC',
      [id],
    );
    return rows.map((r) => r.lead_minutes);
  }

  /** Marks it started; false when it already was, or was cancelled. */
  async claimStart(id: number, now: Date): Promise<boolean> {
    const rows = await this.store.query(
      `UPDATE maintenance_occurrences SET started_at = $2
        WHERE id = $1 AND started_at IS NULL AND cancelled_at IS NULL RETURNING id`,
      [id, now],
    );
    return rows.length === 1;
  }

  async recordSilences(id: number, silences: OccurrenceSilence[]): Promise<void> {
    await this.store.query('UPDATE maintenance_occurrences SET silences = $2 WHERE id = $1', [
      id,
      JSON.stringify(silences),
    ]);
  }

  /** Marks it ended (at its end, or cut short by a cancel); the occurrence as it was, to the one winner. */
  async claimEnd(id: number, now: Date, cancelled: boolean): Promise<Occurrence | undefined> {
    const rows = await this.store.query<{ id: string | number }>(
      `UPDATE maintenance_occurrences SET ended_at = $2, cancelled_at = CASE WHEN $3::boolean THEN $2 ELSE cancelled_at END
        WHERE id = $1 AND ended_at IS NULL AND cancelled_at IS NULL RETURNING id`,
      [id, now, cancelled],
    );
    return rows.length === 1 ? this.get(id) : undefined;
  }
}
