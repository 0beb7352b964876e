import { setTimeout as delay } from 'node:timers/promises';
import type { Clock } from '../core/clock.js';
import type { HealthStatus } from '../health/model.js';

export interface VerifyResult {
  healthy: boolean;
  seconds: number;
  status: HealthStatus;
  reason?: string;
  attempts: number;
  /** With a stable window: how long, and over how many checks, it stayed healthy. */
  stable?: { seconds: number; probes: number };
  /** It was healthy for a while and then not (seconds after the start, and what it turned into). */
  relapse?: { atSeconds: number; status: HealthStatus; reason?: string };
}

export interface VerifyOptions {
  check(): Promise<{ status: HealthStatus; reason?: string }>;
  clock: Clock;
  timeoutMs: number;
  intervalMs: number;
  /** Waits between checks; tests with a ManualClock pass one that advances the clock. */
  sleep?: (ms: number) => Promise<void>;
  /**
   * Healthy means `probes` consecutive healthy checks spanning at least `ms`, not one: a service
   * that crashes seconds after starting must not pass. The window must begin before the timeout;
   * once begun it runs to its end. Without it, the first healthy check passes.
   */
  stable?: { probes: number; ms: number };
}

/** Re-runs the check until it is healthy (for the stable window) or the timeout; never throws. */
export async function verifyHealthy(options: VerifyOptions): Promise<VerifyResult> {
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const probes = options.stable?.probes ?? 1;
  const windowMs = options.stable?.ms ?? 0;
  // Stable checks are spread so that `probes` of them fit in the window.
  const stableIntervalMs =
    probes > 1 ? Math.min(options.intervalMs, windowMs / (probes - 1)) : options.intervalMs;
  const started = options.clock.now().getTime();
  const elapsed = () => options.clock.now().getTime() - started;
  let attempts = 0;
  let streak = 0;
  let streakStart = 0;
  let relapse: VerifyResult['relapse'];
  for (;;) {
    attempts++;
    const outcome = await options.check().catch((error: unknown) => ({
      status: 'unknown' as HealthStatus,
      reason: (error as Error).message,
    }));
    const now = elapsed();
    const seconds = Math.round(now / 1000);
    if (outcome.status === 'healthy') {
      if (streak === 0) streakStart = now;
      streak++;
      const held = now - streakStart;
      if (streak >= probes && held >= windowMs) {
        const stable = options.stable ? { seconds: Math.round(held / 1000), probes: streak } : undefined;
        return {
          healthy: true,
          seconds,
          status: outcome.status,
          attempts,
          ...(stable && { stable }),
          ...(relapse && { relapse }),
        };
      }
      // Enough checks already: wait only for the rest of the window.
      const wait = streak >= probes ? Math.min(stableIntervalMs, windowMs - held) : stableIntervalMs;
      await sleep(Math.max(1, wait));
      continue;
    }
    if (streak > 0) relapse = { atSeconds: seconds, status: outcome.status, reason: outcome.reason };
    streak = 0;
    const remaining = options.timeoutMs - now;
    if (remaining <= 0) {
      return {
        healthy: false,
        seconds,
        status: outcome.status,
        reason: outcome.reason,
        attempts,
        ...(relapse && { relapse }),
      };
    }
    await sleep(Math.min(options.intervalMs, remaining));
  }
}
