import type { HealthStatus } from '../health/model.js';

/** The kinds of report a schedule can post. */
export type ReportKind = 'daily-health' | 'weekly-maintenance';

export interface HealthSectionData {
  kind: 'health';
  overall: HealthStatus;
  counts: Partial<Record<HealthStatus, number>>;
  total: number;
  /** Unhealthy, unknown and degraded services, worst first, with reasons. */
  attention: { service: string; status: HealthStatus; reason?: string }[];
  checkedInMs: number;
}

export interface KpiRow {
  name: string;
  service?: string;
  unit?: string;
  /** Undefined when the metric had no data. */
  value?: number;
  target: { comparator: '<' | '<=' | '>' | '>='; value: number };
  verdict: 'met' | 'missed' | 'no data';
}

export interface KpiSectionData {
  kind: 'kpis';
  rows: KpiRow[];
}

export interface AlertsSectionData {
  kind: 'alerts';
  total: number;
  /** Severity → alerts, most severe first. */
  bySeverity: {
    severity: string;
    alerts: { name: string; service?: string; since: Date; summary?: string }[];
  }[];
}

export interface IncidentLine {
  id: string;
  title: string;
  severity: string;
  status: string;
  service?: string;
  declaredAt: Date;
  /** Time to acknowledge / resolve, when it happened. */
  ttaMs?: number;
  ttrMs?: number;
}

export interface IncidentsSectionData {
  kind: 'incidents';
  open: IncidentLine[];
  /** Declared or resolved in the last 24 h (open ones included). */
  lastDay: IncidentLine[];
  /** Over the last 7 days; undefined when nothing was acknowledged / resolved. */
  mttaMs?: number;
  mttrMs?: number;
  weekCount: number;
}

export interface OperationLine {
  at: Date;
  action: string;
  service: string;
  actor: string;
  outcome: string;
  text: string;
}

export interface OperationsSectionData {
  kind: 'operations';
  lines: OperationLine[];
  /** How many there were when more than were listed. */
  total: number;
}

export interface ChecklistSectionData {
  kind: 'checklist';
  intro: string;
  groups: { title: string; items: string[] }[];
}

/** Maintenance windows under way or starting within the next 24 h. */
export interface MaintenanceSectionData {
  kind: 'maintenance';
  windows: {
    id: number;
    title: string;
    services: string[];
    startsAt: Date;
    endsAt: Date;
    running: boolean;
  }[];
}

export type SectionData =
  | MaintenanceSectionData
  | HealthSectionData
  | KpiSectionData
  | AlertsSectionData
  | IncidentsSectionData
  | OperationsSectionData
  | ChecklistSectionData;

/**
 * One part of a report, gathered from one source. `gather` answers undefined when its source is
 * not configured (the section is left out) and throws when the source failed (the report still
 * posts and names the failure). It must honour `signal` (aborted at the report's deadline).
 */
export interface ReportSection {
  readonly id: string;
  readonly title: string;
  gather(now: Date, signal: AbortSignal): Promise<SectionData | undefined>;
}

export interface GatheredSection {
  id: string;
  title: string;
  data: SectionData;
}

export interface SectionFailure {
  id: string;
  title: string;
  error: string;
}

export interface Report {
  kind: ReportKind;
  title: string;
  /** The instant the report is about (the schedule's slot, or now for `/bers report`). */
  at: Date;
  timezone: string;
  sections: GatheredSection[];
  failures: SectionFailure[];
  /** Set when a scheduled run was missed and posted after its slot. */
  late?: { slot: Date; reason: string };
  /** The schedule and slot that produced it, if any. */
  scheduleId?: string;
  slot?: Date;
  durationMs: number;
}
