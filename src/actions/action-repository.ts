import { randomBytes } from 'node:crypto';
import type { Queryable } from '../store/store.js';
import { type ActionKind, type ActionRequest, type ActionState, TRANSITIONS } from './action-request.js';

interface Row {
  id: string;
  kind: ActionKind;
  service: string;
  environment: string;
  executor: string;
  revision: string | null;
  args: Record<string, string> | string | null;
  state: ActionState;
  requested_by: string;
  requested_by_name: string;
  channel_id: string;
  two_person: boolean;
  confirmed_by: string | null;
  confirmed_by_name: string | null;
  requested_at: Date;
  expires_at: Date;
  confirmed_at: Date | null;
  started_at: Date | null;
  finished_at: Date | null;
  verified_at: Date | null;
  summary: string | null;
  output_tail: string | null;
  verify_seconds: number | null;
  correlation_id: string;
  incident_number: number | null;
}

export type NewActionRequest = Pick<
  ActionRequest,
  'kind' | 'service' | 'environment' | 'executor' | 'revision' | 'requestedBy' | 'channelId' | 'twoPerson'
> & {
  requestedAt: Date;
  expiresAt: Date;
  correlationId: string;
  args?: Record<string, string>;
  incidentNumber?: number;
};

export interface Outcome {
  summary?: string;
  outputTail?: string;
  verifySeconds?: number;
}

const TIME_COLUMN: Partial<Record<ActionState, string>> = {
  running: 'started_at',
  succeeded: 'finished_at',
  failed: 'finished_at',
  interrupted: 'finished_at',
  verified: 'verified_at',
  unverified: 'verified_at',
};

/**
 * Action requests in the store. Every state change is one conditional UPDATE … RETURNING, so when
 * several clicks, retries or bot replicas race, exactly one of them gets the row back.
 */
export class ActionRepository {
  constructor(private readonly db: Queryable) {}

  async create(request: NewActionRequest): Promise<ActionRequest> {
    const rows = await this.db.query<Row>(
      `INSERT INTO action_requests (id, kind, service, environment, executor, revision, requested_by,
         requested_by_name, channel_id, two_person, requested_at, expires_at, correlation_id, args,
         incident_number)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING *`,
      [
        `act_${randomBytes(8).toString('hex')}`,
        request.kind,
        request.service,
        request.environment,
        request.executor,
        request.revision ?? null,
        request.requestedBy.id,
        request.requestedBy.name,
        request.channelId,
        request.twoPerson,
        request.requestedAt,
        request.expiresAt,
        request.correlationId,
        JSON.stringify(request.args ?? {}),
        request.incidentNumber ?? null,
      ],
    );
    return fromRow(rows[0]!);
  }

  async get(id: string): Promise<ActionRequest | undefined> {
    const rows = await this.db.query<Row>('SELECT * FROM action_requests WHERE id = $1', [id]);
    return rows[0] && fromRow(rows[0]);
  }

  /**
   * requested → confirmed, only before expiry and (two-person rule) only by someone other than the
   * requester. Undefined when another click won, the request expired or the confirmer may not.
   */
  async confirm(id: string, by: { id: string; name: string }, at: Date): Promise<ActionRequest | undefined> {
    const rows = await this.db.query<Row>(
      `UPDATE action_requests SET state = 'confirmed', confirmed_by = $2, confirmed_by_name = $3, confirmed_at = $4
        WHERE id = $1 AND state = 'requested' AND expires_at > $4 AND NOT (two_person AND requested_by = $2)
        RETURNING *`,
      [id, by.id, by.name, at],
    );
    return rows[0] && fromRow(rows[0]);
  }

  /** A guarded state change; undefined when the row was not in a state that allows it. */
  async transition(
    id: string,
    to: ActionState,
    at: Date,
    outcome: Outcome = {},
  ): Promise<ActionRequest | undefined> {
    const from = (Object.keys(TRANSITIONS) as ActionState[]).filter((s) => TRANSITIONS[s].includes(to));
    const column = TIME_COLUMN[to];
    const rows = await this.db.query<Row>(
      `UPDATE action_requests SET state = $2,
         summary = COALESCE($4, summary), output_tail = COALESCE($5, output_tail),
         verify_seconds = COALESCE($6, verify_seconds)
         ${column ? `, ${column} = $3::timestamptz` : ''}
        WHERE id = $1 AND state = ANY($7::text[]) AND $3::timestamptz IS NOT NULL
          ${to === 'expired' ? 'AND expires_at <= $3' : ''}
        RETURNING *`,
      [id, to, at, outcome.summary ?? null, outcome.outputTail ?? null, outcome.verifySeconds ?? null, from],
    );
    return rows[0] && fromRow(rows[0]);
  }

  /** Says the process running `id` is alive (see `interruptAbandoned`). */
  async heartbeat(id: string, at: Date): Promise<void> {
    await this.db.query(
      `UPDATE action_requests SET heartbeat_at = $2 WHERE id = $1 AND state IN ('confirmed', 'running')`,
      [id, at],
    );
  }

  /**
   * Confirmed or running requests whose process has shown no sign of life since `silentSince`
   * become `interrupted`; each is returned once, to the one replica whose UPDATE took it.
   */
  async interruptAbandoned(silentSince: Date, at: Date, summary: string): Promise<ActionRequest[]> {
    const rows = await this.db.query<Row>(
      `UPDATE action_requests SET state = 'interrupted', finished_at = $2, summary = $3
        WHERE state IN ('confirmed', 'running')
          AND COALESCE(heartbeat_at, started_at, confirmed_at) < $1
        RETURNING *`,
      [silentSince, at, summary],
    );
    return rows.map(fromRow);
  }

  async recent(service: string, limit: number): Promise<ActionRequest[]> {
    const rows = await this.db.query<Row>(
      'SELECT * FROM action_requests WHERE service = $1 ORDER BY requested_at DESC LIMIT $2',
      [service, limit],
    );
    return rows.map(fromRow);
  }
}

function fromRow(row: Row): ActionRequest {
  const opt = <T>(value: T | null): T | undefined => value ?? undefined;
  return {
    id: row.id,
    kind: row.kind,
    service: row.service,
    environment: row.environment,
    executor: row.executor,
    revision: opt(row.revision),
    args: typeof row.args === 'string' ? JSON.parse(row.args) : (row.args ?? {}),
    state: row.state,
    requestedBy: { id: row.requested_by, name: row.requested_by_name },
    channelId: row.channel_id,
    twoPerson: row.two_person,
    confirmedBy: row.confirmed_by ? { id: row.confirmed_by, name: row.confirmed_by_name ?? '' } : undefined,
    requestedAt: new Date(row.requested_at),
    expiresAt: new Date(row.expires_at),
    confirmedAt: row.confirmed_at ? new Date(row.confirmed_at) : undefined,
    startedAt: row.started_at ? new Date(row.started_at) : undefined,
    finishedAt: row.finished_at ? new Date(row.finished_at) : undefined,
    verifiedAt: row.verified_at ? new Date(row.verified_at) : undefined,
    summary: opt(row.summary),
    outputTail: opt(row.output_tail),
    verifySeconds: opt(row.verify_seconds),
    correlationId: row.correlation_id,
    incidentNumber: opt(row.incident_number),
  };
}
