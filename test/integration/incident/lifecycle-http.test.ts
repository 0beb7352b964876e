import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { pollUntil } from '../../helpers/poll.js';
import { incidentConfig, MONDAY_10, texts } from './config.js';

describe('incident lifecycle over HTTP mode against the fake Slack', () => {
  let h: HttpBotHarness;
  const clock = new ManualClock(MONDAY_10);
  const bob = { id: 'U0BOB', name: 'bob' };
  const carol = { id: 'U0CAROL', name: 'carol' };
  let channel: { id: string; name: string };
  const posts = (to: string) => texts(h.slack.callsTo('chat.postMessage').filter((c) => c.channel === to));

  beforeAll(async () => {
    h = await startHttpBot({ config: incidentConfig(), clock });
  });
  afterAll(() => h.close());

  it('declares: numbered row, channel, invite, initial report in the channel and #incidents', async () => {
    const { reply } = await h.command('incident declare P1 Checkout is failing!');
    expect(reply.response_type).toBe('ephemeral');
    expect(String(reply.text)).toContain('Declared incident #1 (P1)');
    const created = h.slack.callsTo('conversations.create');
    expect(created.map((c) => c.name)).toEqual(['inc-1-checkout-is-failing']);
    const incident = await h.bot.services.incidents.get(1);
    channel = { id: incident!.channelId!, name: incident!.channelName! };
    expect(h.slack.callsTo('conversations.invite')).toEqual([
      expect.objectContaining({ channel: channel.id, users: 'U0ADA' }),
    ]);
    const [report] = posts(channel.id);
    expect(report).toContain('🚨 INCIDENT: P1 - Checkout is failing!');
    expect(report).toContain('bers:incident:acknowledge');
    expect(report).toContain('bers:incident:resolve');
    expect(posts('#incidents')[0]).toContain('Status:* INVESTIGATING');
    expect(await h.bot.services.incidents.pendingSteps(1)).toBe(0);
  });

  it('acknowledges once from the button, updates the posted reports, and tells the second clicker', async () => {
    await h.click('bers:incident:acknowledge', '1', { user: bob, channel });
    await h.slack.waitFor(() => h.slack.callsTo('chat.update').length >= 2, 10_000, 'report refresh');
    expect(texts(h.slack.callsTo('chat.update')).join('\n')).toContain('Acknowledged:* <@U0BOB>');
    const second = await h.click('bers:incident:acknowledge', '1', { user: carol, channel });
    const answer = await h.slack.waitFor(
      () => h.slack.responsesTo(second.responseId)[0],
      10_000,
      'ack answer',
    );
    expect(String(answer.text)).toContain('already acknowledged by bob');
    const incident = await h.bot.services.incidents.get(1);
    expect(incident?.acknowledgedAt?.toISOString()).toBe(MONDAY_10.toISOString());
  });

  it('opens the update modal from the button and posts the submitted update', async () => {
    await h.click('bers:incident:update', '1', { user: bob, channel });
    const opened = await h.slack.waitFor(() => h.slack.callsTo('views.open')[0], 10_000, 'views.open');
    expect(JSON.stringify(opened.view)).toContain('bers:incident:update');
    const response = await h.submitView(
      'bers:incident:update',
      {
        status: { status: { type: 'static_select', selected_option: { value: 'identified' } } },
        text: { text: { type: 'plain_text_input', value: 'bad deploy of checkout 1.4.3' } },
      },
      '1',
      bob,
    );
    expect(response.status).toBe(200);
    // The modal closes at once; the update is posted after the ack (both posts, then).
    await h.slack.waitFor(
      () => posts(channel.id).some((p) => p.includes('bad deploy')),
      10_000,
      'update post',
    );
    await h.slack.waitFor(
      () => posts('#incidents').some((p) => p.includes('UPDATE: P1') && p.includes('IDENTIFIED')),
      10_000,
      'update announcement',
    );
    await pollUntil(async () => (await h.bot.services.incidents.pendingSteps(1)) === 0, {
      what: "the update's steps to finish",
      timeoutMs: 10_000,
      intervalMs: 20,
    });
  });

  it('implies the number inside the incident channel and assigns roles with what they mean', async () => {
    const { reply } = await h.command('incident assign <@U0BOB|bob> commander', bob, channel);
    expect(String(reply.text)).toContain('Incident Commander of incident #1');
    expect(posts(channel.id).some((p) => p.includes('You run the incident'))).toBe(true);
    await h.command('incident note failing over the DB', bob, channel);
    const status = await h.command('incident status', bob, channel);
    expect(JSON.stringify(status.reply.blocks)).toContain('failing over the DB');
  });

  it('answers every bad input with a clear ephemeral message', async () => {
    const cases: [string, RegExp, typeof channel?][] = [
      ['incident declare P9 db down', /`P9` is not a severity\. Use one of: P0/],
      ['incident declare P1', /needs a title/],
      ['incident update 1 fixing it now', /`fixing` is not a status/],
      ['incident update 1 resolved done', /resolving has its own command/],
      ['incident update identified x', /not an incident channel, so say which incident/],
      ['incident assign 1 ada commander', /`ada` is not a Slack user/],
      ['incident assign 1 <@U0BOB> boss', /`boss` is not a role/],
      ['incident status 99', /no incident #99/],
      ['incident frobnicate', /not an incident subcommand/],
    ];
    for (const [text, expected] of cases) {
      const { reply } = await h.command(text);
      expect(reply.response_type, text).toBe('ephemeral');
      expect(String(reply.text), text).toMatch(expected);
    }
  });

  it('nudges the commander once when the update is overdue', async () => {
    clock.advance(31 * 60_000);
    await h.bot.services.timers.poll();
    await h.bot.services.timers.poll();
    const nudges = posts(channel.id).filter((p) => p.includes('⏰'));
    expect(nudges).toHaveLength(1);
    expect(nudges[0]).toContain('<@U0BOB>');
  });

  it('records a 📌 message in the timeline at its original time, once', async () => {
    h.slack.addMessage(channel.id, {
      ts: '1767607500.000200',
      text: 'primary db is read-only',
      user: 'U0CAROL',
    });
    const event = {
      type: 'reaction_added',
      user: 'U0BOB',
      reaction: 'pushpin',
      item: { type: 'message', channel: channel.id, ts: '1767607500.000200' },
      event_ts: '1767607600.000000',
    };
    expect((await h.event(event)).status).toBe(200);
    expect((await h.event(event)).status).toBe(200);
    await h.slack.waitFor(() => h.slack.callsTo('conversations.history').length >= 2, 10_000, 'history');
    await new Promise((r) => setTimeout(r, 200));
    const pinned = (await h.bot.services.incidents.timeline(1)).filter((e) => e.kind === 'pinned');
    expect(pinned).toHaveLength(1);
    expect(pinned[0]!.text).toContain('primary db is read-only');
    expect(pinned[0]!.at.toISOString()).toBe(new Date(1767607500_000).toISOString());
    expect(h.slack.callsTo('conversations.history')[0]).toMatchObject({
      channel: channel.id,
      latest: '1767607500.000200',
      limit: '1',
      inclusive: 'true',
    });
  });

  it('resolves once when two people resolve at the same moment; posts the report and post-mortem draft', async () => {
    const [a, b] = await Promise.all([
      h.command('incident resolve 1 rolled back to 1.4.2 root cause: a missing index', bob, channel),
      h.command('incident resolve 1 restarted everything', carol, channel),
    ]);
    const answers = [String(a.reply.text), String(b.reply.text)];
    expect(answers.filter((t) => t.includes('resolved.'))).toHaveLength(1);
    expect(answers.filter((t) => t.includes('was already resolved by'))).toHaveLength(1);
    const resolution = posts(channel.id).filter((p) => p.includes('✅ RESOLVED: P1'));
    expect(resolution).toHaveLength(1);
    expect(resolution[0]).toMatch(/Duration:\* 3\dm/);
    expect(
      posts(channel.id).some((p) => p.includes('*Post-mortem: P1') && p.includes('Timeline (UTC)')),
    ).toBe(true);
    expect(posts('#incidents').filter((p) => p.includes('✅ RESOLVED'))).toHaveLength(1);
    const pending = await h.bot.services.timers.pending('incident:1:');
    expect(pending.map((t) => t.kind)).toEqual(['incident.post-mortem']);
    const { reply } = await h.command('incident update 1 monitoring looks fine');
    expect(String(reply.text)).toContain('is resolved, so it takes no more updates');
  });

  it('reminds about the post-mortem 24 h after resolving', async () => {
    clock.advance(24 * 3_600_000);
    await h.bot.services.timers.poll();
    expect(posts(channel.id).filter((p) => p.includes('post-mortem for incident #1 is due'))).toHaveLength(1);
  });

  it('gives private incidents a private channel and an announcement without detail', async () => {
    await h.command('incident declare P2 --private leaked api key');
    const created = h.slack.callsTo('conversations.create').at(-1)!;
    expect(created).toMatchObject({ name: 'inc-2-leaked-api-key' });
    expect(String(created.is_private)).toBe('true');
    const announcement = posts('#incidents').at(-1)!;
    expect(announcement).toContain('🔒 Private P2 incident #2');
    expect(announcement).not.toContain('leaked');
    const list = await h.command('incident list', bob);
    expect(JSON.stringify(list.reply.blocks)).not.toContain('leaked');
    const status = await h.command('incident status 2', bob);
    expect(JSON.stringify(status.reply.blocks)).not.toContain('leaked');
  });

  it('opens the declare modal and declares once from its submission, even when submitted twice', async () => {
    await h.command('incident');
    const opened = await h.slack.waitFor(
      () =>
        h.slack.callsTo('views.open').find((c) => JSON.stringify(c.view).includes('bers:incident:declare')),
      10_000,
      'declare modal',
    );
    const key = String((opened.view as { private_metadata: string }).private_metadata);
    const values = {
      title: { title: { type: 'plain_text_input', value: 'search is slow' } },
      severity: { severity: { type: 'static_select', selected_option: { value: 'P3' } } },
      services: { services: { type: 'multi_static_select', selected_options: [{ value: 'search' }] } },
      impact: { impact: { type: 'plain_text_input', value: 'p95 at 2 s' } },
      commander: { commander: { type: 'users_select', selected_user: 'U0CAROL' } },
      private: { private: { type: 'checkboxes', selected_options: [] } },
    };
    const acks = await Promise.all([
      h.submitView('bers:incident:declare', values, key),
      h.submitView('bers:incident:declare', values, key),
    ]);
    expect(acks.map((a) => a.status)).toEqual([200, 200]);
    // Declared after the acks: both submissions are worked, and the form's key makes it one incident.
    const answers = () => h.slack.callsTo('chat.postMessage').filter((c) => c.channel === 'U0ADA');
    await h.slack.waitFor(() => answers().length >= 2, 10_000, 'both submissions worked');
    const open = await h.bot.services.incidents.listOpen();
    const search = open.filter((i) => i.title === 'search is slow');
    expect(search).toHaveLength(1);
    expect(search[0]).toMatchObject({ severity: 'P3', services: ['search'], commanderId: 'U0CAROL' });
    expect(
      h.slack.callsTo('conversations.create').filter((c) => String(c.name).includes('search-is-slow')),
    ).toHaveLength(1);
    const answered = texts(answers()).join('\n');
    expect(answered).toContain('Declared incident #3');
    expect(answered).toContain('Incident #3 was already declared by this request');
    const list = await h.command('incident list');
    expect(String(list.reply.text)).toBe('2 open incidents');
  });
});
