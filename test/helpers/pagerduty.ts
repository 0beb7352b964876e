import { PassThrough } from 'node:stream';
import type { Logger } from 'pino';
import type { BotConfig } from '../../src/config/schema.js';
import { readSettings } from '../../src/config/settings.js';
import { ButtonBoard } from '../../src/console/button-board.js';
import { ConsoleChat } from '../../src/console/console-chat.js';
import { systemClock } from '../../src/core/clock.js';
import type { PageRequest } from '../../src/incident/pager.js';
import type { PageFailure } from '../../src/incident/pager-events.js';
import {
  buildPagerDuty,
  type PagerDutyIntegration,
} from '../../src/integrations/pagerduty/build-pagerduty.js';
import type { Store } from '../../src/store/store.js';
import { configFrom } from './config.js';
import type { FakePagerDuty } from './fake-pagerduty.js';

/** A valid Events v2 routing key (32 characters). */
export const ROUTING_KEY = 'R0UTINGKEY0000000000000000000001';

/**
 * Two services; `api` has its own (invalid, too short) key so PagerDuty answers it with 400.
 * The attempt timeout is generous: on a loaded machine a 202 can take longer than a short timeout,
 * and the retry that follows is a legitimate at-least-once duplicate that would blur what a test
 * means to check. Tests of hung attempts set their own short timeout.
 */
export function pagingConfig(
  delivery = 'attemptTimeoutMs: 10000, baseBackoffMs: 20, maxBackoffMs: 200, pollMs: 50',
): BotConfig {
  return configFrom(`
services:
  - name: web
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1 }]
  - name: api
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1 }]
pagerduty:
  services:
    api: { routingKey: too-short-key, escalationPolicies: [PAPI001] }
    web: { escalationPolicies: [PWEB001], schedules: [PSCHED1] }
  oncall: { escalationPolicies: [PWEB001], cacheSeconds: 60 }
  delivery: { ${delivery} }
`);
}

export function pageRequest(n: number, overrides: Partial<PageRequest> = {}): PageRequest {
  return {
    incidentNumber: n,
    dedupKey: `bers-incident-${n}`,
    severity: 'P0',
    title: `checkout is failing ${n}`,
    summary: `P0 - checkout is failing ${n}`,
    services: ['web'],
    commander: 'U2CERLKJA',
    channelLink: `https://fake-team.slack.com/archives/C00${n}`,
    ...overrides,
  };
}

/** The integration as the bot builds it, against a fake PagerDuty, recording reported failures. */
export function pagerDutyOn(
  store: Store,
  fake: FakePagerDuty,
  log: Logger,
  options: { config?: BotConfig; routingKey?: string | null } = {},
): { pd: PagerDutyIntegration; failures: PageFailure[] } {
  const failures: PageFailure[] = [];
  const env: Record<string, string> = { PAGERDUTY_EVENTS_URL: fake.url };
  if (options.routingKey !== null) env.PAGERDUTY_ROUTING_KEY = options.routingKey ?? ROUTING_KEY;
  const pd = buildPagerDuty({
    settings: readSettings(env),
    config: options.config ?? pagingConfig(),
    store,
    clock: systemClock,
    chat: new ConsoleChat(new PassThrough(), new ButtonBoard()),
    log,
    ca: fake.ca,
  });
  pd.connect({
    failures: {
      async pageFailed(failure) {
        failures.push(failure);
      },
    },
  });
  return { pd, failures };
}

/** Actions the fake accepted for one dedup key, in arrival order. */
export function actionsFor(fake: FakePagerDuty, dedupKey: string): string[] {
  return fake.delivered.filter((e) => e.dedup_key === dedupKey).map((e) => e.event_action ?? '?');
}
