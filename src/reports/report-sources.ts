/**
 * What the daily report asks of the other areas. Each is optional: a source that is not wired
 * (its area is absent or not configured) leaves its section out of the report. The composition
 * root (src/build-services.ts) passes adapters over the maintenance, incident, alerts and metrics
 * services.
 */

/** A KPI against its target, e.g. "p95 upload latency < 500 ms". */
export interface KpiReading {
  name: string;
  service?: string;
  unit?: string;
  /** The current value; undefined when the metric had no data. */
  value?: number;
  target: { comparator: '<' | '<=' | '>' | '>='; value: number };
}

export interface KpiSource {
  /** Current readings of every configured KPI; an empty list means none is configured. */
  readings(now: Date, signal: AbortSignal): Promise<KpiReading[]>;
}

export interface ActiveAlert {
  name: string;
  /** `critical`, `warning`, `info`, or the source's own word; critical sorts first. */
  severity: string;
  service?: string;
  /** When it started firing. */
  since: Date;
  summary?: string;
}

export interface AlertSource {
  /** Alerts firing at `now` (not resolved, not silenced). */
  active(now: Date, signal: AbortSignal): Promise<ActiveAlert[]>;
}

export interface IncidentRecord {
  id: string;
  title: string;
  severity: string;
  /** e.g. `open`, `acknowledged`, `resolved`; anything without `resolvedAt` counts as open. */
  status: string;
  service?: string;
  declaredAt: Date;
  acknowledgedAt?: Date;
  resolvedAt?: Date;
}

export interface IncidentSource {
  /** Every incident open at `to`, plus every one declared or resolved within [from, to]. */
  incidents(range: { from: Date; to: Date }, signal: AbortSignal): Promise<IncidentRecord[]>;
}

export interface MaintenanceWindowRecord {
  id: number;
  title: string;
  services: string[];
  startsAt: Date;
  endsAt: Date;
}

export interface MaintenanceSource {
  /** Windows not over and not cancelled at `now`, soonest first. */
  upcoming(now: Date): Promise<MaintenanceWindowRecord[]>;
}

export interface ReportSources {
  maintenance?: MaintenanceSource;
  kpis?: KpiSource;
  alerts?: AlertSource;
  incidents?: IncidentSource;
}
