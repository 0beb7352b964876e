import { describe, expect, it } from 'vitest';
import { verifyHealthy } from '../../../src/actions/verification.js';
import { ManualClock } from '../../../src/core/clock.js';
import type { HealthStatus } from '../../../src/health/model.js';

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
