import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFrom } from '../../helpers/config.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { postSigned } from '../../helpers/slack-signing.js';

describe('/bers health over HTTP mode', () => {
  let h: HttpBotHarness;
  beforeAll(async () => {
    h = await startHttpBot({
      config: configFrom(`
services:
  - name: closed-port
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1, timeoutMs: 500 }]
`),
    });
  });
  afterAll(() => h.close());

  it('acks, then answers through response_url with Block Kit', async () => {
    const { status, reply } = await h.command('health');
    expect(status).toBe(200);
    expect(reply.response_type).toBe('in_channel');
    expect(JSON.stringify(reply.blocks)).toContain('closed-port');
    expect(reply.text).toMatch(/Health: unhealthy/);
  });

  it('rejects a forged signature with 401 and runs nothing', async () => {
    const before = h.slack.responses.length;
    const response = await postSigned(
      `${h.url}/slack/events`,
      'wrong-secret',
      'command=%2Fbers&text=health',
      'application/x-www-form-urlencoded',
    );
    expect(response.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(h.slack.responses.length).toBe(before);
  });
});
