import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import { parsePeriod, periodParam, stepSecondsFor } from '../../../src/metrics/period.js';

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
});
