import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../../../src/integrations/pagerduty/backoff.js';

describe('retry timing', () => {
  it('grows exponentially with jitter, capped, and never undercuts Retry-After', () => {
    const options = { baseMs: 1000, maxMs: 30_000 };
    expect(retryDelayMs(1, options, () => 0)).toBe(500);
    expect(retryDelayMs(1, options, () => 1)).toBe(1000);
    expect(retryDelayMs(4, options, () => 1)).toBe(8000);
    expect(retryDelayMs(20, options, () => 1)).toBe(30_000);
    expect(retryDelayMs(1, { ...options, retryAfterMs: 7000 }, () => 0)).toBe(7000);
  });
});
