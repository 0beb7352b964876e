import type { MetricDefinition } from '../config/metrics-schema.js';

export type { MetricDefinition };

export interface Point {
  at: Date;
  value: number;
}

/**
 * Where a metric's numbers come from (Prometheus, a service's metrics API). Values are raw: the
 * service applies the definition's scale. Errors carry a message fit for the user.
 */
export interface MetricSource {
  current(signal: AbortSignal): Promise<number | undefined>;
  /** The series over [start, end]; empty when the source keeps no history. */
  series(start: Date, end: Date, stepSeconds: number, signal: AbortSignal): Promise<Point[]>;
}

export type KpiStatus = 'ok' | 'breach' | 'unknown';

/** Whether a value meets its target: `below` means under it is good, `above` over it. */
export function kpiStatus(definition: MetricDefinition, value: number | undefined): KpiStatus {
  if (value === undefined || !Number.isFinite(value)) return 'unknown';
  return (definition.comparison === 'below' ? value < definition.target : value > definition.target)
    ? 'ok'
    : 'breach';
}

/** Draws a series as a PNG (the vendor library stays behind this port). */
export interface ChartRenderer {
  render(chart: { title: string; unit: string; target: number; points: readonly Point[] }): Promise<Buffer>;
}
