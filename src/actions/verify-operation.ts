import { setTimeout as delay } from 'node:timers/promises';
import type { EnvironmentActionsConfig } from '../config/actions-schema.js';
import type { VerifyConfig } from '../config/verify-schema.js';
import type { Clock } from '../core/clock.js';
import type { HealthService } from '../health/health-service.js';
import type { HealthStatus } from '../health/model.js';
import type { MetricService } from '../metrics/metric-service.js';
import { type VerifyResult, verifyHealthy } from './verification.js';

/** The `actions` settings verification falls back to. */
export interface VerifyDefaults {
  timeoutMs: number;
  intervalMs: number;
  stableProbes?: number;
  stableSeconds?: number;
}

export interface VerifyDeps {
  health: HealthService;
  /** KPIs, for `verify: { kind: metric }`; absent where metrics are not wired. */
  kpis?: Pick<MetricService, 'current'>;
  clock: Clock;
  sleep?: (ms: number) => Promise<void>;
}

/** What was verified, and how it went; `metric` names the KPI when that was the question. */
export type Verification = VerifyResult & { kind: 'health' | 'metric' | 'wait'; metric?: string };

/** Three healthy checks in a row unless configured otherwise: one healthy check proves little. */
const DEFAULT_STABLE_PROBES = 3;

/** Runs the operation's verification against the service; undefined for `verify: none`. Never throws. */
export async function verifyOperation(
  service: string,
  spec: VerifyConfig,
  settings: EnvironmentActionsConfig,
  defaults: VerifyDefaults,
  deps: VerifyDeps,
): Promise<Verification | undefined> {
  const { clock, sleep } = deps;
  switch (spec.kind) {
    case 'none':
      return undefined;
    case 'wait': {
      await (sleep ?? ((ms: number) => delay(ms)))(spec.seconds * 1000);
      return { kind: 'wait', healthy: true, seconds: spec.seconds, status: 'healthy', attempts: 0 };
    }
    case 'metric': {
      // The value that met the target is worth showing, not only the ones that missed it.
      let last: string | undefined;
      const result = await verifyHealthy({
        check: () => kpiProbe(deps.kpis, spec.metric, (reason) => (last = reason)),
        clock,
        timeoutMs: spec.timeoutSeconds * 1000,
        intervalMs: spec.intervalSeconds * 1000,
        sleep,
      });
      return { ...result, reason: result.reason ?? last, kind: 'metric', metric: spec.metric };
    }
    case 'health': {
      const intervalMs = (spec.intervalSeconds ?? 0) * 1000 || defaults.intervalMs;
      const probes =
        spec.stableProbes ?? settings.verifyStableProbes ?? defaults.stableProbes ?? DEFAULT_STABLE_PROBES;
      const stableSeconds = spec.stableSeconds ?? settings.verifyStableSeconds ?? defaults.stableSeconds;
      const timeoutSeconds = spec.timeoutSeconds ?? settings.verifyTimeoutSeconds;
      const result = await verifyHealthy({
        check: async () => {
          // Straight to the target: the breaker opened while it was down, and whether it is back is the question.
          const report = await deps.health.check([service], { bypassBreaker: true });
          const health = report.services[0]!;
          return { status: health.status, reason: health.reason };
        },
        clock,
        timeoutMs: timeoutSeconds === undefined ? defaults.timeoutMs : timeoutSeconds * 1000,
        intervalMs,
        sleep,
        stable: {
          probes,
          ms: stableSeconds === undefined ? (probes - 1) * intervalMs : stableSeconds * 1000,
        },
      });
      return { ...result, kind: 'health' };
    }
  }
}

/** A KPI as a health probe: on target is healthy, a breach unhealthy, no value unknown. */
async function kpiProbe(
  kpis: VerifyDeps['kpis'],
  metric: string,
  seen: (reason: string) => void,
): Promise<{ status: HealthStatus; reason?: string }> {
  if (!kpis) return { status: 'unknown', reason: 'metrics are not available to verification' };
  const row = await kpis.current(metric);
  const d = row.definition;
  const unit = d.unit ? ` ${d.unit}` : '';
  const value = row.current === undefined ? 'no value' : `${round(row.current)}${unit}`;
  const reason = `${value} (target ${d.comparison === 'below' ? '<' : '>'} ${d.target}${unit})`;
  seen(reason);
  if (row.status === 'ok') return { status: 'healthy', reason };
  return row.status === 'breach'
    ? { status: 'unhealthy', reason }
    : { status: 'unknown', reason: row.error ?? reason };
}

function round(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(4).replace(/\.?0+$/, '');
}
