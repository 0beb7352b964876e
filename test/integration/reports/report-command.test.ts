import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { configFrom } from '../../helpers/config.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';

describe('/bers report over HTTP mode', { timeout: 60_000 }, () => {
  let h: HttpBotHarness;
  const clock = new ManualClock(new Date('2026-01-05T10:00:00Z'));
  beforeAll(async () => {
    h = await startHttpBot({
      config: configFrom(`
services:
  - name: closed-port
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1, timeoutMs: 500 }]
`),
      clock,
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
    expect(blocks).toContain('Restarts &amp; rollbacks (24 h):* 1'); // `&` is escaped in mrkdwn
    expect(blocks).toContain('restart *closed-port* by ada');
    expect(blocks).not.toContain('late:');
  });

  it('takes no arguments', async () => {
    const { reply } = await h.command('report weekly');
    expect(reply.response_type).toBe('ephemeral');
    expect(String(reply.text)).toContain('takes no arguments');
  });

  it('includes the incidents open now and of the last 24 h, with time to acknowledge and MTTA', async () => {
    const { reply: declared } = await h.command('incident declare P1 Checkout is failing');
    expect(String(declared.text)).toContain('Declared incident #1');
    const incident = await h.bot.services.incidents.get(1);
    clock.advance(4 * 60_000);
    await h.click('bers:incident:acknowledge', '1', {
      channel: { id: incident!.channelId!, name: incident!.channelName! },
    });
    await h.slack.waitFor(() => h.slack.callsTo('chat.update').length > 0, 15_000, 'acknowledged');
    const { reply } = await h.command('report');
    const blocks = JSON.stringify(reply.blocks);
    expect(blocks).toContain('*Incidents:* 1 open · 1 in 24 h · 7 d: 1, MTTA 4m, MTTR —');
    expect(blocks).toContain('*#1* P1 Checkout is failing');
    expect(blocks).toContain('ack 4m');
  });
});
