import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock.js';
import { configFrom } from '../../helpers/config.js';
import { FakeBers } from '../../helpers/fake-bers.js';
import { type HttpBotHarness, startHttpBot } from '../../helpers/http-bot.js';
import { freePort } from '../../helpers/prometheus-stack.js';
import { storeBackends } from '../../helpers/stores.js';

const NOW = new Date('2026-03-02T10:00:00Z');
const MIN = 60_000;

for (const backend of storeBackends()) {
  describe(`/bers alerts and metrics against the BERS monitoring API (${backend.name})`, () => {
    let h: HttpBotHarness;
    let bers: FakeBers;
    let slow: FakeBers;
    const clock = new ManualClock(NOW);
    const blocks = (reply: Record<string, unknown>) => JSON.stringify(reply.blocks ?? reply.text);
    const idOf = (text: string, name: string) =>
      new RegExp(`\`([0-9a-f]{6,})\` \\*${name}\\*`).exec(text)?.[1];

    beforeAll(async () => {
      bers = await FakeBers.start();
      slow = await FakeBers.start();
      slow.delayMs = 2_000;
      const closed = await freePort();
      bers.alerts = [
        {
          id: 'a-1',
          severity: 'critical',
          title: 'Environment detection failed',
          message: 'detection failing for 3 min',
          component: 'environment-resolver',
          timestamp: NOW.getTime() - 10 * MIN,
        },
        {
          id: 'a-2',
          severity: 'warning',
          title: 'Configuration resolution slow',
          message: 'resolution 131 ms > 100 ms',
          component: 'configuration',
          timestamp: NOW.getTime() - 10 * MIN,
        },
        {
          id: 'a-3',
          severity: 'info',
          title: 'Scheduled maintenance',
          message: 'cache rebuild at 22:00',
          timestamp: NOW.getTime() - 60 * MIN,
        },
      ];
      bers.metrics.set('configuration_resolution_time', {
        current: 75,
        history: Array.from({ length: 20 }, (_, i) => ({
          timestamp: NOW.getTime() - (20 - i) * 3 * MIN,
          value: 60 + i,
        })),
      });
      bers.metrics.set('cache_hit_rate', { current: 85 });
      h = await startHttpBot({
        store: await backend.open(),
        clock,
        config: configFrom(`
services:
  - name: web
    checks: [{ kind: tcp, host: 127.0.0.1, port: 1 }]
alerts:
  timeoutMs: 400
  sources:
    - { kind: bers, name: bers, url: "${bers.url}", service: bers }
    - { kind: bers, name: bers-slow, url: "${slow.url}" }
    - { kind: bers, name: bers-down, url: "http://127.0.0.1:${closed}" }
metrics:
  timeoutMs: 400
  definitions:
    - { name: configuration-resolution-time, title: Configuration Resolution Time, unit: ms, target: 100, comparison: below, source: { kind: service-api, url: "${bers.url}", metric: configuration_resolution_time } }
    - { name: cache-hit-rate, title: Cache Hit Rate, unit: "%", target: 90, comparison: above, source: { kind: service-api, url: "${bers.url}", metric: cache_hit_rate } }
    - { name: slow-metric, unit: ms, target: 1, comparison: below, source: { kind: service-api, url: "${slow.url}", metric: anything } }
`),
      });
    });
    afterAll(async () => {
      await h.close();
      await bers.close();
      await slow.close();
    });

    it('lists alerts by severity with age against the response target, naming the sources that failed', async () => {
      const { reply } = await h.command('alerts');
      const text = blocks(reply);
      expect(text.indexOf('Environment detection failed')).toBeLessThan(
        text.indexOf('Configuration resolution slow'),
      );
      expect(text.indexOf('Configuration resolution slow')).toBeLessThan(
        text.indexOf('Scheduled maintenance'),
      );
      expect(text).toContain('OVERDUE 10 min (target 5 min)');
      expect(text).toContain('10 min (target 30 min)');
      expect(text).toContain('1 h (target next business day)');
      expect(text).toContain('environment-resolver');
      expect(text).toContain(':warning: bers-slow did not answer within 400 ms');
      expect(text).toMatch(/:warning: bers-down failed: .*ECONNREFUSED/);
      expect(String(reply.text)).toContain('bers-slow, bers-down unavailable');
      const again = await h.command('alerts');
      expect(idOf(blocks(again.reply), 'Environment detection failed')).toBe(
        idOf(text, 'Environment detection failed'),
      );
    });

    it('acknowledges and resolves at the BERS API with who and why', async () => {
      const { reply } = await h.command('alerts');
      const id = idOf(blocks(reply), 'Configuration resolution slow')!;
      const acked = await h.command(`alerts ack ${id} investigating configuration issue`);
      expect(String(acked.reply.text)).toContain('acknowledged in bers');
      expect(bers.calls.find((c) => c.path === '/api/monitoring/alerts/a-2/acknowledge')?.body).toEqual({
        acknowledged_by: 'ada',
        reason: 'investigating configuration issue',
        operator: 'ada',
        notes: 'investigating configuration issue',
      });
      expect(blocks((await h.command('alerts')).reply)).toContain('_acknowledged_');
      const resolved = await h.command(`alerts resolve ${id.slice(0, 5)} fixed by clearing cache`);
      expect(String(resolved.reply.text)).toContain('resolved in bers');
      expect(bers.calls.find((c) => c.path === '/api/monitoring/alerts/a-2/resolve')?.body).toMatchObject({
        resolved_by: 'ada',
        resolution: 'fixed by clearing cache',
      });
      expect(blocks((await h.command('alerts')).reply)).not.toContain('Configuration resolution slow');
    });

    it('explains unknown, ambiguous and malformed ids', async () => {
      expect(String((await h.command('alerts ack ffff0000')).reply.text)).toContain(
        'No alert has the id `ffff0000`',
      );
      for (const [id, key] of [
        ['abcd11', 'x-1'],
        ['abcd22', 'x-2'],
      ]) {
        await h.store.query(
          'INSERT INTO alert_ids (short_id, source, alert_key, first_seen) VALUES ($1, $2, $3, $4)',
          [id, 'bers', key, NOW],
        );
      }
      const ambiguous = String((await h.command('alerts ack abcd')).reply.text);
      expect(ambiguous).toContain('`abcd` matches several alerts: `abcd11` (bers), `abcd22` (bers)');
      expect(String((await h.command('alerts ack abcd11')).reply.text)).toContain('is no longer active');
      expect(String((await h.command('alerts ack not-an-id')).reply.text)).toContain(
        'an alert id is the hex id',
      );
      expect(String((await h.command('alerts resolve')).reply.text)).toContain('name the alert id');
    });

    it('shows the KPI table, with the slow source explained', async () => {
      const { reply } = await h.command('metrics');
      const text = blocks(reply);
      // `<` and `>` in the targets are escaped: unescaped, Slack reads `<100 ms …` as a link.
      expect(text).toContain(
        ':white_check_mark: *Configuration Resolution Time* · target &lt;100 ms · current *75 ms*',
      );
      expect(text).toContain(':x: *Cache Hit Rate* · target &gt;90% · current *85%*');
      expect(text).toContain('slow-metric: the source did not answer within 400 ms');
    });

    it('charts a service-API metric from its history and rejects bad names and periods', async () => {
      const { reply } = await h.command('metrics configuration-resolution-time 1h');
      const text = blocks(reply);
      expect(text).toContain('average 69.5 ms · p95 78 ms · max 79 ms · min 60 ms (20 points)');
      const png = PNG.sync.read(h.slack.uploads.at(-1)!.bytes);
      expect(png.width).toBe(900);
      expect(String((await h.command('metrics nope')).reply.text)).toContain(
        'Known metrics: `configuration-resolution-time`, `cache-hit-rate`, `slow-metric`',
      );
      expect(String((await h.command('metrics cache-hit-rate 2w')).reply.text)).toContain(
        '`2w` is not a period',
      );
      expect(String((await h.command('metrics cache-hit-rate 90d')).reply.text)).toContain(
        '`90d` is not a period',
      );
    });
  });
}
