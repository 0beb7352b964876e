import type { AuditEntry, AuditRecord, AuditSink } from '../core/audit.js';
import type { Clock } from '../core/clock.js';
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

/** The permanent record of what was done through the bot. */
export class AuditLog implements AuditSink {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.store.query(
      `INSERT INTO audit_events (at, kind, actor_id, actor_name, channel_id, channel_name, subject, text, outcome,
         duration_ms, correlation_id, service, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        this.clock.now(),
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
      ],
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
