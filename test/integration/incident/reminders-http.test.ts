import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import type { Store } from '../../../src/store/store.js';
import { FakeSlack } from '../../helpers/fake-slack.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { storeBackends } from '../../helpers/stores.js';
import { incidentConfig, MONDAY_10 } from './config.js';

const MINUTE = 60_000;

/**
 * Reminders that escalate, each round fired by a freshly started bot on the same store (a restart
 * between every reminder): the commander every cadence, #incidents from the second miss.
 */
describe('escalating reminders across restarts', () => {
  let slack: FakeSlack;
  let store: Store;
  let h: HttpBotHarness | undefined;
  const clock = new ManualClock(MONDAY_10);
  const ada = { id: 'U0ADA', name: 'ada' };
  let channel: string;
  let card: string;

  /** Stops the running bot and starts another on the same store and Slack, then fires what is due. */
  async function restartAndPoll(): Promise<HttpBotHarness> {
    await h?.close();
    h = await startHttpBot({ config: incidentConfig(), clock, slack, store });
    await h.bot.services.timers.poll();
    await h.bot.services.incidents.recover();
    return h;
  }
  const inChannel = (text: string) => slack.channelView(channel).filter((m) => m.text.includes(text));
  const inThread = (text: string) =>
    slack.threadOf(slack.channelId('#incidents'), card).filter((m) => m.text.includes(text));

  beforeAll(async () => {
    slack = await FakeSlack.start();
    store = await storeBackends()[0]!.open();
    const first = await restartAndPoll();
    await first.command('incident declare P1 checkout is failing', ada);
    const incident = (await first.bot.services.incidents.get(1))!;
    channel = incident.channelId!;
    card = slack.channelView('#incidents')[0]!.ts;
  });
  afterAll(async () => {
    await h?.close();
    await slack.close();
    await store.close();
  });

  it('nudges the commander when the update is 1 minute overdue, in the incident channel only', async () => {
    clock.advance(31 * MINUTE);
    await restartAndPoll();
    expect(inChannel('⏰')).toHaveLength(1);
    expect(inChannel('⏰')[0]!.text).toContain(
      '@U0ADA the P1 update for incident #1 was due at 2026-01-05 10:30 UTC',
    );
    expect(inThread('No update')).toEqual([]);
  });

  it('marks the update overdue in /bers incident status and on the card', async () => {
    const { reply } = await h!.command('incident status 1', ada);
    expect(JSON.stringify(reply.blocks)).toContain('2026-01-05 10:30 UTC — ⚠️ *overdue by 1 min*');
    const shown = JSON.stringify(slack.message(slack.channelId('#incidents'), card)!.blocks);
    expect(shown).toContain('overdue by 1 min');
  });

  it('nudges again a cadence later, and tells #incidents (broadcast from the card thread)', async () => {
    clock.advance(30 * MINUTE);
    await restartAndPoll();
    expect(inChannel('⏰')).toHaveLength(2);
    expect(inChannel('⏰')[1]!.text).toContain('(2 updates missed)');
    const told = inThread('No update on P1 incident #1');
    expect(told).toHaveLength(1);
    expect(told[0]!.broadcast).toBe(true);
  });

  it('keeps going every cadence, in the thread only from then on', async () => {
    clock.advance(30 * MINUTE);
    await restartAndPoll();
    await h!.bot.services.timers.poll();
    expect(inChannel('⏰')).toHaveLength(3);
    const told = inThread('No update on P1 incident #1');
    expect(told.map((m) => Boolean(m.broadcast))).toEqual([true, false]);
  });

  it('stops once an update is posted', async () => {
    await h!.command('incident update 1 identified a bad deploy', ada);
    clock.advance(29 * MINUTE);
    await restartAndPoll();
    expect(inChannel('⏰')).toHaveLength(3);
    // The old chain's next reminder fired and found the update; the new due time waits.
    const pending = await h!.bot.services.timers.pending('incident:1:update-due');
    expect(pending.map((t) => t.dueAt.toISOString())).toEqual(['2026-01-05T12:01:00.000Z']);
  });

  it('repeats the post-mortem reminder until its link is recorded', async () => {
    await h!.command('incident resolve 1 rolled back', ada);
    expect(await h!.bot.services.timers.pending('incident:1:update-due')).toEqual([]);
    for (const hours of [24, 24]) {
      clock.advance(hours * 60 * MINUTE);
      await restartAndPoll();
    }
    const reminders = inChannel('post-mortem for incident #1 is due');
    expect(reminders).toHaveLength(2);
    expect(reminders[1]!.text).toContain('(reminder 2 of 5)');
    const { reply } = await h!.command('incident postmortem 1 https://wiki.example.com/pm/1', ada);
    expect(String(reply.text)).toContain('Post-mortem of incident #1 recorded');
    clock.advance(24 * 60 * MINUTE);
    await restartAndPoll();
    expect(inChannel('post-mortem for incident #1 is due')).toHaveLength(2);
    expect(inThread('recorded the post-mortem')).toHaveLength(1);
    expect(JSON.stringify(slack.message(slack.channelId('#incidents'), card)!.blocks)).toContain(
      '*Post-mortem:* <https://wiki.example.com/pm/1|read it>',
    );
  });
});
