import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import type { FakeMessage } from '../../helpers/fake-slack.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { pollUntil } from '../../helpers/poll.js';
import { incidentConfig, MONDAY_10 } from './config.js';

/** Where every post of an incident lands: the card in #incidents, its thread, the incident channel. */
describe('an incident in Slack threads', () => {
  let h: HttpBotHarness;
  const clock = new ManualClock(MONDAY_10);
  const bob = { id: 'U0BOB', name: 'bob' };
  let channel: { id: string; name: string };
  let card: { channel: string; ts: string };
  const shown = (m: FakeMessage) => `${m.text} ${JSON.stringify(m.blocks ?? '')}`;
  const settled = () =>
    pollUntil(async () => (await h.bot.services.incidents.pendingSteps(1)) === 0, {
      what: 'the incident steps to finish',
      timeoutMs: 10_000,
      intervalMs: 20,
    });
  const thread = () => h.slack.threadOf(card.channel, card.ts).map(shown);

  beforeAll(async () => {
    h = await startHttpBot({ config: incidentConfig(), clock });
    await h.command('incident declare P1 checkout is failing');
    await settled();
    const incident = (await h.bot.services.incidents.get(1))!;
    channel = { id: incident.channelId!, name: incident.channelName! };
    const posted = h.slack.callsTo('chat.postMessage').find((c) => c.channel === '#incidents')!;
    expect(posted.thread_ts).toBeUndefined();
    card = { channel: h.slack.channelId('#incidents'), ts: h.slack.channelView('#incidents')[0]!.ts };
  });
  afterAll(() => h.close());

  it('posts the card once at the top of #incidents, and the initial report in the incident channel', () => {
    const view = h.slack.channelView('#incidents');
    expect(view).toHaveLength(1);
    expect(shown(view[0]!)).toContain('🚨 *INCIDENT: P1 - checkout is failing*');
    const own = h.slack.channelView(channel.id).map(shown);
    expect(own[0]).toContain('🚨 *INCIDENT: P1 - checkout is failing*');
  });

  it('puts a status update in the card thread and in the incident channel, and edits the card', async () => {
    await h.command('incident update 1 identified a bad deploy of checkout', bob);
    await settled();
    expect(thread()).toEqual([expect.stringContaining('🔄 *UPDATE: P1 - checkout is failing*')]);
    expect(h.slack.channelView('#incidents')).toHaveLength(1);
    expect(h.slack.channelView(channel.id).map(shown).at(-1)).toContain('a bad deploy of checkout');
    expect(shown(h.slack.message(card.channel, card.ts)!)).toContain('*Status:* IDENTIFIED');
  });

  it('edits the card for roles and severity; the severity change also goes in the thread', async () => {
    await h.command('incident assign 1 <@U0BOB|bob> commander');
    await h.command('incident severity 1 P0 every region is down now');
    await settled();
    const now = shown(h.slack.message(card.channel, card.ts)!);
    expect(now).toContain('🚨 *INCIDENT: P0 - checkout is failing*');
    expect(now).toContain('*Incident Commander:* <@U0BOB>');
    expect(thread().at(-1)).toContain('Severity raised P1 → P0');
    expect(h.slack.channelView('#incidents')).toHaveLength(1);
  });

  it('acknowledges by editing the card in place, with no new post in #incidents', async () => {
    const { responseId } = await h.click('bers:incident:acknowledge', '1', { user: bob, channel });
    await h.slack.waitFor(() => h.slack.responsesTo(responseId)[0], 10_000, 'the acknowledgement');
    await settled();
    expect(shown(h.slack.message(card.channel, card.ts)!)).toContain('*Acknowledged:*');
    expect(h.slack.channelView('#incidents')).toHaveLength(1);
  });

  it('broadcasts the resolution from the thread to the channel, and marks the card resolved', async () => {
    await h.command('incident resolve 1 rolled back to 1.4.2', bob, channel);
    await settled();
    const replies = h.slack.threadOf(card.channel, card.ts);
    const resolution = replies.find((m) => m.text.includes('RESOLVED'))!;
    expect(resolution.broadcast).toBe(true);
    expect(
      h.slack.callsTo('chat.postMessage').filter((c) => String(c.reply_broadcast) === 'true'),
    ).toHaveLength(1);
    const view = h.slack.channelView('#incidents').map(shown);
    expect(view).toHaveLength(2);
    expect(view[1]).toContain('✅ *RESOLVED: P0 - checkout is failing*');
    // Every reply is in the card's thread: nothing else was posted at the top of #incidents.
    const inIncidents = h.slack.callsTo('chat.postMessage').filter((c) => c.channel === '#incidents');
    expect(inIncidents.filter((c) => c.thread_ts === undefined)).toHaveLength(1);
    expect(inIncidents.every((c) => c.thread_ts === undefined || c.thread_ts === card.ts)).toBe(true);
    // The incident channel keeps the whole conversation at its top level.
    const own = h.slack.channelView(channel.id).map(shown).join('\n');
    for (const expected of ['UPDATE: P1', 'Severity raised', 'RESOLVED: P0', 'Post-mortem']) {
      expect(own).toContain(expected);
    }
    expect(h.slack.threadOf(channel.id, h.slack.channelView(channel.id)[0]!.ts)).toEqual([]);
  });
});
