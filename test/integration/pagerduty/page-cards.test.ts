import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { configFrom } from '../../helpers/config.js';
import { FakePagerDuty } from '../../helpers/fake-pagerduty.js';
import type { FakeMessage } from '../../helpers/fake-slack.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { actionsFor, ROUTING_KEY } from '../../helpers/pagerduty.js';
import { deliverWebhook, incidentWebhook } from '../../helpers/pagerduty-webhooks.js';
import { pollUntil } from '../../helpers/poll.js';

const SECRET = 'webhook-secret-for-page-cards';
const MONDAY_10 = new Date('2026-01-05T10:00:00Z');
const ada = { id: 'U0ADA', name: 'ada' };

/** Every page shows in the incident channel, and its card follows PagerDuty. */
describe('pages you can see', () => {
  let h: HttpBotHarness;
  let pd: FakePagerDuty;
  const clock = new ManualClock(MONDAY_10);
  const shown = (m: FakeMessage) => `${m.text} ${JSON.stringify(m.blocks ?? '')}`;

  async function channelOf(number: number): Promise<string> {
    return pollUntil(async () => (await h.bot.services.incidents.get(number))?.channelId, {
      what: `incident #${number}'s channel`,
      timeoutMs: 10_000,
      intervalMs: 20,
    });
  }
  /** The page cards of an incident, as the channel shows them now (after edits). */
  async function cards(number: number): Promise<string[]> {
    const channel = await channelOf(number);
    return h.slack
      .channelView(channel)
      .filter((m) => m.text.startsWith('📟 On-call paged'))
      .map(shown);
  }
  const card = (number: number, expected: string) =>
    pollUntil(async () => (await cards(number)).find((c) => c.includes(expected)), {
      what: `a page card of #${number} showing "${expected}"`,
      timeoutMs: 15_000,
      intervalMs: 30,
    });
  const notices = async (number: number) =>
    h.slack
      .channelView(await channelOf(number))
      .map((m) => m.text)
      .filter((t) => !t.startsWith('📟'));
  const webhook = async (type: string, number: number, fields: Record<string, unknown> = {}) => {
    const body = incidentWebhook(type, {
      incidentKey: `bers-incident-${number}`,
      id: `PINC${number}`,
      occurredAt: clock.now().toISOString(),
      ...fields,
    });
    expect(await deliverWebhook(h.url, SECRET, body)).toBe(202);
    await h.bot.services.pagerduty.inbox.settled();
  };

  beforeAll(async () => {
    pd = await FakePagerDuty.start();
    h = await startHttpBot({
      config: configFrom(`
services:
  - name: checkout
    checks: [{ name: health, kind: tcp, host: 127.0.0.1, port: 1, timeoutMs: 300 }]
  - name: search
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1, timeoutMs: 300 }]
pagerduty:
  delivery: { attemptTimeoutMs: 20000, baseBackoffMs: 20, maxBackoffMs: 200, pollMs: 50 }
`),
      clock,
      env: {
        PAGERDUTY_EVENTS_URL: pd.url,
        PAGERDUTY_ROUTING_KEY: ROUTING_KEY,
        PAGERDUTY_WEBHOOK_SECRET: SECRET,
      },
      pagerDutyCa: pd.ca,
    });
  });
  afterAll(async () => {
    await h.close();
    await pd.close();
  });

  it('pages a P0 with its channel link and context, and shows the page in the channel', async () => {
    const { incident } = await h.bot.services.incidents.declare(
      {
        title: 'checkout is down',
        severity: 'P0',
        services: ['checkout'],
        commanderId: 'U0ADA',
        origin: 'alert HighErrorRate (critical, 2 firing)',
      },
      ada,
    );
    await pd.waitFor(() => actionsFor(pd, 'bers-incident-1').length === 1, 20_000, 'the P0 page');
    const sent = pd.delivered[0]!;
    const channel = incident.channelId!;
    // The channel exists before the page: the page links to it.
    expect(sent.links).toEqual([
      { href: `https://fake-team.slack.com/archives/${channel}`, text: 'Incident channel' },
    ]);
    expect(sent.payload?.custom_details).toMatchObject({
      commander: 'ada',
      services: ['checkout'],
      failing_checks: [expect.stringMatching(/^checkout · health: /)],
      started_by: 'alert HighErrorRate (critical, 2 firing)',
      slack_channel: `https://fake-team.slack.com/archives/${channel}`,
    });
    const shownCard = await card(1, 'Triggered');
    expect(shownCard).toContain('P0 policy: page on-call at once');
    expect(shownCard).toContain('started by alert HighErrorRate');
    expect(shownCard).toContain('checkout · health');
  });

  it('edits the card as PagerDuty reports: triggered with its link and assignee, then acknowledged', async () => {
    await webhook('triggered', 1, { assignees: ['Grace Hopper'], escalationPolicy: 'Checkout on-call' });
    const triggered = await card(1, 'Grace Hopper');
    expect(triggered).toContain('<https://acme.pagerduty.com/incidents/PINC1|PagerDuty #7>');
    expect(triggered).toContain('Checkout on-call');
    await webhook('acknowledged', 1, { agent: 'Grace Hopper', assignees: ['Grace Hopper'] });
    expect(await card(1, 'Acknowledged')).toContain('by *Grace Hopper*');
    // One card, edited: no second post for the page.
    expect(await cards(1)).toHaveLength(1);
    expect(await notices(1)).toContainEqual(
      expect.stringContaining('Acknowledged in PagerDuty by Grace Hopper'),
    );
  });

  it('says so when PagerDuty is not answering, and again when the page gets through', async () => {
    pd.outage();
    await h.command('incident declare P0 payments are down');
    await card(2, 'Not delivered yet');
    expect((await card(2, 'Not delivered yet')).replace(/\\"/g, '"')).toContain('HTTP 503');
    const held = (await notices(2)).filter((t) => t.includes('PagerDuty is not taking the page'));
    expect(held).toHaveLength(1);
    pd.recover();
    clock.advance(5_000);
    await h.bot.services.pagerduty.worker.kick();
    await card(2, 'Triggered');
    await pollUntil(async () => (await notices(2)).some((t) => t.includes('PagerDuty took the page')), {
      what: 'the page getting through',
      timeoutMs: 10_000,
      intervalMs: 30,
    });
    expect((await notices(2)).filter((t) => t.includes('PagerDuty is not taking the page'))).toHaveLength(1);
  });

  it('shows the P1 page made when the acknowledgement window runs out', async () => {
    await h.command('incident declare P1 search results are empty');
    clock.advance(61 * 60_000);
    await h.bot.services.timers.poll();
    const shownCard = await card(3, 'Triggered');
    expect(shownCard).toContain('page on-call if not acknowledged within 60 min');
    expect(actionsFor(pd, 'bers-incident-3')).toEqual(['trigger']);
  });

  it('shows a manual page with who asked for it', async () => {
    await h.command('incident declare P3 typo on the status page');
    await h.command('incident page 4');
    expect(await card(4, 'Triggered')).toContain('requested by ada');
  });

  it('sends no acknowledge or resolve for an incident that was never paged', async () => {
    await h.command('incident declare P3 a broken link in the footer');
    const channel = { id: await channelOf(5), name: 'inc-5' };
    const ack = await h.click('bers:incident:acknowledge', '5', { channel });
    await h.slack.waitFor(() => h.slack.responsesTo(ack.responseId)[0], 10_000, 'the acknowledgement');
    await h.command('incident resolve 5 fixed the link');
    await h.bot.services.pagerduty.worker.kick();
    expect(pd.attempts.filter((e) => e.dedup_key === 'bers-incident-5')).toEqual([]);
  });

  it('pages even when Slack cannot make the channel, and posts the card once it can', async () => {
    h.slack.on('conversations.create', () => ({ ok: false, error: 'restricted_action' }));
    const { incident } = await h.bot.services.incidents.declare({ title: 'db is down', severity: 'P0' }, ada);
    await pd.waitFor(
      () => actionsFor(pd, `bers-incident-${incident.number}`).length === 1,
      20_000,
      'the page',
    );
    expect(pd.delivered.at(-1)!.links).toBeUndefined();
    h.slack.off('conversations.create');
    clock.advance(60_000);
    await h.bot.services.incidents.recover();
    expect(await card(incident.number, 'no channel link')).toContain('Triggered');
  });
});
