import type { Logger } from 'pino';
import type { Clock } from '../../core/clock.js';
import type { PagerEventSink } from '../../incident/pager-events.js';
import type { Store } from '../../store/store.js';
import { toPagerEvent } from './webhook-event.js';

const LEASE_MS = 60_000;
const RETRY_MS = 30_000;

/**
 * Stored webhook deliveries, handed to the incident domain once each. `accept` is the only thing
 * the HTTP request waits for; processing happens after the answer, and again after a restart for
 * anything a crash left unprocessed.
 */
export class PagerDutyWebhookInbox {
  private interval: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly sink: PagerEventSink,
    private readonly log: Logger,
  ) {}

  /** False when this delivery id was already received (PagerDuty delivers at least once). */
  async accept(webhookId: string, eventType: string, body: unknown): Promise<boolean> {
    const rows = await this.store.query(
      `INSERT INTO pagerduty_webhooks (webhook_id, event_type, body, received_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (webhook_id) DO NOTHING RETURNING webhook_id`,
      [webhookId, eventType, JSON.stringify(body), this.clock.now()],
    );
    return rows.length === 1;
  }

  /** Processes one delivery in the background; `settled()` waits for all of them. */
  processLater(webhookId: string): void {
    const job = this.process(webhookId)
      .catch((error: unknown) =>
        this.log.error({ err: error, webhookId }, 'PagerDuty webhook processing failed'),
      )
      .finally(() => this.inFlight.delete(job));
    this.inFlight.add(job);
  }

  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  async processPending(): Promise<void> {
    const rows = await this.store.query<{ webhook_id: string }>(
      `SELECT webhook_id FROM pagerduty_webhooks
        WHERE processed_at IS NULL AND (leased_until IS NULL OR leased_until < $1) ORDER BY received_at LIMIT 100`,
      [this.clock.now()],
    );
    for (const row of rows) await this.process(row.webhook_id);
  }

  start(everyMs = 10_000): void {
    this.interval ??= setInterval(() => {
      this.processPending().catch((error: unknown) =>
        this.log.error({ err: error }, 'PagerDuty webhook retry failed'),
      );
    }, everyMs);
    this.interval.unref();
    void this.processPending().catch((error: unknown) =>
      this.log.error({ err: error }, 'PagerDuty webhook retry failed'),
    );
  }

  async stop(): Promise<void> {
    clearInterval(this.interval);
    this.interval = undefined;
    await this.settled();
  }

  private async process(webhookId: string): Promise<void> {
    const now = this.clock.now();
    const [row] = await this.store.query<{ body: unknown; received_at: Date }>(
      `UPDATE pagerduty_webhooks SET leased_until = $3
        WHERE webhook_id = $1 AND processed_at IS NULL AND (leased_until IS NULL OR leased_until < $2)
        RETURNING body, received_at`,
      [webhookId, now, new Date(now.getTime() + LEASE_MS)],
    );
    if (!row) return;
    try {
      const event = toPagerEvent(row.body, webhookId, row.received_at);
      if (event) await this.sink.pagerEvent(event);
      await this.store.query(
        'UPDATE pagerduty_webhooks SET processed_at = $2, leased_until = NULL, last_error = NULL WHERE webhook_id = $1',
        [webhookId, this.clock.now()],
      );
    } catch (error) {
      this.log.error(
        { err: error, webhookId },
        'PagerDuty event not taken by the incident domain; will retry',
      );
      await this.store.query(
        'UPDATE pagerduty_webhooks SET leased_until = $2, last_error = $3 WHERE webhook_id = $1',
        [
          webhookId,
          new Date(this.clock.now().getTime() + RETRY_MS),
          String((error as Error).message).slice(0, 500),
        ],
      );
    }
  }
}
