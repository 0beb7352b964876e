import { randomUUID } from 'node:crypto';
import type { Clock } from '../../core/clock.js';
import type { Store } from '../../store/store.js';
import type { EventAction, EventBody } from './events-body.js';

export interface OutboxEvent {
  id: number;
  dedupKey: string;
  action: EventAction;
  routing: string;
  incidentNumber: number | null;
  body: EventBody;
  attempts: number;
  leaseToken: string;
}

interface Row {
  id: string | number;
  dedup_key: string;
  action: EventAction;
  routing: string;
  incident_number: number | null;
  body: EventBody;
  attempts: number;
  lease_token: string;
  last_error?: string | null;
}

function toEvent(row: Row): OutboxEvent {
  return {
    id: Number(row.id),
    dedupKey: row.dedup_key,
    action: row.action,
    routing: row.routing,
    incidentNumber: row.incident_number,
    body: row.body,
    attempts: row.attempts,
    leaseToken: row.lease_token,
  };
}

/**
 * The durable queue of Events v2 events. Who sends what is decided here, in single statements, so
 * replicas sharing one PostgreSQL never send an event twice: a claim takes only the oldest pending
 * event of each dedup key (never a resolve before its trigger) under a lease, and every later
 * state change is conditional on still holding that lease.
 */
export class PagerDutyOutbox {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  /**
   * Ack/resolve inherit the routing of the key's trigger: the same alert needs the same key.
   * `requestKey` names what asked for the event; asking again (a re-run step) records nothing new.
   */
  async enqueue(
    body: EventBody,
    routing: string | null,
    incidentNumber: number | null,
    requestKey?: string,
  ): Promise<void> {
    const now = this.clock.now();
    await this.store.query(
      `INSERT INTO pagerduty_outbox (dedup_key, action, routing, incident_number, body, created_at, next_attempt_at,
         request_key)
       VALUES ($1, $2,
         COALESCE($3, (SELECT routing FROM pagerduty_outbox WHERE dedup_key = $1 AND action = 'trigger'
                        ORDER BY id DESC LIMIT 1), ''),
         COALESCE($4, (SELECT incident_number FROM pagerduty_outbox WHERE dedup_key = $1
                        ORDER BY id DESC LIMIT 1)),
         $5, $6, $6, $7)
       ON CONFLICT (request_key) DO NOTHING`,
      [
        body.dedup_key,
        body.event_action,
        routing,
        incidentNumber,
        JSON.stringify(body),
        now,
        requestKey ?? null,
      ],
    );
  }

  /** Records an event that can never be sent (e.g. no routing key), to be reported like a 400. */
  async enqueueFailed(
    body: EventBody,
    routing: string,
    incidentNumber: number | null,
    reason: string,
    requestKey?: string,
  ) {
    const now = this.clock.now();
    await this.store.query(
      `INSERT INTO pagerduty_outbox (dedup_key, action, routing, incident_number, body, created_at,
         next_attempt_at, state, failed_at, last_error, request_key)
       VALUES ($1, $2, $3, $4, $5, $6, $6, 'failed', $6, $7, $8)
       ON CONFLICT (request_key) DO NOTHING`,
      [
        body.dedup_key,
        body.event_action,
        routing,
        incidentNumber,
        JSON.stringify(body),
        now,
        reason,
        requestKey ?? null,
      ],
    );
  }

  async claim(limit: number, leaseMs: number): Promise<OutboxEvent[]> {
    const now = this.clock.now();
    const rows = await this.store.transaction((tx) =>
      tx.query<Row>(
        `UPDATE pagerduty_outbox SET leased_until = $2, lease_token = $3::text || '-' || id, attempts = attempts + 1
          WHERE id IN (
            SELECT o.id FROM pagerduty_outbox o
             WHERE o.state = 'pending' AND o.next_attempt_at <= $1
               AND (o.leased_until IS NULL OR o.leased_until < $1)
               AND NOT EXISTS (SELECT 1 FROM pagerduty_outbox e
                                WHERE e.dedup_key = o.dedup_key AND e.state = 'pending' AND e.id < o.id)
             ORDER BY o.id LIMIT $4 FOR UPDATE SKIP LOCKED)
          RETURNING id, dedup_key, action, routing, incident_number, body, attempts, lease_token`,
        [now, new Date(now.getTime() + leaseMs), randomUUID(), limit],
      ),
    );
    return rows.map(toEvent).sort((a, b) => a.id - b.id);
  }

