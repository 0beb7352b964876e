import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFrom } from '../../helpers/config.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';

const TOKEN = 'webhook-token-0123456789abcdef';
const fixture = JSON.parse(
  readFileSync(new URL('../../fixtures/alertmanager-webhook-v4.json', import.meta.url), 'utf8'),
) as { groupKey: string; commonAnnotations: Record<string, string>; alerts: Record<string, unknown>[] };

const config = configFrom(
  `
services:
  - name: web
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1 }]
alerts:
  channel: "#alerts"
  webhook: { token: "\${AM_TOKEN}" }
`,
  { AM_TOKEN: TOKEN },
);

describe('an Alertmanager group whose labels and annotations carry Slack markup', () => {
  let h: HttpBotHarness;
  beforeAll(async () => {
    h = await startHttpBot({ config });
  });
  afterAll(() => h.close());

  it('posts the title, labels and descriptions escaped: no @channel, no disguised link', async () => {
    const evil = {
      ...fixture,
      groupKey: '{}:{alertname="Evil"}',
      commonAnnotations: { summary: '<!channel> <https://evil.example|Runbook> & more' },
      alerts: fixture.alerts.map((a) => ({
        ...a,
        labels: { ...(a.labels as object), alertname: '<!here>', service: '<!subteam^S0SRE|@sre>' },
        annotations: { description: '<https://evil.example|click me>' },
      })),
    };
    const response = await fetch(`${h.url}/webhooks/alertmanager`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify(evil),
    });
    expect(response.status).toBeLessThan(300);
    const post = await h.slack.waitFor(() => h.slack.callsTo('chat.postMessage')[0], 10_000, 'alert post');
    expect(post.channel).toBe('#alerts');
    expect(h.slack.liveMarkup()).toEqual([]);
    const blocks = JSON.stringify(post.blocks);
    expect(blocks).toContain('FIRING (1): &lt;!channel&gt; &lt;https://evil.example|Runbook&gt; &amp; more');
    expect(blocks).toContain(
      '*&lt;!here&gt;* · &lt;!subteam^S0SRE|@sre&gt; — &lt;https://evil.example|click me&gt;',
    );
    // The header is plain_text, which Slack shows as written and never parses.
    expect(blocks).toContain(
      '"type":"plain_text","text":"FIRING (1): <!channel> <https://evil.example|Runbook> & more"',
    );
    expect(String(post.text)).toContain('&lt;!channel&gt;');
  });
});
