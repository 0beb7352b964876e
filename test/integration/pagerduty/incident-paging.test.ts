import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { configFrom } from '../../helpers/config.js';
import { FakePagerDuty } from '../../helpers/fake-pagerduty.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { actionsFor, ROUTING_KEY } from '../../helpers/pagerduty.js';

const SECRET = 'webhook-secret-for-incident-paging';
const MONDAY_10 = new Date('2026-01-05T10:00:00Z');

describe('incidents page through PagerDuty, and PagerDuty shows up in Slack', () => {
  let h: HttpBotHarness;
  let pd: FakePagerDuty;
  const clock = new ManualClock(MONDAY_10);
  const channelPosts = async (number: number) => {
    const incident = await h.bot.services.incidents.get(number);
    return h.slack
      .callsTo('chat.postMessage')
      .filter((c) => c.channel === incident?.channelId)
      .map((c) => String(c.text));
  };

  beforeAll(async () => {
    pd = await FakePagerDuty.start();
    h = await startHttpBot({
      config: configFrom(`
services:
  - name: checkout
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1 }]
  - name: search
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1 }]
pagerduty:
  services:
    search: { routingKey: not-a-valid-key }
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

  it('pages a P0 at declare with the incident number, and resolves it when the incident is resolved', async () => {
    await h.command('incident declare P0 checkout is down');
    await pd.waitFor(() => pd.delivered.length === 1, 20_000, 'the P0 page');
    expect(pd.delivered[0]).toMatchObject({
      event_action: 'trigger',
      dedup_key: 'bers-incident-1',
      payload: { severity: 'critical', custom_details: { incident: 1 } },
    });
    expect(pd.delivered[0]!.payload!.summary).toBe('[P0] checkout is down (incident #1)');
    // The channel is made first, so even the page at declare links to it.
    const channel = (await h.bot.services.incidents.get(1))!.channelId;
    expect(pd.delivered[0]!.links).toEqual([
      { href: `https://fake-team.slack.com/archives/${channel}`, text: 'Incident channel' },
    ]);
    await h.command('incident resolve 1 rolled back');
    await pd.waitFor(() => actionsFor(pd, 'bers-incident-1').length === 2, 20_000, 'the resolve');
    expect(actionsFor(pd, 'bers-incident-1')).toEqual(['trigger', 'resolve']);
  });

  it('shows an acknowledgement made in PagerDuty in the channel, the timeline and the incident', async () => {
    await h.command('incident declare P0 payments are down');
    await pd.waitFor(() => actionsFor(pd, 'bers-incident-2').length === 1, 20_000, 'the page');
    const body = JSON.stringify({
      event: {
        id: 'EV-ACK-2',
        event_type: 'incident.acknowledged',
        occurred_at: '2026-01-05T10:03:00Z',
        agent: { id: 'PU1', summary: 'Ada Lovelace', type: 'user_reference' },
        data: { id: 'PINC2', number: 7, incident_key: 'bers-incident-2', title: 'payments are down' },
      },
    });
    const signature = `v1=${createHmac('sha256', SECRET).update(body).digest('hex')}`;
    for (let i = 0; i < 2; i++) {
      await fetch(`${h.url}/webhooks/pagerduty`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-pagerduty-signature': signature,
          'x-webhook-id': 'WH-ACK-2',
        },
        body,
      });
      await h.bot.services.pagerduty!.inbox.settled();
    }
    const posts = await channelPosts(2);
    expect(posts.filter((t) => t.includes('Acknowledged in PagerDuty by Ada Lovelace'))).toHaveLength(1);
    const incident = await h.bot.services.incidents.get(2);
    expect(incident?.acknowledgedAt?.toISOString()).toBe('2026-01-05T10:03:00.000Z');
    const timeline = await h.bot.services.incidents.timeline(2);
    expect(timeline.filter((e) => e.kind === 'pagerduty-acknowledged')).toHaveLength(1);
    // Acknowledged by the pager itself: nothing is sent back to it.
    await h.bot.services.pagerduty!.worker.kick();
    expect(actionsFor(pd, 'bers-incident-2')).toEqual(['trigger']);
  });

  it('posts in the incident channel when PagerDuty refuses the page (400), and keeps the incident', async () => {
    const { incident } = await h.bot.services.incidents.declare(
      { title: 'search is down', severity: 'P0', services: ['search'] },
      { id: 'U0ADA', name: 'ada' },
    );
    const refused = await pdRefusal(incident.number);
    expect(refused).toContain(`PagerDuty did not accept the page for incident #${incident.number}`);
    expect(refused).toContain("'routing_key' is missing or blank");
    expect((await h.bot.services.incidents.get(incident.number))?.status).toBe('investigating');
  });

  it('does not page a P3 until someone runs /bers incident page', async () => {
    await h.command('incident declare P3 typo on the status page');
    const number = (await h.bot.services.incidents.listOpen()).find((i) => i.severity === 'P3')!.number;
    const key = `bers-incident-${number}`;
    await h.bot.services.pagerduty!.worker.kick();
    expect(pd.attempts.filter((e) => e.dedup_key === key)).toEqual([]);
    const { reply } = await h.command(`incident page ${number}`);
    expect(String(reply.text)).toContain(`On-call is being paged for incident #${number}`);
    await pd.waitFor(() => actionsFor(pd, key).length === 1, 20_000, 'the manual page');
    expect(pd.delivered.find((e) => e.dedup_key === key)?.payload?.severity).toBe('info');
  });

  async function pdRefusal(number: number): Promise<string> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const found = (await channelPosts(number)).find((t) => t.includes('PagerDuty did not accept'));
      if (found) return found;
      if (Date.now() > deadline) throw new Error('no refusal posted in the incident channel');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
});
