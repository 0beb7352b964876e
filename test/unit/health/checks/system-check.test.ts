import { describe, expect, it } from 'vitest';
import { type SystemProbe, systemChecker } from '../../../../src/health/checks/system-check.js';
import { checkConfig, patient } from './check-config.js';

const probe = (memory: number, disk: number, cpu: number): SystemProbe => ({
  memoryPercent: async () => memory,
  diskPercent: async () => disk,
  cpuPercent: async () => cpu,
});

describe('system check (seed 002 thresholds by default)', () => {
  const config = checkConfig({ kind: 'system' });

  it('is healthy under every warning threshold', async () => {
    const outcome = await systemChecker(config, probe(45.2, 60.5, 25.3)).check(patient());
    expect(outcome).toMatchObject({ status: 'healthy', reason: 'memory 45.2%, disk / 60.5%, cpu 25.3%' });
  });

  it('degrades at a warning and names only what is wrong', async () => {
    const outcome = await systemChecker(config, probe(78.4, 60.5, 25.3)).check(patient());
    expect(outcome).toMatchObject({ status: 'degraded', reason: 'memory 78.4% ≥ 75%' });
  });

  it('is unhealthy at a critical threshold', async () => {
    const outcome = await systemChecker(config, probe(50, 93, 95)).check(patient());
    expect(outcome).toMatchObject({ status: 'unhealthy', reason: 'disk / 93.0% ≥ 90%, cpu 95.0% ≥ 90%' });
    expect(outcome.components!.map((c) => c.status)).toEqual(['healthy', 'unhealthy', 'degraded']);
  });

  it('uses configured thresholds and disk path', async () => {
    const custom = checkConfig({
      kind: 'system',
      memory: { critical: 40 },
      disk: { path: '/tmp', warning: 10 },
    });
    const outcome = await systemChecker(custom, probe(45, 20, 1)).check(patient());
    expect(outcome).toMatchObject({
      status: 'unhealthy',
      reason: 'memory 45.0% ≥ 40%, disk /tmp 20.0% ≥ 10%',
    });
  });

  it('measures this host for real', async () => {
    const outcome = await systemChecker(config).check(patient());
    expect(outcome.components!.map((c) => c.name)).toEqual(['memory', 'disk', 'cpu']);
    for (const key of ['memoryPercent', 'diskPercent', 'cpuPercent']) {
      expect(outcome.details![key]).toBeGreaterThanOrEqual(0);
      expect(outcome.details![key]).toBeLessThanOrEqual(100);
    }
  });
});
