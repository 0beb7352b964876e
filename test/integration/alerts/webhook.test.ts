import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/store.js';
import { configFrom } from '../../helpers/config.js';
import { FakeSlack } from '../../helpers/fake-slack.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { storeBackends } from '../../helpers/stores.js';

const TOKEN = 'webhook-token-0123456789abcdef';
const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/alertmanager-webhook-v4.json', import.meta.url), 'utf8'),
) as Record<string, unknown> & { alerts: Record<string, unknown>[] };

const config = configFrom(
  `
services:
  - name: web
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1 }]
alerts:
  channel: "#alerts"
  routes:
    - { match: { team: payments }, channel: "#payments" }
    - { match: { team: "/plat.*/", severity: critical }, channel: "#platform-critical" }
  webhook: { token: "\${AM_TOKEN}" }
`,
  { AM_TOKEN: TOKEN },
);

function resolvedOf(payload: typeof fixture) {
  return {
    ...payload,
    status: 'resolved',
    alerts: payload.alerts.map((a) => ({ ...a, status: 'resolved', endsAt: '2026-11-22T08:20:00Z' })),
  };
}

for (const backend of storeBackends()) {
  describe(`POST /webhooks/alertmanager (${backend.name})`, () => {
    let store: Store;
    let slack: FakeSlack;
    let h: HttpBotHarness;
    const post = (body: unknown, token = TOKEN) =>
      fetch(`${h.url}/webhooks/alertmanager`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    const stored = async () => (await store.query('SELECT * FROM alert_notifications')).length;

    beforeAll(async () => {
      store = await backend.open();
      slack = await FakeSlack.start();
      h = await startHttpBot({ config, store, slack });
    });
    afterAll(async () => {
      await h.close();
      await slack.close();
      await store.close();
    });

    it('refuses a missing or wrong token and a bad body with 4xx, storing and posting nothing', async () => {
      expect((await post(fixture, '')).status).toBe(401);
      expect((await post(fixture, 'wrong-token-0123456789abcdef')).status).toBe(401);
      expect((await post('{not json')).status).toBe(400);
      const v3 = await post({ ...fixture, version: '3' });
      expect(v3.status).toBe(400);
      expect(JSON.stringify(await v3.json())).toContain('only webhook version \\"4\\"');
      const noAlerts = await post({ ...fixture, alerts: 'none' });
      expect(noAlerts.status).toBe(400);
      expect(await stored()).toBe(0);
      expect(slack.callsTo('chat.postMessage')).toHaveLength(0);
    });

    it('posts a firing group (unknown keys accepted) to the routed channel with the three buttons', async () => {
      const response = await post({ ...fixture, notification_reason: 'new', routeLabels: { x: 'y' } });
      expect(response.status).toBe(200);
      const message = slack.callsTo('chat.postMessage')[0]!;
      expect(message.channel).toBe('#platform-critical');
      expect(String(message.text)).toContain('FIRING (1): High error rate detected');
      const text = JSON.stringify(message.blocks);
      expect(text).toContain('Error rate is 6.2%');
      expect(text).toContain('unjucks-api');
      for (const id of ['group-ack', 'group-silence', 'group-declare'])
        expect(text).toContain(`bers:alerts:${id}`);
      expect(await stored()).toBe(1);
    });

    it('updates the same message when the group changes and when it resolves, even after a restart', async () => {
      const original = slack.callsTo('chat.postMessage')[0]!;
      const [row] = await store.query<{ channel: string; ts: string }>(
        'SELECT channel, ts FROM alert_notifications',
      );
      const second = {
        ...fixture.alerts[0],
        labels: { ...(fixture.alerts[0]!.labels as object), instance: '10.0.3.18:3000' },
        fingerprint: 'ffff000011112222',
      };
      expect((await post({ ...fixture, alerts: [fixture.alerts[0], second] })).status).toBe(200);
      expect(String(slack.callsTo('chat.update').at(-1)!.text)).toContain('FIRING (2)');

      await h.close();
      h = await startHttpBot({ config, store, slack });
      expect((await post(resolvedOf(fixture))).status).toBe(200);
      const update = slack.callsTo('chat.update').at(-1)!;
      expect(update.ts).toBe(row!.ts);
      expect(update.channel).toBe(row!.channel);
      expect(String(update.text)).toContain('RESOLVED: High error rate detected');
      expect(JSON.stringify(update.blocks)).not.toContain('bers:alerts:group-ack');
      expect(slack.callsTo('chat.postMessage')).toEqual([original]);
    });

    it('does not post a resolved group it never saw, and posts anew when a resolved group fires again', async () => {
      const other = {
        ...fixture,
        groupKey: '{}:{alertname="Other"}',
        commonLabels: { alertname: 'Other', team: 'payments' },
      };
      expect((await post(resolvedOf(other))).status).toBe(200);
      expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
      expect((await post(fixture)).status).toBe(200);
      expect(slack.callsTo('chat.postMessage')).toHaveLength(2);
      expect((await post(other)).status).toBe(200);
      expect(slack.callsTo('chat.postMessage').at(-1)!.channel).toBe('#payments');
    });

    it('declares an incident from the Declare incident button, once even when clicked twice', async () => {
      const [row] = await store.query<{ id: string }>(
        'SELECT id FROM alert_notifications ORDER BY id LIMIT 1',
      );
      const click = await h.click('bers:alerts:group-declare', row!.id);
      const answer = await slack.waitFor(
        () => slack.responsesTo(click.responseId)[0],
        10_000,
        'declare reply',
      );
      expect(String(answer.text)).toMatch(/Declared incident #\d+ \(P\d\)/);
      const again = await h.click('bers:alerts:group-declare', row!.id);
      const second = await slack.waitFor(
        () => slack.responsesTo(again.responseId)[0],
        10_000,
        'second declare',
      );
      expect(String(second.text)).toMatch(/already has incident #\d+/);
      expect(slack.callsTo('conversations.create')).toHaveLength(1);
      const ack = await h.click('bers:alerts:group-ack', row!.id);
      const refused = await slack.waitFor(() => slack.responsesTo(ack.responseId)[0], 10_000, 'ack reply');
      expect(String(refused.text)).toContain('No Alertmanager source is configured');
    });
    it('prefills the incident from the alert once an IncidentDeclarer is wired', async () => {
      const drafts: unknown[] = [];
      h.bot.services.incidentDeclarer = {
        async declare(draft, actor) {
          drafts.push({ draft, actor: actor.id });
          return { text: 'Incident #1 declared' };
        },
      };
      const id = (
        await store.query<{ id: string }>('SELECT id FROM alert_notifications WHERE group_key = $1', [
          fixture.groupKey,
        ])
      )[0]!.id;
      const click = await h.click('bers:alerts:group-declare', id);
      const answer = await slack.waitFor(
        () => slack.responsesTo(click.responseId)[0],
        10_000,
        'declare reply',
      );
      expect(String(answer.text)).toBe('Incident #1 declared');
      expect(drafts).toEqual([
        {
          draft: {
            severity: 'P1',
            title: 'High error rate detected',
            services: ['unjucks-api'],
            impact: 'Error rate is 6.2%',
            requestKey: expect.stringMatching(new RegExp(`^alert-group:${id}:1700000000\\.\\d+$`)),
            origin: 'alert HighErrorRate (critical, 1 firing)',
          },
          actor: 'U0ADA',
        },
      ]);
    });
  });
}
