import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { incidentConfig, MONDAY_10, texts } from './config.js';

/** As real Slack sends it with the manifest's should_escape: true, over the real HTTP path. */
describe('incident text from Slack users never pings a channel or hides a link', () => {
  let h: HttpBotHarness;
  const clock = new ManualClock(MONDAY_10);
  const bob = { id: 'U0BOB', name: 'bob' };
  let channel: { id: string; name: string };
  const posts = (to: string) => texts(h.slack.callsTo('chat.postMessage').filter((c) => c.channel === to));

  beforeAll(async () => {
    h = await startHttpBot({ config: incidentConfig(), clock, shouldEscape: true });
    h.slack.directory.addUser('U0ADA', 'ada').addUser('U0BOB', 'bob').addGroup('S0SRE', 'sre');
  });
  afterAll(() => h.close());

  it('declares with a title that carries markup, stored as typed', async () => {
    await h.command('incident declare P1 <https://evil.example|click me> & checkout @sre');
    const incident = (await h.bot.services.incidents.get(1))!;
    expect(incident.title).toBe('<https://evil.example|click me> & checkout @sre');
    channel = { id: incident.channelId!, name: incident.channelName! };
    expect(h.slack.liveMarkup()).toEqual([]);
    expect(posts(channel.id)[0]).toContain('&lt;https://evil.example|click me&gt; &amp; checkout @sre');
  });

  it('assigns a role from the mention Slack made of @bob (the README example)', async () => {
    const { reply } = await h.command('incident assign 1 @bob commander');
    expect(String(reply.text)).toContain('is now Incident Commander of incident #1');
    expect(JSON.stringify(reply.blocks)).toContain('<@U0BOB> is now Incident Commander');
    expect((await h.bot.services.incidents.get(1))!.commanderId).toBe('U0BOB');
  });

  it('says how to mention someone Slack did not recognise', async () => {
    const group = await h.command('incident assign 1 @sre commander');
    expect(String(group.reply.text)).toContain('`@sre` is a user group: roles go to one person');
    const { reply } = await h.command('incident assign 1 @nobody commander');
    expect(reply.response_type).toBe('ephemeral');
    expect(String(reply.text)).toMatch(
      /Mention the person with @ so Slack links them: `@nobody` arrived as plain text/,
    );
    expect((await h.bot.services.incidents.get(1))!.commanderId).toBe('U0BOB');
  });

  it('`severity 1 P0 <!channel> wake up` posts no live @channel in the incident channel or #incidents', async () => {
    await h.command('incident severity 1 P0 <!channel> wake up @channel @here', bob, channel);
    await h.slack.waitFor(() => posts('#incidents').some((p) => p.includes('P1 → P0')), 10_000, 'notice');
    for (const where of [channel.id, '#incidents']) {
      const notice = posts(where).find((p) => p.includes('P1 → P0'))!;
      expect(notice).toContain('by <@U0BOB>: &lt;!channel&gt; wake up @channel @here');
    }
    expect(h.slack.liveMarkup()).toEqual([]);
    const [entry] = (await h.bot.services.incidents.timeline(1)).filter((e) => e.kind === 'severity');
    expect(entry!.text).toBe('Severity raised P1 → P0 by bob: <!channel> wake up @channel @here');
  });

  it('a link in the title, a note and the resolution stays text in the post-mortem draft', async () => {
    await h.command('incident note 1 see <https://evil.example|the runbook> <!here>', bob, channel);
    await h.command(
      'incident resolve 1 fixed per <https://evil.example|click me> root cause: <!everyone>',
      bob,
    );
    const draft = await h.slack.waitFor(
      () => posts(channel.id).find((p) => p.includes('*Post-mortem: P0')),
      10_000,
      'post-mortem draft',
    );
    expect(draft).toContain('*Post-mortem: P0 - &lt;https://evil.example|click me&gt; &amp; checkout @sre');
    expect(draft).toContain('fixed per &lt;https://evil.example|click me&gt;');
    expect(draft).toContain('&lt;!everyone&gt;');
    expect(draft).toContain('<@U0BOB>: see &lt;https://evil.example|the runbook&gt; &lt;!here&gt;');
    expect(h.slack.liveMarkup()).toEqual([]);
  });

  it('answers a command that quotes markup back without acting on it', async () => {
    const { reply } = await h.command('<!channel> @here');
    expect(String(reply.text)).toContain('is not a bers command');
    expect(h.slack.liveMarkup()).toEqual([]);
  });
});

describe('the same text from a Slack app installed with should_escape off', () => {
  let h: HttpBotHarness;
  beforeAll(async () => {
    h = await startHttpBot({ config: incidentConfig(), clock: new ManualClock(MONDAY_10) });
  });
  afterAll(() => h.close());

  it('still pings nobody: tokens typed raw are read as text', async () => {
    await h.command('incident declare P2 <!channel> db is slow <https://evil.example|click>');
    await h.command('incident severity 1 P1 <!here> <!subteam^S0SRE|@sre>');
    await h.slack.waitFor(
      () => h.slack.callsTo('chat.postMessage').some((c) => String(c.text).includes('P2 → P1')),
      10_000,
      'severity notice',
    );
    expect(h.slack.liveMarkup()).toEqual([]);
    expect((await h.bot.services.incidents.get(1))!.title).toBe(
      '@channel db is slow click (https://evil.example)',
    );
  });
});
