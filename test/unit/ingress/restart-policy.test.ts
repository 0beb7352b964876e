import { describe, expect, it } from 'vitest';
import { CrashHistory, DEFAULT_RESTART_POLICY } from '../../../src/ingress/restart-policy.js';

describe('CrashHistory', () => {
  it('doubles the wait with each recent crash, capped, and gives up at the limit', () => {
    let now = 0;
    const history = new CrashHistory(DEFAULT_RESTART_POLICY, () => now);
    const waits = [1, 2, 3, 4, 5].map(() => {
      now += 1_000;
      return history.record();
    });
    expect(waits).toEqual([100, 200, 400, 800, undefined]);
    const capped = new CrashHistory(
      { ...DEFAULT_RESTART_POLICY, maxCrashes: 10, maxDelayMs: 300 },
      () => now,
    );
    expect([1, 2, 3, 4].map(() => capped.record())).toEqual([100, 200, 300, 300]);
  });

  it('forgets crashes older than the window: a crash now and then is never fatal', () => {
    let now = 0;
    const history = new CrashHistory(DEFAULT_RESTART_POLICY, () => now);
    for (let i = 0; i < 20; i++) {
      now += 15_000;
      expect(history.record()).toBeDefined();
    }
    expect(history.recent).toBe(4);
  });
});
