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

/** Statuses in order, one per check; the last repeats. Records when (seconds) each check ran. */
function probe(clock: ManualClock, statuses: HealthStatus[]) {
  const started = clock.now().getTime();
  const at: number[] = [];
  let i = 0;
  return {
    at,
    check: async () => {
      at.push((clock.now().getTime() - started) / 1000);
      return { status: statuses[Math.min(i++, statuses.length - 1)]!, reason: 'connection refused' };
    },
  };
}

const run = (
  clock: ManualClock,
  check: () => Promise<{ status: HealthStatus }>,
  stable?: { probes: number; ms: number },
) =>
  verifyHealthy({
    check,
    clock,
    timeoutMs: 60_000,
    intervalMs: 5_000,
    sleep: async (ms) => clock.advance(ms),
    stable,
  });

describe('verification over a stable window', () => {
  it('passes only after N consecutive healthy checks spanning the window, not at the first one', async () => {
    const clock = new ManualClock();
    const p = probe(clock, ['unhealthy', 'healthy']);
    const result = await run(clock, p.check, { probes: 3, ms: 10_000 });
    expect(result).toEqual({
      healthy: true,
      seconds: 15,
      status: 'healthy',
      attempts: 4,
      stable: { seconds: 10, probes: 3 },
    });
    expect(p.at).toEqual([0, 5, 10, 15]);
  });

  it('fails a service that is healthy at once and crashes seconds later ("healthy after 0 s")', async () => {
    const clock = new ManualClock();
    const p = probe(clock, ['healthy', 'healthy', 'unhealthy']);
    const result = await run(clock, p.check, { probes: 3, ms: 30_000 });
    expect(result.healthy).toBe(false);
    expect(result.status).toBe('unhealthy');
    expect(result.relapse).toEqual({ atSeconds: 10, status: 'unhealthy', reason: 'connection refused' });
    expect(result.seconds).toBe(60);
  });

  it('starts the window again after a relapse, and passes if it then holds', async () => {
    const clock = new ManualClock();
    const p = probe(clock, ['healthy', 'unhealthy', 'healthy']);
    const result = await run(clock, p.check, { probes: 2, ms: 5_000 });
    expect(result).toMatchObject({ healthy: true, seconds: 15, stable: { seconds: 5, probes: 2 } });
    expect(result.relapse).toMatchObject({ atSeconds: 5 });
  });

  it('spreads the probes over a window shorter than their intervals', async () => {
    const clock = new ManualClock();
    const p = probe(clock, ['healthy']);
    const result = await run(clock, p.check, { probes: 5, ms: 2_000 });
    expect(result).toMatchObject({ healthy: true, seconds: 2, stable: { probes: 5 } });
    expect(p.at).toEqual([0, 0.5, 1, 1.5, 2]);
  });

  it('lets a window that began before the timeout finish after it', async () => {
    const clock = new ManualClock();
    const p = probe(clock, ['unhealthy', 'healthy']);
    const result = await verifyHealthy({
      check: p.check,
      clock,
      timeoutMs: 5_000,
      intervalMs: 5_000,
      sleep: async (ms) => clock.advance(ms),
      stable: { probes: 3, ms: 20_000 },
    });
    expect(result).toMatchObject({ healthy: true, seconds: 25, stable: { seconds: 20, probes: 5 } });
  });
});
