import { describe, expect, it } from 'vitest';
import { kpiStatus } from '../../../src/metrics/model.js';

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
});
