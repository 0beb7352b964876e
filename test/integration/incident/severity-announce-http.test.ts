import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import type { Store } from '../../../src/store/store.js';
import { configFrom } from '../../helpers/config.js';
import { type FakeMessage, FakeSlack } from '../../helpers/fake-slack.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { pollUntil } from '../../helpers/poll.js';
import { storeBackends } from '../../helpers/stores.js';
import { INCIDENT_CONFIG, MONDAY_10 } from './config.js';

const ada = { id: 'U0ADA', name: 'ada' };
const CONFIG = `${INCIDENT_CONFIG}
incidents:
  channel:
    announceTo: { P0: ['#emergency-response'] }
`;
const postgres = storeBackends().find((b) => b.name === 'postgres');
const shown = (m: FakeMessage) => `${m.text} ${JSON.stringify(m.blocks ?? '')}`;
const settled = (h: HttpBotHarness, n: number) =>
  pollUntil(async () => (await h.bot.services.incidents.pendingSteps(n)) === 0, {
    what: 'the incident steps to finish',
    timeoutMs: 20_000,
    intervalMs: 30,
  });

/** Raised to P0 later, an incident reaches #emergency-response as a declared P0 does: one card. */
describe('raising an incident to a severity with extra announcement channels', () => {
  let slack: FakeSlack;
  let store: Store;
  let h: HttpBotHarness | undefined;
  const clock = new ManualClock(MONDAY_10);
  const bot = () => h!;
  const emergency = () => slack.channelView('#emergency-response');

  async function restart() {
    await h?.close();
    h = await startHttpBot({ config: configFrom(CONFIG), clock, slack, store });
  }

  beforeAll(async () => {
    slack = await FakeSlack.start();
    store = await storeBackends()[0]!.open();
    await restart();
  });
  afterAll(async () => {
    await h?.close();
    await slack.close();
    await store.close();
  });

  it('posts the card in #emergency-response when raised to P0, with the later updates in its thread', async () => {
    await bot().command('incident declare P2 checkout is slow --service checkout', ada);
    await settled(bot(), 1);
    expect(emergency()).toHaveLength(0);
    await bot().command('incident severity 1 P0 every checkout fails now', ada);
    await settled(bot(), 1);
    expect(emergency()).toHaveLength(1);
    expect(shown(emergency()[0]!)).toContain('P0');
    await bot().command('incident update 1 identified a bad deploy of checkout', ada);
    await settled(bot(), 1);
    const card = emergency()[0]!;
    expect(slack.threadOf(slack.channelId('#emergency-response'), card.ts).map(shown)).toEqual([
      expect.stringContaining('a bad deploy of checkout'),
    ]);
    // The card is edited in place as the incident changes.
    expect(shown(slack.message(slack.channelId('#emergency-response'), card.ts)!)).toContain(
      '*Status:* IDENTIFIED',
    );
  });

  it('never posts a second card: lowered and raised again, or the step run again after a crash', async () => {
    await bot().command('incident severity 1 P1 contained to one region', ada);
    await settled(bot(), 1);
    await bot().command('incident severity 1 P0 spreading again', ada);
    await settled(bot(), 1);
    expect(emergency()).toHaveLength(1);
    // The process died after posting the card, before marking the step done: a restart runs it again.
    await store.query(
      "UPDATE incident_steps SET done_at = NULL, leased_until = NULL WHERE key LIKE '%:announce:#emergency-response'",
    );
    await restart();
    await bot().bot.services.incidents.recover();
    await settled(bot(), 1);
    expect(emergency()).toHaveLength(1);
  });
});

describe.skipIf(!postgres)('two replicas raising one incident at once', { timeout: 120_000 }, () => {
  it('post one card in #emergency-response', async () => {
    const slack = await FakeSlack.start();
    const storeA = await postgres!.open();
    const storeB = await postgres!.openSibling!();
    const clock = new ManualClock(MONDAY_10);
    const a = await startHttpBot({ config: configFrom(CONFIG), clock, slack, store: storeA });
    const b = await startHttpBot({ config: configFrom(CONFIG), clock, slack, store: storeB });
    try {
      await a.command('incident declare P2 checkout is slow --service checkout', ada);
      await settled(a, 1);
      await Promise.all([
        a.command('incident severity 1 P0 every checkout fails', ada),
        b.command('incident severity 1 P0 every checkout fails', ada),
      ]);
      await Promise.all([a.bot.services.incidents.recover(), b.bot.services.incidents.recover()]);
      await settled(a, 1);
      expect(slack.channelView('#emergency-response')).toHaveLength(1);
    } finally {
      await a.close();
      await b.close();
      await storeA.close();
      await storeB.close();
      await slack.close();
    }
  });
});
