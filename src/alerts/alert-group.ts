import type { Severity } from './model.js';
import { SEVERITIES, severityOf } from './model.js';

/** One alert of a notified group (the Alertmanager webhook's `alerts[]`). */
export interface GroupAlert {
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt?: string;
  fingerprint?: string;
}

/** A notification about a group of alerts: posted when firing, its message updated when resolved. */
export interface AlertGroup {
  groupKey: string;
  status: 'firing' | 'resolved';
  groupLabels: Record<string, string>;
  commonLabels: Record<string, string>;
  commonAnnotations: Record<string, string>;
  alerts: GroupAlert[];
}

export function groupTitle(group: AlertGroup): string {
  return (
    group.commonAnnotations.summary ??
    group.commonLabels.alertname ??
    (Object.values(group.groupLabels).join(' ') || 'alerts')
  );
}

/** The worst severity in the group. */
export function groupSeverity(group: AlertGroup): Severity {
  const levels = group.alerts.map((a) => SEVERITIES.indexOf(severityOf(a.labels.severity)));
  return SEVERITIES[Math.min(...levels, SEVERITIES.indexOf(severityOf(group.commonLabels.severity)))]!;
}

export function groupServices(group: AlertGroup): string[] {
  const services = new Set<string>();
  for (const alert of group.alerts) {
    const service = alert.labels.service ?? alert.labels.job;
    if (service) services.add(service);
  }
  return [...services];
}
