import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFrom } from '../../helpers/config.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';

describe('/bers report over HTTP mode', { timeout: 60_000 }, () => {
  let h: HttpBotHarness;
  beforeAll(async () => {
    h = await startHttpBot({
      config: configFrom(`
services:
  - name: closed-port
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1, timeoutMs: 500 }]
`),
    });
    await h.bot.services.audit.record({
      kind: 'operation',
      actor: { id: 'U0ADA', name: 'ada' },
      channel: { id: 'C0OPS', name: 'ops' },
      subject: 'restart',
      text: 'restart closed-port',
      outcome: 'ok',
      correlationId: 'c1',
      service: 'closed-port',
    });
  });
  afterAll(() => h.close());

  it('posts the daily report in the current channel, now', async () => {
    const { reply } = await h.command('report', undefined, { id: 'C0DEV', name: 'dev' });
    expect(reply.response_type).toBe('in_channel');
    expect(reply.text).toMatch(/^Daily health report — .* unhealthy$/);
    const blocks = JSON.stringify(reply.blocks);
    expect(blocks).toContain('*closed-port* unhealthy');
    expect(blocks).toContain('Restarts & rollbacks (24 h):* 1');
    expect(blocks).toContain('restart *closed-port* by ada');
    expect(blocks).not.toContain('late:');
  });

  it('takes no arguments', async () => {
    const { reply } = await h.command('report weekly');
    expect(reply.response_type).toBe('ephemeral');
    expect(String(reply.text)).toContain('takes no arguments');
  });
});
