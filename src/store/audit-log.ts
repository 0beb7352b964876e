import type { AuditEntry, AuditRecord, AuditSink } from '../core/audit.js';
import type { Clock } from '../core/clock.js';
import { GroupCommit } from '../core/group-commit.js';
import type { Store } from './store.js';

export type { AuditEntry, AuditRecord } from '../core/audit.js';

interface AuditRow {
  id: number;
  at: Date;
  kind: string;
  actor_id: string;
  actor_name: string;
  channel_id: string;
  channel_name: string;
  subject: string;
  text: string;
  outcome: string;
  duration_ms: number;
  correlation_id: string;
  service: string | null;
  details: Record<string, unknown>;
}

const COLUMNS = `at, kind, actor_id, actor_name, channel_id, channel_name, subject, text, outcome,
  duration_ms, correlation_id, service, details`;
const PER_ROW = 13;

interface Pending {
  at: Date;
  entry: AuditEntry;
}
type Written = { ok: true } | { ok: false; error: unknown };

function rowParams(at: Date, entry: AuditEntry): unknown[] {
  return [
    at,
    entry.kind,
    entry.actor.id,
    entry.actor.name,
    entry.channel.id,
    entry.channel.name,
    entry.subject,
    entry.text,
    entry.outcome,
    entry.durationMs ?? 0,
    entry.correlationId,
    entry.service ?? null,
    JSON.stringify(entry.details ?? {}),
  ];
}

/** `($1, …, $13), ($14, …)`: one VALUES row per entry. */
function valuesOf(rows: number): string {
  return Array.from(
    { length: rows },
    (_, r) => `(${Array.from({ length: PER_ROW }, (_, c) => `$${r * PER_ROW + c + 1}`).join(', ')})`,
  ).join(', ');
}

/**
 * The permanent record of what was done through the bot. Rows are group-committed: the rows of
 * commands that finish while a write is in flight go together in one INSERT (one statement and
 * one commit instead of one each, what the load bench showed the audit costs at hundreds of
 * commands a second), and so do those that finish in the same turn of the event loop; each `record`
 * still resolves once its own row is written.
 */
export class AuditLog implements AuditSink {
  // A tick's wait: on PGlite no write is ever in flight while another command finishes. Spaced
  // 5 ms apart under load: a reply waits for its row, so the spacing is what load adds to it.
  private readonly writes = new GroupCommit((rows: Pending[]) => this.write(rows), {
    gather: 'turn',
    spacingMs: 5,
  });

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    // Stamped now, not when its batch is written.
    const written = await this.writes.add({ at: this.clock.now(), entry });
    if (!written.ok) throw written.error;
  }

  /** One result per row, so a row the store refuses fails its own `record`, not its batch's. */
  private async write(rows: Pending[]): Promise<Written[]> {
    const insert = (batch: Pending[]) =>
      this.store.query(
        `INSERT INTO audit_events (${COLUMNS}) VALUES ${valuesOf(batch.length)}`,
        batch.flatMap((r) => rowParams(r.at, r.entry)),
      );
    try {
      await insert(rows);
      return rows.map(() => ({ ok: true }));
    } catch (error) {
      if (rows.length === 1) return [{ ok: false, error }];
    }
    // The batch was refused whole: each row on its own, as if it had come alone.
    return Promise.all(
      rows.map((r) =>
        insert([r]).then(
          (): Written => ({ ok: true }),
          (error: unknown): Written => ({ ok: false, error }),
        ),
      ),
    );
  }

  async recent(limit: number, filter: { service?: string; kind?: string } = {}): Promise<AuditRecord[]> {
    const rows = await this.store.query<AuditRow>(
      `SELECT * FROM audit_events
        WHERE ($1::text IS NULL OR service = $1) AND ($2::text IS NULL OR kind = $2)
        ORDER BY at DESC, id DESC LIMIT $3`,
      [filter.service ?? null, filter.kind ?? null, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      kind: row.kind,
      actorId: row.actor_id,
      actorName: row.actor_name,
      channelId: row.channel_id,
      channelName: row.channel_name,
      subject: row.subject,
      text: row.text,
      outcome: row.outcome,
      durationMs: row.duration_ms,
      correlationId: row.correlation_id,
      service: row.service ?? undefined,
      details: row.details,
    }));
  }
}
