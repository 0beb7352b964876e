import type { Logger } from 'pino';
import type { BotConfig } from '../../config/schema.js';
import type { Settings } from '../../config/settings.js';
import type { Chat } from '../../core/chat.js';
import type { Clock } from '../../core/clock.js';
import type { HttpRoute } from '../../http/routes.js';
import type { PageFailureSink, PagerEventSink } from '../../incident/pager-events.js';
import type { Store } from '../../store/store.js';
import { DeliveryWorker } from './delivery-worker.js';
import { PdjsEventSender } from './event-sender.js';
import { OnCallClient } from './oncall-client.js';
import { OnCallService } from './oncall-service.js';
import { PagerDutyOutbox } from './outbox.js';
import { PagerDutyPager } from './pagerduty-pager.js';
import { PagerDutyRestClient } from './rest-client.js';
import { servicesWithoutRoutingKey } from './routing.js';
import { PagerDutyWebhookInbox } from './webhook-inbox.js';
import { pagerDutyWebhookRoute } from './webhook-route.js';

export interface PagerDutyIntegration {
  pager: PagerDutyPager;
  outbox: PagerDutyOutbox;
  worker: DeliveryWorker;
  inbox: PagerDutyWebhookInbox;
  /** Absent without PAGERDUTY_API_TOKEN. */
  oncall?: OnCallService;
  /** Reassign and escalate through the REST API; absent without PAGERDUTY_API_TOKEN. */
  rest?: PagerDutyRestClient;
  route: HttpRoute;
  /** Some routing key is set (PAGERDUTY_ROUTING_KEY or a service's own): the bot pages. */
  configured: boolean;
  /** Paging services without a routing key, as found at start-up. */
  missingRoutingKeys: string[];
  /**
   * Where page failures and PagerDuty's webhook events go: the incident flows' sinks, connected by
   * src/build-services.ts (incidentPagerSinks); before that (and without sinks) both only log.
   */
  connect(sinks: { failures?: PageFailureSink; events?: PagerEventSink }): void;
  start(): void;
  stop(): Promise<void>;
}

export interface PagerDutyDeps {
  settings: Settings;
  config: BotConfig;
  store: Store;
  clock: Clock;
  chat: Chat;
  log: Logger;
  /** Extra trusted CA certificates (PEM) for PagerDuty's HTTPS endpoints, e.g. a test's own. */
  ca?: string;
}

/** Builds the PagerDuty integration: pager + outbox worker, webhook route, on-call lookup. */
export function buildPagerDuty(deps: PagerDutyDeps): PagerDutyIntegration {
  const { settings, config, store, clock, chat, ca } = deps;
  const log = deps.log.child({ component: 'pagerduty' });
  const sinks: { failures: PageFailureSink; events: PagerEventSink } = {
    failures: {
      async pageFailed(failure) {
        log.error(failure, 'page could not be delivered to PagerDuty');
      },
    },
    events: {
      async pagerEvent(event) {
        log.info({ kind: event.kind, dedupKey: event.dedupKey, by: event.by }, 'PagerDuty incident event');
      },
    },
  };
  const outbox = new PagerDutyOutbox(store, clock);
  const defaultRoutingKey = settings.PAGERDUTY_ROUTING_KEY;
  const worker = new DeliveryWorker({
    outbox,
    sender: new PdjsEventSender({
      eventsUrl: settings.PAGERDUTY_EVENTS_URL,
      attemptTimeoutMs: config.pagerduty.delivery.attemptTimeoutMs,
      ca,
    }),
    config,
    defaultRoutingKey,
    failures: {
      pageFailed: (f) => sinks.failures.pageFailed(f),
      pageDelivered: async (d) => sinks.failures.pageDelivered?.(d),
      pageDelayed: async (d) => sinks.failures.pageDelayed?.(d),
    },
    log,
  });
  const pager = new PagerDutyPager({
    outbox,
    config,
    defaultRoutingKey,
    source: config.bot.name,
    kick: () => void worker.kick(),
  });
  const inbox = new PagerDutyWebhookInbox(
    store,
    clock,
    { pagerEvent: (e) => sinks.events.pagerEvent(e) },
    log,
  );
  const token = settings.PAGERDUTY_API_TOKEN;
  const oncall = token
    ? new OnCallService(
        new OnCallClient({ apiUrl: settings.PAGERDUTY_API_URL, token, ca }),
        config.pagerduty,
        chat,
        clock,
      )
    : undefined;
  const rest = token ? new PagerDutyRestClient({ apiUrl: settings.PAGERDUTY_API_URL, token, ca }) : undefined;
  const missingRoutingKeys = servicesWithoutRoutingKey(config, defaultRoutingKey);
  const anyKey = Object.values(config.pagerduty.services).some((s) => s.routingKey);
  if (missingRoutingKeys.length > 0 && anyKey) {
    log.warn(
      { services: missingRoutingKeys },
      `PagerDuty: no routing key for ${missingRoutingKeys.join(', ')}; set PAGERDUTY_ROUTING_KEY or pagerduty.services.<service>.routingKey, or their pages cannot be sent`,
    );
  } else if (missingRoutingKeys.length > 0) {
    log.info(
      'PagerDuty paging is not configured (PAGERDUTY_ROUTING_KEY is not set); pages will be reported as undeliverable',
    );
  }
  return {
    pager,
    outbox,
    worker,
    inbox,
    oncall,
    rest,
    missingRoutingKeys,
    configured: Boolean(defaultRoutingKey) || anyKey,
    route: pagerDutyWebhookRoute({ secret: settings.PAGERDUTY_WEBHOOK_SECRET, inbox, log }),
    connect(next) {
      if (next.failures) sinks.failures = next.failures;
      if (next.events) sinks.events = next.events;
    },
    start() {
      worker.start();
      inbox.start();
    },
    async stop() {
      await inbox.stop();
      await worker.stop();
    },
  };
}
