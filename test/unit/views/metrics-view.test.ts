import { describe, expect, it } from 'vitest';
import { formatValue } from '../../../src/views/metrics-view.js';

describe('KPI status', () => {
  it('formats values with their unit', () => {
    expect(formatValue(75, 'ms')).toBe('75 ms');
    expect(formatValue(0.4, '%')).toBe('0.4%');
    expect(formatValue(99.95, '%')).toBe('99.95%');
    expect(formatValue(undefined, 'ms')).toBe('—');
  });
});
