import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import type { Store } from '../../../src/store/store.js';
import { FakeSlack } from '../../helpers/fake-slack.js';
import { startHttpBot } from '../../helpers/http-bot.js';
import { storeBackends } from '../../helpers/stores.js';
import { incidentConfig, MONDAY_10, texts } from './config.js';

describe('a restart in the middle of an incident', () => {
  let slack: FakeSlack;
  let store: Store;
  beforeAll(async () => {
    slack = await FakeSlack.start();
    store = await storeBackends()[0]!.open();
  });
  afterAll(async () => {
    await slack.close();
    await store.close();
  });

  it('completes the unfinished steps and fires the overdue reminder exactly once', async () => {
    const clock = new ManualClock(MONDAY_10);
    // The announcement channel is unreachable while the first process runs.
    let seq = 0;
    slack.on('chat.postMessage', (args) =>
      args.channel === '#incidents'
        ? { ok: false, error: 'not_in_channel' }
        : { ok: true, channel: args.channel, ts: `1767600000.${String(++seq).padStart(6, '0')}` },
    );
    const first = await startHttpBot({ config: incidentConfig(), clock, slack, store });
    const { reply } = await first.command('incident declare P0 payments are down --commander none');
    expect(String(reply.text)).toContain('Declared incident #1');
    expect(await first.bot.services.incidents.pendingSteps(1)).toBeGreaterThan(0);
    await first.close();

    slack.off('chat.postMessage');
    clock.advance(15 * 60_000 + 1_000);
    const second = await startHttpBot({ config: incidentConfig(), clock, slack, store });
    try {
      // start() ran the recovery sweep: the announcement and the page are done now.
      expect(await second.bot.services.incidents.pendingSteps(1)).toBe(0);
      const announcements = texts(
        slack.callsTo('chat.postMessage').filter((c) => c.channel === '#incidents'),
      );
      expect(announcements.filter((t) => t.includes('🚨 INCIDENT: P0 - payments are down'))).toHaveLength(2);
      expect(slack.callsTo('conversations.create')).toHaveLength(1);
      const timeline = await second.bot.services.incidents.timeline(1);
      expect(timeline.some((e) => e.text.startsWith('No paging integration configured: would page'))).toBe(
        true,
      );

      await second.bot.services.timers.poll();
      await second.bot.services.timers.poll();
      const channel = (await second.bot.services.incidents.get(1))!.channelId;
      const nudges = texts(slack.callsTo('chat.postMessage').filter((c) => c.channel === channel)).filter(
        (t) => t.includes('⏰'),
      );
      expect(nudges).toHaveLength(1);
      const flags = texts(slack.callsTo('chat.postMessage')).filter((t) =>
        t.includes('has no incident commander'),
      );
      expect(flags).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});
