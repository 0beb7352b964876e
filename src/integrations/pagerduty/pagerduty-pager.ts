import type { BotConfig } from '../../config/schema.js';
import type { PageRequest, Pager } from '../../incident/pager.js';
import { DEDUP_KEY_MAX, followUpBody, triggerBody } from './events-body.js';
import type { PagerDutyOutbox } from './outbox.js';
import { routingFor, routingKeyOf } from './routing.js';

export interface PagerDutyPagerOptions {
  outbox: PagerDutyOutbox;
  config: BotConfig;
  defaultRoutingKey: string | undefined;
  /** `payload.source` of every event (the bot's name). */
  source: string;
  /** Wakes the delivery worker; the event is already durable when this is called. */
  kick: () => void;
}

/**
 * The Pager port over PagerDuty Events v2: each call stores the event in the outbox and returns;
 * the delivery worker sends it. A page that cannot be sent (no routing key) is recorded as failed
 * and reported through the failure sink, never thrown: the incident itself must still be recorded.
 */
export class PagerDutyPager implements Pager {
  readonly configured = true;

  constructor(private readonly options: PagerDutyPagerOptions) {}

  async trigger(request: PageRequest, requestKey?: string): Promise<void> {
    const { outbox, config, defaultRoutingKey, source } = this.options;
    checkDedupKey(request.dedupKey);
    const body = triggerBody(request, config.pagerduty, source);
    const routing = routingFor(request.services, config);
    if (!routingKeyOf(routing, config, defaultRoutingKey)) {
      const missing = request.services.join(', ') || 'this incident';
      await outbox.enqueueFailed(
        body,
        routing,
        request.incidentNumber,
        `no PagerDuty routing key for ${missing}: set PAGERDUTY_ROUTING_KEY or pagerduty.services.<service>.routingKey`,
        requestKey,
      );
    } else {
      await outbox.enqueue(body, routing, request.incidentNumber, requestKey);
    }
    this.options.kick();
  }

  async acknowledge(dedupKey: string, _by: string, requestKey?: string): Promise<void> {
    checkDedupKey(dedupKey);
    await this.options.outbox.enqueue(followUpBody('acknowledge', dedupKey), null, null, requestKey);
    this.options.kick();
  }

  async resolve(dedupKey: string, requestKey?: string): Promise<void> {
    checkDedupKey(dedupKey);
    await this.options.outbox.enqueue(followUpBody('resolve', dedupKey), null, null, requestKey);
    this.options.kick();
  }
}

function checkDedupKey(key: string): void {
  // A programming error in the caller, not a user error: the key is ours to keep short.
  if (key.length === 0 || key.length > DEDUP_KEY_MAX) {
    throw new Error(`dedup key must be 1–${DEDUP_KEY_MAX} characters`);
  }
}
