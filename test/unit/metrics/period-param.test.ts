import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BersMetricSource } from '../../../src/integrations/bers/bers-metric-source.js';
import { parsePeriod, periodParam } from '../../../src/metrics/period.js';
import { json, startTarget, type TargetServer } from '../../helpers/target-server.js';

describe('the period a metrics API is asked for', () => {
  it.each([
    ['5m', '5m'],
    ['10m', '10m'],
    ['90m', '90m'],
    ['1h', '1h'],
    ['24h', '24h'],
    ['1d', '24h'],
    ['2d', '48h'],
    ['7d', '7d'],
    ['30d', '30d'],
  ])('%s is sent as period=%s, as the runbooks write it', (typed, sent) => {
    expect(periodParam(parsePeriod(typed).ms)).toBe(sent);
  });

  describe('against a BERS metrics API', () => {
    let target: TargetServer;
    beforeAll(async () => {
      target = await startTarget((_req, res) =>
        json(res, 200, { success: true, data: { current: 1, history: [] } }),
      );
    });
    afterAll(() => target.close());

    it('GETs /api/monitoring/metrics/<name>?period=24h for the last 24 hours', async () => {
      const source = new BersMetricSource(target.url, 'configuration_resolution_time');
      const end = new Date('2026-03-02T10:00:00Z');
      await source.series(new Date(end.getTime() - 86_400_000), end, 720, AbortSignal.timeout(2000));
      expect(target.requests.at(-1)!.path).toBe(
        '/api/monitoring/metrics/configuration_resolution_time?period=24h',
      );
    });
  });
});
