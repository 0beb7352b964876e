import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { configFrom } from '../../helpers/config.js';
import { FakePagerDuty } from '../../helpers/fake-pagerduty.js';
import type { FakeMessage } from '../../helpers/fake-slack.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { actionsFor, ROUTING_KEY } from '../../helpers/pagerduty.js';
import { pollUntil } from '../../helpers/poll.js';

const SECRET = 'webhook-secret-for-two-way';
const MONDAY_10 = new Date('2026-01-05T10:00:00Z');
const poll = { timeoutMs: 15_000, intervalMs: 30 };

/**
 * PagerDuty and Slack in both directions, with the fake PagerDuty reporting every change back as
 * PagerDuty does (webhooks v3): what the bot did itself never comes back as news.
 */
describe('two-way PagerDuty', () => {
  let h: HttpBotHarness;
  let pd: FakePagerDuty;
  const clock = new ManualClock(MONDAY_10);
  const bob = { id: 'U0BOB', name: 'bob' };
  const shown = (m: FakeMessage) => `${m.text} ${JSON.stringify(m.blocks ?? '')}`;
  const channelOf = async (n: number) => (await h.bot.services.incidents.get(n))!.channelId!;
  const view = async (n: number) => h.slack.channelView(await channelOf(n)).map(shown);
  const pageCard = async (n: number) => (await view(n)).find((t) => t.startsWith('📟 On-call paged'))!;
  /** Everything PagerDuty sent back has been taken in by the bot. */
  const settle = async () => {
    await pd.incidents.settled();
    await h.bot.services.pagerduty.inbox.settled();
  };
  const until = <T>(what: string, check: () => Promise<T | undefined | false>) =>
    pollUntil(check, { what, ...poll });
  const pagerNotices = async (n: number) => (await view(n)).filter((t) => t.startsWith(':pager:'));

  beforeAll(async () => {
    pd = await FakePagerDuty.start();
    pd.incidents.now = () => clock.now();
    h = await startHttpBot({
      config: configFrom(`
services:
  - name: checkout
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1, timeoutMs: 200 }]
incidents:
  severities:
    P0: { description: Complete service outage, respondWithinMinutes: 15, paging: now, updateEveryMinutes: 15 }
    P1: { description: Major functionality broken, respondWithinMinutes: 60, paging: now, updateEveryMinutes: 30, pagerResolve: notify }
pagerduty:
  fromEmail: ada@example.com
  delivery: { attemptTimeoutMs: 20000, baseBackoffMs: 20, maxBackoffMs: 200, pollMs: 50 }
`),
      clock,
      env: {
        PAGERDUTY_EVENTS_URL: pd.url,
        PAGERDUTY_ROUTING_KEY: ROUTING_KEY,
        PAGERDUTY_WEBHOOK_SECRET: SECRET,
        PAGERDUTY_API_URL: pd.url,
        PAGERDUTY_API_TOKEN: pd.apiToken,
      },
      pagerDutyCa: pd.ca,
    });
    pd.incidents.webhook = { url: h.url, secret: SECRET };
    h.slack.directory.addUser('U0ADA', 'ada').addUser('U0BOB', 'bob').addUser('U0GRACE', 'grace');
  });
  afterAll(async () => {
    await h.close();
    await pd.close();
  });

  it('shows PagerDuty’s incident on the page card as soon as PagerDuty reports it', async () => {
    await h.command('incident declare P0 checkout is down --service checkout');
    await until('the PagerDuty incident on the card', async () => {
      await settle();
      return (await pageCard(1))?.includes('PagerDuty #101');
    });
    expect(await pageCard(1)).toContain('assigned to *Olive Oncall* (Checkout on-call)');
  });

  it('acknowledges in PagerDuty from Slack, and does not echo PagerDuty’s report of it', async () => {
    const ack = await h.click('bers:incident:acknowledge', '1', {
      user: bob,
      channel: { id: await channelOf(1), name: 'inc-1' },
    });
    await h.slack.waitFor(() => h.slack.responsesTo(ack.responseId)[0], 10_000, 'the acknowledgement');
    await pd.waitFor(() => actionsFor(pd, 'bers-incident-1').length === 2, 20_000, 'the acknowledge event');
    await until('PagerDuty’s report of the acknowledgement', async () => {
      await settle();
      return pd.incidents.emitted.includes('acknowledged');
    });
    await settle();
    // PagerDuty reported our own acknowledgement back: the card keeps who did it, and nothing is said.
    expect(await pageCard(1)).toContain('*Acknowledged* by *bob*');
    expect(await pagerNotices(1)).toEqual([]);
    const timeline = await h.bot.services.incidents.timeline(1);
    expect(timeline.filter((e) => e.kind === 'pagerduty-acknowledged')).toEqual([]);
    expect(timeline.filter((e) => e.kind === 'acknowledged').map((e) => e.text)).toEqual([
      'Acknowledged by bob',
    ]);
    expect(actionsFor(pd, 'bers-incident-1')).toEqual(['trigger', 'acknowledge']);
  });

  it('reassigns through the REST API, on behalf of the configured user when bob is nobody in PagerDuty', async () => {
    const { reply } = await h.command('incident reassign 1 <@U0GRACE|grace>', bob);
    expect(String(reply.text)).toContain('is now with');
    expect(pd.incidents.changes).toEqual([
      {
        id: 'PINC1',
        from: 'ada@example.com',
        incident: expect.objectContaining({
          assignments: [{ assignee: { id: 'PUGRACE', type: 'user_reference' } }],
        }),
      },
    ]);
    await settle();
    expect(pd.incidents.emitted.filter((t) => t === 'reassigned')).toHaveLength(1);
    expect(await pageCard(1)).toContain('assigned to *Grace Hopper*');
    const said = (await view(1)).filter((t) => t.includes('reassigned the page'));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('<@U0BOB> reassigned the page for incident #1 to <@U0GRACE>');
    expect(await pagerNotices(1)).toEqual([]);
  });

  it('escalates from the page card’s button to the next level, and a repeated click does not go further', async () => {
    const channel = { id: await channelOf(1), name: 'inc-1' };
    // Grace is a PagerDuty user: the change is made as her.
    const grace = { id: 'U0GRACE', name: 'grace' };
    const click = await h.click('bers:incident:escalate', '1', { user: grace, channel });
    const answer = await h.slack.waitFor(() => h.slack.responsesTo(click.responseId)[0], 10_000, 'escalated');
    expect(String(answer.text)).toContain('to level 2: Sam Second');
    await settle();
    expect(await pageCard(1)).toContain('assigned to *Sam Second*');
    // The same request worked again (a retry after a crash): the same level, not level 3.
    await h.bot.services.incidents.escalatePage(1, bob, 'a-request-id');
    await h.bot.services.incidents.escalatePage(1, bob, 'a-request-id');
    await settle();
    expect(pd.incidents.byKey.get('bers-incident-1')!.level).toBe(3);
    expect(pd.incidents.changes.map((c) => c.incident.escalation_level).filter(Boolean)).toEqual([2, 3, 3]);
    expect(pd.incidents.changes[1]!.from).toBe('grace@example.com');
    expect(await pagerNotices(1)).toEqual([]);
  });

  it('shows a reassignment made in PagerDuty itself, once', async () => {
    clock.advance(5 * 60_000);
    pd.incidents.there('reassign', 'bers-incident-1', 'Grace Hopper', 'PUOLIVE');
    await until('the reassignment on the card', async () => {
      await settle();
      return (await pageCard(1)).includes('assigned to *Olive Oncall*');
    });
    expect(await pagerNotices(1)).toEqual([
      expect.stringContaining('Reassigned in PagerDuty to Olive Oncall by Grace Hopper'),
    ]);
  });

  it('resolves the incident here when it is resolved in PagerDuty, and sends nothing back', async () => {
    pd.incidents.there('resolve', 'bers-incident-1', 'Grace Hopper');
    const incident = await until('the incident resolved here', async () => {
      await settle();
      const i = await h.bot.services.incidents.get(1);
      return i?.resolvedAt && i;
    });
    expect(incident).toMatchObject({
      status: 'resolved',
      resolution: 'Resolved in PagerDuty by Grace Hopper',
    });
    await until('the steps to finish', async () => (await h.bot.services.incidents.pendingSteps(1)) === 0);
    const report = (await view(1)).find((t) => t.includes('RESOLVED: P0'))!;
    expect(report).toContain('Resolved in PagerDuty by Grace Hopper');
    expect(await pageCard(1)).toContain('Resolved');
    expect(await h.bot.services.timers.pending('incident:1:update-due')).toEqual([]);
    await h.bot.services.pagerduty.worker.kick();
    expect(actionsFor(pd, 'bers-incident-1')).toEqual(['trigger', 'acknowledge']);
  });

  it('resolving in Slack resolves in PagerDuty, and PagerDuty’s report of it is no news', async () => {
    await h.command('incident declare P0 payments are down');
    await until('the page', async () => (await h.bot.services.incidents.page(2))?.state === 'triggered');
    await h.command('incident resolve 2 restarted the payment workers');
    await pd.waitFor(() => actionsFor(pd, 'bers-incident-2').includes('resolve'), 20_000, 'the resolve');
    await until('PagerDuty’s resolve on the card', async () => {
      await settle();
      return (await h.bot.services.incidents.page(2))?.state === 'resolved';
    });
    expect(await pagerNotices(2)).toEqual([]);
    expect((await h.bot.services.incidents.get(2))!.resolution).toBe('restarted the payment workers');
  });

  it('only says so when the severity keeps PagerDuty’s resolve from resolving here', async () => {
    await h.command('incident declare P1 search is slow');
    await until('the page', async () => {
      await settle();
      return (await h.bot.services.incidents.page(3))?.vendor.id;
    });
    pd.incidents.there('resolve', 'bers-incident-3', 'Grace Hopper');
    await until('the notice', async () => {
      await settle();
      return (await pagerNotices(3)).length === 1;
    });
    expect((await pagerNotices(3))[0]).toContain('P1 incidents stay open here until someone resolves them');
    expect((await h.bot.services.incidents.get(3))!.status).toBe('investigating');
  });

  it('refuses to reassign an incident whose page is over, saying what to do', async () => {
    const { reply } = await h.command('incident reassign 3 <@U0GRACE|grace>', bob);
    expect(String(reply.text)).toContain('has no open page in PagerDuty: page on-call first');
  });
});
