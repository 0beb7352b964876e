import type { Severity } from './model.js';
import { SEVERITIES, severityOf } from './model.js';

/** One alert of a pushed group. */
export interface GroupAlert {
  status: 'firing' | 'resolved';
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** When it started (and ended), as the source wrote it. */
  startsAt: string;
  endsAt?: string;
  /** The source's own id for the alert (Alertmanager's fingerprint): what acknowledging it names. */
  sourceId?: string;
}

/**
 * A group of alerts a push source notified, in the bot's terms: posted when it fires, its message
 * updated when it resolves. Each push source's adapter maps its body to it (Alertmanager's v4
 * webhook: integrations/alertmanager/webhook-payload.ts); nothing here is a vendor's shape.
 */
export interface AlertGroup {
  /** The source's identity of the group: one channel message per key. */
  key: string;
  status: 'firing' | 'resolved';
  /** The labels the source grouped its alerts by. */
  groupLabels: Record<string, string>;
  /** The labels and annotations every alert of the group has. */
  labels: Record<string, string>;
  annotations: Record<string, string>;
  alerts: GroupAlert[];
}

export function groupTitle(group: AlertGroup): string {
  return (
    group.annotations.summary ??
    group.labels.alertname ??
    (Object.values(group.groupLabels).join(' ') || 'alerts')
  );
}

/** The worst severity in the group. */
export function groupSeverity(group: AlertGroup): Severity {
  const levels = group.alerts.map((a) => SEVERITIES.indexOf(severityOf(a.labels.severity)));
  return SEVERITIES[Math.min(...levels, SEVERITIES.indexOf(severityOf(group.labels.severity)))]!;
}

export function groupServices(group: AlertGroup): string[] {
  const services = new Set<string>();
  for (const alert of group.alerts) {
    const service = alert.labels.service ?? alert.labels.job;
    if (service) services.add(service);
  }
  return [...services];
}
