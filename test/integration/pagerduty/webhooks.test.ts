import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import type { PagerEvent } from '../../../src/incident/pager-events.js';
import { configFrom, MINIMAL_CONFIG } from '../../helpers/config.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';

const vector = JSON.parse(
  readFileSync(new URL('../../fixtures/pagerduty-webhook-v3-signing.json', import.meta.url), 'utf8'),
) as { secret: string; body: string; valid_signature: string };

const sign = (body: string, secret = vector.secret) =>
  `v1=${createHmac('sha256', secret).update(body).digest('hex')}`;

/** The fixture's incident, as an `incident.<type>` event from our page `bers-incident-42`. */
function incidentEvent(type: string, id: string): string {
  const body = JSON.parse(vector.body) as {
    event: Record<string, unknown> & { data: Record<string, unknown> };
  };
  body.event.id = id;
  body.event.event_type = type;
  body.event.data.incident_key = 'bers-incident-42';
  return JSON.stringify(body);
}

describe('POST /webhooks/pagerduty', () => {
  let h: HttpBotHarness;
  const received: PagerEvent[] = [];
  const clock = new ManualClock();

  beforeAll(async () => {
    h = await startHttpBot({
      config: configFrom(MINIMAL_CONFIG),
      clock,
      env: { PAGERDUTY_WEBHOOK_SECRET: vector.secret },
    });
    h.bot.services.pagerduty!.connect({
      events: {
        async pagerEvent(event) {
          received.push(event);
        },
      },
    });
  });
  afterAll(() => h.close());

  const post = (body: string, headers: Record<string, string>) =>
    fetch(`${h.url}/webhooks/pagerduty`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  const stored = async () =>
    Number((await h.store.query<{ n: string }>('SELECT count(*) AS n FROM pagerduty_webhooks'))[0]!.n);

  it('hands a signed incident.acknowledged to the incident domain once, however often it is delivered', async () => {
    const body = incidentEvent('incident.acknowledged', 'EV1');
    const headers = { 'x-pagerduty-signature': `v1=${'0'.repeat(64)},${sign(body)}`, 'x-webhook-id': 'WH-1' };
    const first = await post(body, headers);
    expect(first.status).toBe(202);
    await h.bot.services.pagerduty!.inbox.settled();
    const again = await post(body, headers);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: 'duplicate' });
    await h.bot.services.pagerduty!.inbox.settled();
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({
      kind: 'acknowledged',
      deliveryId: 'WH-1',
      dedupKey: 'bers-incident-42',
      by: 'Tenex Engineer',
      assignees: ['User 123'],
      vendorIncident: { id: 'PGR0VU2', number: 2, url: 'https://acme.pagerduty.com/incidents/PGR0VU2' },
    });
    expect(await stored()).toBe(1);
  });

  it('rejects a bad or missing signature without acting, with one log line', async () => {
    const body = incidentEvent('incident.resolved', 'EV2');
    const before = received.length;
    const bad = await post(body, {
      'x-pagerduty-signature': sign(body, 'another-secret'),
      'x-webhook-id': 'WH-2',
    });
    const missing = await post(body, { 'x-webhook-id': 'WH-3' });
    expect([bad.status, missing.status]).toEqual([401, 401]);
    const rejected = h.logs.lines().filter((l) => l.msg === 'PagerDuty webhook rejected');
    expect(rejected.map((l) => l.webhookId)).toEqual(['WH-2', 'WH-3']);
    expect(h.logs.text()).not.toContain(vector.secret);
    expect(received).toHaveLength(before);
    expect(await stored()).toBe(1);
  });

  it('ignores malformed JSON and event types it does not handle, changing nothing', async () => {
    const malformed = '{"event": ';
    const a = await post(malformed, { 'x-pagerduty-signature': sign(malformed), 'x-webhook-id': 'WH-4' });
    const b = await post(vector.body, {
      'x-pagerduty-signature': vector.valid_signature,
      'x-webhook-id': 'WH-5',
    });
    expect([a.status, b.status]).toEqual([400, 200]);
    expect(await b.json()).toEqual({ status: 'ignored' });
    const messages = h.logs.lines().map((l) => l.msg);
    expect(messages).toContain('PagerDuty webhook ignored: malformed JSON');
    expect(messages).toContain('PagerDuty webhook ignored: event type not handled');
    expect(await stored()).toBe(1);
  });

  it('processes again what the incident domain could not take', async () => {
    let fail = true;
    h.bot.services.pagerduty!.connect({
      events: {
        async pagerEvent(event) {
          if (fail) throw new Error('store unavailable');
          received.push(event);
        },
      },
    });
    const body = incidentEvent('incident.escalated', 'EV6');
    expect((await post(body, { 'x-pagerduty-signature': sign(body), 'x-webhook-id': 'WH-6' })).status).toBe(
      202,
    );
    await h.bot.services.pagerduty!.inbox.settled();
    expect(received.some((e) => e.deliveryId === 'WH-6')).toBe(false);
    fail = false;
    clock.advance(60_000);
    await h.bot.services.pagerduty!.inbox.processPending();
    expect(received.filter((e) => e.deliveryId === 'WH-6').map((e) => e.kind)).toEqual(['escalated']);
  });
});