  /** False when the lease was lost (another replica owns the event now). */
  async markSent(event: OutboxEvent): Promise<boolean> {
    const rows = await this.store.query(
      `UPDATE pagerduty_outbox SET state = 'sent', sent_at = $3, leased_until = NULL, last_error = NULL
        WHERE id = $1 AND lease_token = $2 AND state = 'pending' RETURNING id`,
      [event.id, event.leaseToken, this.clock.now()],
    );
    return rows.length === 1;
  }

  async markRetry(event: OutboxEvent, delayMs: number, error: string): Promise<void> {
    await this.store.query(
      `UPDATE pagerduty_outbox SET next_attempt_at = $3, leased_until = NULL, last_error = $4
        WHERE id = $1 AND lease_token = $2 AND state = 'pending'`,
      [event.id, event.leaseToken, new Date(this.clock.now().getTime() + delayMs), error.slice(0, 500)],
    );
  }

  async markFailed(event: OutboxEvent, reason: string): Promise<void> {
    await this.store.query(
      `UPDATE pagerduty_outbox SET state = 'failed', failed_at = $3, leased_until = NULL, last_error = $4
        WHERE id = $1 AND lease_token = $2 AND state = 'pending'`,
      [event.id, event.leaseToken, this.clock.now(), reason.slice(0, 2000)],
    );
  }

  /**
   * PagerDuty answered again: events waiting out an outage's backoff go now instead of at their
   * own (by then long) retry times. Rows that were waiting on a Retry-After keep theirs.
   */
  async wakeRetrying(): Promise<void> {
    await this.store.query(
      `UPDATE pagerduty_outbox SET next_attempt_at = $1
        WHERE state = 'pending' AND attempts > 0 AND next_attempt_at > $1
          AND (last_error IS NULL OR last_error NOT LIKE 'rate limited%')`,
      [this.clock.now()],
    );
  }

  /** Failures whose report has not been confirmed; claimed with a lease like events. */
  async claimUnreported(leaseMs: number): Promise<(OutboxEvent & { reason: string })[]> {
    const now = this.clock.now();
    const rows = await this.store.transaction((tx) =>
      tx.query<Row>(
        `UPDATE pagerduty_outbox SET leased_until = $2, lease_token = $3::text || '-' || id
          WHERE id IN (SELECT id FROM pagerduty_outbox
                        WHERE state = 'failed' AND reported_at IS NULL
                          AND (leased_until IS NULL OR leased_until < $1)
                        ORDER BY id LIMIT 20 FOR UPDATE SKIP LOCKED)
          RETURNING id, dedup_key, action, routing, incident_number, body, attempts, lease_token, last_error`,
        [now, new Date(now.getTime() + leaseMs), randomUUID()],
      ),
    );
    return rows.map((r) => ({ ...toEvent(r), reason: r.last_error ?? 'unknown error' }));
  }

  async markReported(event: OutboxEvent): Promise<void> {
    await this.store.query(
      'UPDATE pagerduty_outbox SET reported_at = $3, leased_until = NULL WHERE id = $1 AND lease_token = $2',
      [event.id, event.leaseToken, this.clock.now()],
    );
  }

  async counts(): Promise<Record<string, number>> {
    const rows = await this.store.query<{ state: string; n: string }>(
      'SELECT state, count(*) AS n FROM pagerduty_outbox GROUP BY state',
    );
    return Object.fromEntries(rows.map((r) => [r.state, Number(r.n)]));
  }
}
