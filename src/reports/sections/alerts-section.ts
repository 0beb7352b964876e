import type { AlertsSectionData, ReportSection } from '../report-model.js';
import type { AlertSource } from '../report-sources.js';

const RANK: Record<string, number> = { critical: 0, error: 1, warning: 2, info: 3 };
const rankOf = (severity: string) => RANK[severity.toLowerCase()] ?? 2.5;

/** Active alerts grouped by severity, most severe first. Left out when alerts are not wired. */
export function alertsSection(source: AlertSource | undefined): ReportSection {
  return {
    id: 'alerts',
    title: 'Active alerts',
    async gather(now, signal): Promise<AlertsSectionData | undefined> {
      if (!source) return undefined;
      const alerts = await source.active(now, signal);
      const groups = new Map<string, AlertsSectionData['bySeverity'][number]['alerts']>();
      for (const a of alerts) {
        const key = a.severity.toLowerCase();
        groups.set(key, [
          ...(groups.get(key) ?? []),
          { name: a.name, service: a.service, since: a.since, summary: a.summary },
        ]);
      }
      const bySeverity = [...groups.entries()]
        .sort(([a], [b]) => rankOf(a) - rankOf(b) || a.localeCompare(b))
        .map(([severity, list]) => ({
          severity,
          alerts: list.sort((x, y) => x.since.getTime() - y.since.getTime()),
        }));
      return { kind: 'alerts', total: alerts.length, bySeverity };
    },
  };
}
