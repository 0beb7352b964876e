import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BersMetricSource } from '../../../../src/integrations/bers/bers-metric-source.js';
import { json, startTarget, type TargetServer } from '../../../helpers/target-server.js';

describe('the period a metrics API is asked for', () => {
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
