import type { Logger } from 'pino';
import type { BotConfig } from '../../config/schema.js';
import type { PageFailureSink } from '../../incident/pager-events.js';
import { retryDelayMs } from './backoff.js';
import type { EventSender } from './event-sender.js';
import type { OutboxEvent, PagerDutyOutbox } from './outbox.js';
import { routingKeyOf } from './routing.js';

export interface DeliveryWorkerOptions {
  outbox: PagerDutyOutbox;
  sender: EventSender;
  config: BotConfig;
  defaultRoutingKey: string | undefined;
  failures: PageFailureSink;
  log: Logger;
  /** Events claimed per round (different dedup keys go out concurrently). */
  batch?: number;
}

/**
 * Sends what the outbox holds. One round claims the head event of each dedup key, sends them
 * concurrently, and records the outcome; rounds repeat while there is work, otherwise the worker
 * sleeps until `kick()` or the poll interval. 400s and undeliverable events are reported once.
 */
export class DeliveryWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;

  constructor(private readonly options: DeliveryWorkerOptions) {}

  private get delivery() {
    return this.options.config.pagerduty.delivery;
  }

  /** A claim outlives any attempt by far, so no other replica can take an event still in flight. */
  private get leaseMs(): number {
    return this.delivery.attemptTimeoutMs * 3 + 30_000;
  }

  start(): void {
    this.stopped = false;
    this.kick();
  }

  /** Runs rounds until nothing is due; returns when this burst of work is done. */
  kick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.drain()
      .catch((error: unknown) => this.options.log.error({ err: error }, 'PagerDuty delivery round failed'))
      .finally(() => {
        this.running = undefined;
        this.schedule();
      });
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.kick(), this.delivery.pollMs);
    this.timer.unref();
  }

  private async drain(): Promise<void> {
    for (;;) {
      this.again = false;
      await this.reportFailures();
      const events = await this.options.outbox.claim(this.options.batch ?? 20, this.leaseMs);
      const outcomes = await Promise.all(events.map((e) => this.deliver(e)));
      if (outcomes.includes('accepted') && outcomes.includes('retry') === false) {
        await this.options.outbox.wakeRetrying();
      }
      if (events.length === 0 && !this.again) return;
      if (this.stopped) return;
    }
  }

  private async deliver(event: OutboxEvent): Promise<'accepted' | 'retry' | 'failed'> {
    const { outbox, sender, log, config, defaultRoutingKey } = this.options;
    const routingKey = routingKeyOf(event.routing, config, defaultRoutingKey);
    if (!routingKey) {
      await outbox.markFailed(
        event,
        `no routing key for ${event.routing || 'the default (PAGERDUTY_ROUTING_KEY)'}`,
      );
      return 'failed';
    }
    const outcome = await sender.send(event.body, routingKey);
    const where = { dedupKey: event.dedupKey, action: event.action, attempt: event.attempts };
    if (outcome.kind === 'accepted') {
      if (!(await outbox.markSent(event))) log.warn(where, 'PagerDuty event sent after its lease was lost');
      else log.info(where, 'PagerDuty event delivered');
      await this.tell('pageDelivered', event);
      return 'accepted';
    }
    if (outcome.kind === 'invalid') {
      log.error({ ...where, reason: outcome.reason }, 'PagerDuty rejected the event (400); giving up');
      await outbox.markFailed(event, outcome.reason);
      return 'failed';
    }
    const delay = retryDelayMs(event.attempts, {
      baseMs: this.delivery.baseBackoffMs,
      maxMs: this.delivery.maxBackoffMs,
      retryAfterMs: outcome.retryAfterMs,
    });
    log.warn(
      { ...where, reason: outcome.reason, retryInMs: delay },
      'PagerDuty event not delivered; will retry',
    );
    await outbox.markRetry(event, delay, outcome.reason);
    await this.tell('pageDelayed', event, outcome.reason);
    return 'retry';
  }

  /** Best effort: what the page card shows must never stop a delivery. Only pages are told. */
  private async tell(what: 'pageDelivered' | 'pageDelayed', event: OutboxEvent, reason?: string) {
    if (event.action !== 'trigger') return;
    try {
      await this.options.failures[what]?.({
        dedupKey: event.dedupKey,
        incidentNumber: event.incidentNumber ?? undefined,
        attempts: event.attempts,
        ...(reason ? { reason } : {}),
      });
    } catch (error) {
      this.options.log.warn({ err: error, dedupKey: event.dedupKey }, `could not report ${what}`);
    }
  }

  private async reportFailures(): Promise<void> {
    const { outbox, failures, log } = this.options;
    for (const failed of await outbox.claimUnreported(this.leaseMs)) {
      try {
        await failures.pageFailed({
          id: `pagerduty-outbox:${failed.id}`,
          dedupKey: failed.dedupKey,
          incidentNumber: failed.incidentNumber ?? undefined,
          action: failed.action,
          reason: failed.reason,
        });
        await outbox.markReported(failed);
      } catch (error) {
        // The lease expires and the report is tried again; the failure must reach people.
        log.error({ err: error, dedupKey: failed.dedupKey }, 'could not report a failed page');
      }
    }
  }
}
