import { createHash } from 'node:crypto';
import type { Clock } from '../core/clock.js';
import { ConflictError, NotFoundError } from '../core/errors.js';
import type { Store } from '../store/store.js';

export interface AlertRef {
  id: string;
  source: string;
  key: string;
}

const LENGTHS = [6, 8, 10, 12, 16];

/**
 * Short ids users can type: the first hex digits of sha256(source, key), stored on first sight so
 * an id keeps naming the same alert. A rare clash with an older alert takes a longer prefix.
 */
export class AlertIds {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /** Ids of one source's alerts: one query for those already known, inserts only for new ones. */
  async idsFor(source: string, keys: readonly string[]): Promise<string[]> {
    if (keys.length === 0) return [];
    const rows = await this.store.query<{ short_id: string; alert_key: string }>(
      'SELECT short_id, alert_key FROM alert_ids WHERE source = $1 AND alert_key = ANY($2)',
      [source, [...keys]],
    );
    const known = new Map(rows.map((r) => [r.alert_key, r.short_id]));
    const ids: string[] = [];
    for (const key of keys) ids.push(known.get(key) ?? (await this.idFor(source, key)));
    return ids;
  }

  async idFor(source: string, key: string): Promise<string> {
    const digest = createHash('sha256').update(`${source}\u0000${key}`).digest('hex');
    for (const length of LENGTHS) {
      const rows = await this.store.query<{ short_id: string }>(
        `INSERT INTO alert_ids (short_id, source, alert_key, first_seen) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING short_id`,
        [digest.slice(0, length), source, key, this.clock.now()],
      );
      if (rows[0]) return rows[0].short_id;
      const existing = await this.store.query<{ short_id: string }>(
        'SELECT short_id FROM alert_ids WHERE source = $1 AND alert_key = $2',
        [source, key],
      );
      if (existing[0]) return existing[0].short_id;
    }
    return digest;
  }

  /** Alerts known under the source's own id (BERS `alrt-91de`, an Alertmanager fingerprint). */
  async byKey(key: string): Promise<AlertRef[]> {
    const rows = await this.store.query<{ short_id: string; source: string; alert_key: string }>(
      'SELECT short_id, source, alert_key FROM alert_ids WHERE alert_key = $1 ORDER BY source LIMIT 6',
      [key],
    );
    return rows.map((r) => ({ id: r.short_id, source: r.source, key: r.alert_key }));
  }

  /** The alert a typed id or prefix names; unknown and ambiguous ids are explained. */
  async resolve(typed: string): Promise<AlertRef> {
    const prefix = typed.toLowerCase();
    const rows = await this.store.query<{ short_id: string; source: string; alert_key: string }>(
      `SELECT short_id, source, alert_key FROM alert_ids WHERE short_id LIKE $1 ORDER BY short_id LIMIT 6`,
      [`${prefix}%`],
    );
    const exact = rows.find((r) => r.short_id === prefix);
    const match = exact ?? (rows.length === 1 ? rows[0] : undefined);
    if (match) return { id: match.short_id, source: match.source, key: match.alert_key };
    if (rows.length === 0)
      throw new NotFoundError(`No alert has the id \`${typed}\`. \`/bers alerts\` lists the active ones.`);
    const listed = rows
      .slice(0, 5)
      .map((r) => `\`${r.short_id}\` (${r.source})`)
      .join(', ');
    throw new ConflictError(`\`${typed}\` matches several alerts: ${listed}. Type more of the id.`);
  }
}
