// Shared set-up of the PagerDuty benches: the bot's integration on a fresh store, against the
// HTTPS fake PagerDuty the tests use, with the shipped delivery settings unless told otherwise.
import { PassThrough } from 'node:stream';
import { parseConfig } from '../src/config/load-config.js';
import { readSettings } from '../src/config/settings.js';
import { ButtonBoard } from '../src/console/button-board.js';
import { ConsoleChat } from '../src/console/console-chat.js';
import { systemClock } from '../src/core/clock.js';
import { buildPagerDuty, type PagerDutyIntegration } from '../src/integrations/pagerduty/build-pagerduty.js';
import { createLogger } from '../src/observability/logger.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';
import { FakePagerDuty } from '../test/helpers/fake-pagerduty.js';
import { ROUTING_KEY } from '../test/helpers/pagerduty.js';

export interface BenchRig {
  fake: FakePagerDuty;
  store: Store;
  pd: PagerDutyIntegration;
  close(): Promise<void>;
}

export async function benchRig(): Promise<BenchRig> {
  const fake = await FakePagerDuty.start();
  // DATABASE_URL benches the PostgreSQL store; otherwise an in-memory PGlite.
  const store = await openStore({ databaseUrl: process.env.DATABASE_URL });
  await store.query('DELETE FROM pagerduty_outbox');
  const config = parseConfig(
    'services:\n  - name: web\n    checks: [{ kind: tcp, host: 127.0.0.1, port: 1 }]\n',
    'bench.yaml',
    {},
  );
  const pd = buildPagerDuty({
    settings: readSettings({ PAGERDUTY_EVENTS_URL: fake.url, PAGERDUTY_ROUTING_KEY: ROUTING_KEY }),
    config,
    store,
    clock: systemClock,
    chat: new ConsoleChat(new PassThrough(), new ButtonBoard()),
    log: createLogger('silent'),
    ca: fake.ca,
  });
  return {
    fake,
    store,
    pd,
    async close() {
      await pd.stop();
      await store.close();
      await fake.close();
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
