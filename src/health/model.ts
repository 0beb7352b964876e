export type HealthStatus = 'healthy' | 'degraded' | 'unhealthy' | 'unknown';

/** What a checker found, before the runner adds timing and names. */
export interface CheckOutcome {
  status: HealthStatus;
  /** Why the status is what it is, in a few words ("HTTP 503", "memory 91% ≥ 90%"). */
  reason?: string;
  details?: Record<string, unknown>;
  /** Sub-checks the target reported itself (BERS, Upload Bridge). */
  components?: { name: string; status: HealthStatus; reason?: string }[];
}

export interface CheckResult extends CheckOutcome {
  name: string;
  kind: string;
  latencyMs: number;
  critical: boolean;
}

export interface ServiceHealth {
  service: string;
  description?: string;
  status: HealthStatus;
  /** The slowest check's latency: how long this service took to answer. */
  latencyMs: number;
  reason?: string;
  checks: CheckResult[];
}

export interface HealthReport {
  at: Date;
  durationMs: number;
  /**
   * When some answers came from an earlier run's call (shared, see shared-check.ts): how old the
   * oldest of them was. Absent when every answer is this run's own, or arrived during it.
   */
  sharedAgeMs?: number;
  overall: HealthStatus;
  services: ServiceHealth[];
}

/**
 * A probe of one target. It must honour `signal` (aborted at the check's timeout or the overall
 * deadline) and may throw: a throw counts as unhealthy with the error's message as the reason.
 */
export interface Checker {
  readonly kind: string;
  check(signal: AbortSignal): Promise<CheckOutcome>;
}

const SEVERITY: Record<HealthStatus, number> = { healthy: 0, degraded: 1, unknown: 2, unhealthy: 3 };

export function worstOf(statuses: readonly HealthStatus[]): HealthStatus {
  return statuses.reduce<HealthStatus>((worst, s) => (SEVERITY[s] > SEVERITY[worst] ? s : worst), 'healthy');
}

/**
 * A service is as bad as its worst critical check; a non-critical check that fails only degrades it.
 */
export function serviceStatusOf(checks: readonly CheckResult[]): HealthStatus {
  return worstOf(checks.map((c) => (c.critical || c.status === 'healthy' ? c.status : 'degraded')));
}
