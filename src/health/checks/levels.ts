import type { HealthStatus } from '../model.js';

export interface Levels {
  warning?: number;
  critical?: number;
}

/** A value against its thresholds: at or above critical is unhealthy, at or above warning degraded. */
export function gradeLevel(value: number | undefined, levels: Levels | undefined): HealthStatus {
  if (value === undefined || !levels) return 'healthy';
  if (levels.critical !== undefined && value >= levels.critical) return 'unhealthy';
  if (levels.warning !== undefined && value >= levels.warning) return 'degraded';
  return 'healthy';
}

/** ` ≥ 10` for a value past a threshold, nothing otherwise: what a reason adds after the value. */
export function pastLevel(levels: Levels, status: HealthStatus): string {
  if (status === 'unhealthy') return ` ≥ ${levels.critical}`;
  if (status === 'degraded') return ` ≥ ${levels.warning}`;
  return '';
}
