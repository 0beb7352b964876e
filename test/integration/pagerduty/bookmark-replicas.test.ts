import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import type { Store } from '../../../src/store/store.js';
import { configFrom } from '../../helpers/config.js';
import { FakePagerDuty } from '../../helpers/fake-pagerduty.js';
import { FakeSlack } from '../../helpers/fake-slack.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { actionsFor, ROUTING_KEY } from '../../helpers/pagerduty.js';
import { deliverWebhook, incidentWebhook } from '../../helpers/pagerduty-webhooks.js';
import { pollUntil } from '../../helpers/poll.js';
import { storeBackends } from '../../helpers/stores.js';

const SECRET = 'webhook-secret-for-bookmark-replicas';
const MONDAY_10 = new Date('2026-01-05T10:00:00Z');
const ada = { id: 'U0ADA', name: 'ada' };
const CONFIG = `
services:
  - name: checkout
    checks: [{ name: health, kind: tcp, host: 127.0.0.1, port: 1, timeoutMs: 300 }]
pagerduty:
  delivery: { attemptTimeoutMs: 20000, baseBackoffMs: 20, maxBackoffMs: 200, pollMs: 50 }
incidents:
  channel:
    runbookUrl: https://wiki.example.com/runbooks/incident-response
`;

/**
 * Two replicas on one store each handle a PagerDuty webhook of the same incident at the same
 * moment, both wanting the new _PagerDuty incident_ bookmark: the channel gets it once.
 */
describe.each(storeBackends())('bookmarks on two replicas ($name)', (backend) => {
  it('adds the PagerDuty bookmark once while both care for the channel at once', {
    timeout: 60_000,
  }, async () => {
    const slack = await FakeSlack.start();
    const pd = await FakePagerDuty.start();
    const clock = new ManualClock(MONDAY_10);
    const storeA = await backend.open();
    // PGlite lives in this process: the two replicas share the one store itself.
    const storeB: Store = backend.openSibling ? await backend.openSibling() : storeA;
    const start = (store: Store) =>
      startHttpBot({
        config: configFrom(CONFIG),
        clock,
        slack,
        store,
        env: {
          PAGERDUTY_EVENTS_URL: pd.url,
          PAGERDUTY_ROUTING_KEY: ROUTING_KEY,
          PAGERDUTY_WEBHOOK_SECRET: SECRET,
        },
        pagerDutyCa: pd.ca,
      });
    const a: HttpBotHarness = await start(storeA);
    const b: HttpBotHarness = await start(storeB);
    const webhook = (to: HttpBotHarness, type: string) =>
      deliverWebhook(
        to.url,
        SECRET,
        incidentWebhook(type, {
          incidentKey: 'bers-incident-1',
          id: 'PINC1',
          occurredAt: clock.now().toISOString(),
        }),
      );
    try {
      await a.command('incident declare P0 checkout is down --service checkout', ada);
      await pd.waitFor(() => actionsFor(pd, 'bers-incident-1').length === 1, 20_000, 'the P0 page');
      await pollUntil(async () => (await a.bot.services.incidents.pendingSteps(1)) === 0, {
        what: 'the declare steps',
        timeoutMs: 20_000,
        intervalMs: 30,
      });
      const channel = (await a.bot.services.incidents.get(1))!.channelId!;
      // Replica A's bookmarks.add (the first) is held until replica B has done all it would do.
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let first = true;
      slack.on('bookmarks.add', async (args) => {
        if (first) {
          first = false;
          await held;
        }
        return slack.chrome.answer('bookmarks.add', args)!;
      });
      const adds = slack.callsTo('bookmarks.add').length;
      expect(await webhook(a, 'triggered')).toBe(202);
      await slack.waitFor(
        () => slack.callsTo('bookmarks.add').length > adds,
        15_000,
        'A adding the bookmark',
      );
      expect(await webhook(b, 'acknowledged')).toBe(202);
      await b.bot.services.pagerduty.inbox.settled();
      release();
      await a.bot.services.pagerduty.inbox.settled();
      const pagerBookmarks = slack.chrome.of(channel).filter((m) => m.title === 'PagerDuty incident');
      expect(pagerBookmarks.map((m) => m.link)).toEqual(['https://acme.pagerduty.com/incidents/PINC1']);
      expect(slack.callsTo('bookmarks.add')).toHaveLength(adds + 1);
    } finally {
      await a.close();
      await b.close();
      await storeA.close();
      if (storeB !== storeA) await storeB.close();
      await pd.close();
      await slack.close();
    }
  });
});
