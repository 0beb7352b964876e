import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import { kpiStatus } from '../../../src/metrics/model.js';
import { parsePeriod, stepSecondsFor } from '../../../src/metrics/period.js';
import { seriesStats } from '../../../src/metrics/stats.js';
import { formatValue } from '../../../src/views/metrics-view.js';

describe('periods', () => {
  it('accepts 5m, 1h, 24h, 7d', () => {
    expect(parsePeriod('5m').ms).toBe(300_000);
    expect(parsePeriod('1h').ms).toBe(3_600_000);
    expect(parsePeriod('24H').text).toBe('24h');
    expect(parsePeriod('7d').ms).toBe(7 * 86_400_000);
  });
  it.each(['', '0m', '5', '1w', '31d', '-1h', '1.5h', 'abc'])('refuses %j as a usage error', (text) => {
    expect(() => parsePeriod(text)).toThrow(UsageError);
  });
  it('asks Prometheus for about 120 points', () => {
    expect(stepSecondsFor(parsePeriod('1h'))).toBe(30);
    expect(stepSecondsFor(parsePeriod('7d'))).toBe(5040);
  });
});

describe('series statistics', () => {
  it('computes average, nearest-rank p95 and extremes', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(seriesStats(values)).toEqual({ count: 100, average: 50.5, p95: 95, max: 100, min: 1 });
    expect(seriesStats([Number.NaN, 3])).toMatchObject({ count: 1, p95: 3 });
    expect(seriesStats([])).toBeUndefined();
  });
});

describe('KPI status', () => {
  const below = {
    name: 'x',
    unit: 'ms',
    target: 100,
    comparison: 'below' as const,
    scale: 1,
    source: { kind: 'prometheus' as const, query: 'x' },
  };
  it('compares against the target in the configured direction', () => {
    expect(kpiStatus(below, 75)).toBe('ok');
    expect(kpiStatus(below, 100)).toBe('breach');
    expect(kpiStatus({ ...below, comparison: 'above', target: 90 }, 95)).toBe('ok');
    expect(kpiStatus(below, undefined)).toBe('unknown');
  });
  it('formats values with their unit', () => {
    expect(formatValue(75, 'ms')).toBe('75 ms');
    expect(formatValue(0.4, '%')).toBe('0.4%');
    expect(formatValue(99.95, '%')).toBe('99.95%');
    expect(formatValue(undefined, 'ms')).toBe('—');
  });
});
