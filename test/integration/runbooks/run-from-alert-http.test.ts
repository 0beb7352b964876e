import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/store/store.js';
import { configFrom } from '../../helpers/config.js';
import { FakeSlack } from '../../helpers/fake-slack.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { storeBackends } from '../../helpers/stores.js';

// biome-ignore lint/suspicious/noExplicitAny: Block Kit JSON from the fake Slack is walked generically.
type Json = any;

const TOKEN = 'webhook-token-0123456789abcdef';
const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/alertmanager-webhook-v4.json', import.meta.url), 'utf8'),
) as Record<string, unknown> & { commonLabels: Record<string, string> };

const config = configFrom(
  `
services:
  - name: unjucks-api
    aliases: [api]
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1 }]
alerts:
  channel: "#alerts"
  webhook: { token: "\${AM_TOKEN}" }
runbooks:
  definitions:
    - name: high-error-rate
      title: High error rate
      matches: { alertname: "/HighErrorRate|ErrorRateHigh/" }
      steps:
        - note: "Check the last deploy first."
`,
  { AM_TOKEN: TOKEN },
);

const buttons = (message: Json): { action_id: string; value: string; text: { text: string } }[] =>
  (message.blocks ?? []).filter((b: Json) => b.type === 'actions').flatMap((b: Json) => b.elements);

describe('Run runbook on an alert notification', () => {
  let store: Store;
  let slack: FakeSlack;
  let h: HttpBotHarness;
  const post = (body: unknown) =>
    fetch(`${h.url}/webhooks/alertmanager`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    store = await storeBackends()[0]!.open();
    slack = await FakeSlack.start();
    h = await startHttpBot({ config, store, slack });
  });
  afterAll(async () => {
    await h.close();
    await slack.close();
    await store.close();
  });

  it('is offered when a runbook matches, and starts the walk for the alert’s service', async () => {
    expect((await post(fixture)).status).toBe(200);
    const note: Json = await slack.waitFor(
      () => slack.callsTo('chat.postMessage').find((c) => String(c.text).includes('FIRING')),
      15_000,
      'the notification',
    );
    expect(JSON.stringify(note.blocks)).toContain('Runbook: `high-error-rate`');
    const run = buttons(note).find((b) => b.text.text === 'Run runbook')!;
    expect(run).toBeDefined();

    const click = await h.click(run.action_id, run.value, { user: { id: 'U0ADA', name: 'ada' } });
    const answer: Json = await slack.waitFor(() => slack.responsesTo(click.responseId)[0], 15_000, 'answer');
    expect(String(answer.text)).toContain('Started *High error rate* for unjucks-api');
    expect(answer.replace_original).toBe(false);
    await slack.waitFor(
      () =>
        slack.callsTo('chat.postMessage').find((c) => String(c.text).startsWith('Runbook: High error rate')),
      15_000,
      'the walk header',
    );
  });

  it('answers a forged or stale button plainly, starting nothing', async () => {
    const before = slack.callsTo('chat.postMessage').length;
    for (const [value, says] of [
      ['{not json', 'malformed'],
      [JSON.stringify({ name: 'no-such-runbook' }), 'no-such-runbook'],
      [JSON.stringify({ name: 'high-error-rate', service: '<!channel>' }), 'Unknown service'],
    ] as const) {
      const click = await h.click('bers:runbook:start', value, { user: { id: 'U0EVE', name: 'eve' } });
      const answer: Json = await slack.waitFor(
        () => slack.responsesTo(click.responseId)[0],
        15_000,
        'answer',
      );
      expect(JSON.stringify(answer)).toContain(says);
      expect(JSON.stringify(answer)).not.toContain('<!channel>');
    }
    expect(slack.callsTo('chat.postMessage').length).toBe(before);
  });

  it('is not offered when no runbook matches', async () => {
    const other = {
      ...fixture,
      groupKey: '{}:{alertname="DiskFull"}',
      commonLabels: { ...fixture.commonLabels, alertname: 'DiskFull' },
      commonAnnotations: { summary: 'Disk full' },
    };
    expect((await post(other)).status).toBe(200);
    const note: Json = await slack.waitFor(
      () => slack.callsTo('chat.postMessage').find((c) => String(c.text).includes('Disk full')),
      15_000,
      'the notification',
    );
    expect(buttons(note).map((b) => b.text.text)).not.toContain('Run runbook');
  });
});
