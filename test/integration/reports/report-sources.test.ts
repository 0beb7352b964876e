import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { configFrom } from '../../helpers/config.js';
import { FakeBers } from '../../helpers/fake-bers.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';

describe('the daily report with the alerts and metrics areas configured', { timeout: 60_000 }, () => {
  let h: HttpBotHarness;
  let bers: FakeBers;
  const clock = new ManualClock(new Date('2026-01-05T09:00:00Z'));

  beforeAll(async () => {
    bers = await FakeBers.start();
    bers.alerts = [
      {
        id: 'a1',
        severity: 'critical',
        title: 'Environment detection failed',
        message: 'detection failing for 5 minutes',
        component: 'environment-resolver',
        timestamp: clock.now().getTime() - 20 * 60_000,
      },
    ];
    bers.metrics.set('configuration_resolution_time', { current: 131 });
    h = await startHttpBot({
      clock,
      config: configFrom(`
services:
  - name: bers
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1, timeoutMs: 300 }]
alerts:
  sources:
    - { kind: bers, name: bers, url: "${bers.url}", service: bers }
metrics:
  definitions:
    - name: configuration-resolution-time
      title: Configuration Resolution Time
      unit: ms
      target: 100
      comparison: below
      source: { kind: service-api, url: "${bers.url}", metric: configuration_resolution_time }
`),
    });
  });
  afterAll(async () => {
    await h.close();
    await bers.close();
  });

  it('shows the KPI against its target and the firing alert by severity', async () => {
    const { reply } = await h.command('report');
    const blocks = JSON.stringify(reply.blocks);
    expect(blocks).toContain('Configuration Resolution Time');
    expect(blocks).toContain('131');
    expect(blocks).toContain('Environment detection failed');
    expect(blocks).not.toContain('Could not gather');
  });

  it('names the alerts section as failed when its only source is down, and still posts the rest', async () => {
    await bers.close();
    const { reply } = await h.command('report');
    const blocks = JSON.stringify(reply.blocks);
    expect(blocks).toContain('Could not gather');
    expect(blocks).toContain('*bers* unhealthy');
  });
});
