import { describe, expect, it } from 'vitest';
import { seriesStats } from '../../../src/metrics/stats.js';

describe('series statistics', () => {
  it('computes average, nearest-rank p95 and extremes', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(seriesStats(values)).toEqual({ count: 100, average: 50.5, p95: 95, max: 100, min: 1 });
    expect(seriesStats([Number.NaN, 3])).toMatchObject({ count: 1, p95: 3 });
    expect(seriesStats([])).toBeUndefined();
  });
});
