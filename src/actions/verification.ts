import { setTimeout as delay } from 'node:timers/promises';
import type { Clock } from '../core/clock.js';
import type { HealthStatus } from '../health/model.js';

export interface VerifyResult {
  healthy: boolean;
  seconds: number;
  status: HealthStatus;
  reason?: string;
  attempts: number;
}

export interface VerifyOptions {
  check(): Promise<{ status: HealthStatus; reason?: string }>;
  clock: Clock;
  timeoutMs: number;
  intervalMs: number;
  /** Waits between checks; tests with a ManualClock pass one that advances the clock. */
  sleep?: (ms: number) => Promise<void>;
}

/** Re-runs the service's health checks until healthy or the timeout; never throws. */
export async function verifyHealthy(options: VerifyOptions): Promise<VerifyResult> {
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const started = options.clock.now().getTime();
  const elapsed = () => options.clock.now().getTime() - started;
  let attempts = 0;
  for (;;) {
    attempts++;
    const outcome = await options.check().catch((error: unknown) => ({
      status: 'unknown' as HealthStatus,
      reason: (error as Error).message,
    }));
    const seconds = Math.round(elapsed() / 1000);
    if (outcome.status === 'healthy') return { healthy: true, seconds, status: outcome.status, attempts };
    const remaining = options.timeoutMs - elapsed();
    if (remaining <= 0)
      return { healthy: false, seconds, status: outcome.status, reason: outcome.reason, attempts };
    await sleep(Math.min(options.intervalMs, remaining));
  }
}
