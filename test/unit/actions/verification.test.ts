import { describe, expect, it } from 'vitest';
import { verifyHealthy } from '../../../src/actions/verification.js';
import { ManualClock } from '../../../src/core/clock.js';
import type { HealthStatus } from '../../../src/health/model.js';

function sequence(statuses: HealthStatus[]) {
  let i = 0;
  return async () => ({ status: statuses[Math.min(i++, statuses.length - 1)]!, reason: 'HTTP 503' });
}

describe('verifyHealthy', () => {
  it('re-checks at the interval until healthy and says after how long', async () => {
    const clock = new ManualClock();
    const result = await verifyHealthy({
      check: sequence(['unhealthy', 'unhealthy', 'degraded', 'healthy']),
      clock,
      timeoutMs: 120_000,
      intervalMs: 14_000,
      sleep: async (ms) => clock.advance(ms),
    });
    expect(result).toEqual({ healthy: true, seconds: 42, status: 'healthy', attempts: 4 });
  });

  it('gives up at the timeout with the last status and reason', async () => {
    const clock = new ManualClock();
    const waits: number[] = [];
    const result = await verifyHealthy({
      check: sequence(['unhealthy']),
      clock,
      timeoutMs: 120_000,
      intervalMs: 50_000,
      sleep: async (ms) => {
        waits.push(ms);
        clock.advance(ms);
      },
    });
    expect(result).toEqual({
      healthy: false,
      seconds: 120,
      status: 'unhealthy',
      reason: 'HTTP 503',
      attempts: 4,
    });
    expect(waits).toEqual([50_000, 50_000, 20_000]);
  });

  it('counts a check that throws as unknown and keeps going', async () => {
    const clock = new ManualClock();
    let calls = 0;
    const result = await verifyHealthy({
      check: async () => {
        if (++calls === 1) throw new Error('connection refused');
        return { status: 'healthy' };
      },
      clock,
      timeoutMs: 10_000,
      intervalMs: 5_000,
      sleep: async (ms) => clock.advance(ms),
    });
    expect(result).toMatchObject({ healthy: true, seconds: 5, attempts: 2 });
  });

  it('works with short real intervals', async () => {
    const { systemClock } = await import('../../../src/core/clock.js');
    const result = await verifyHealthy({
      check: sequence(['unhealthy', 'healthy']),
      clock: systemClock,
      timeoutMs: 5_000,
      intervalMs: 10,
    });
    expect(result).toMatchObject({ healthy: true, attempts: 2 });
  });
});
