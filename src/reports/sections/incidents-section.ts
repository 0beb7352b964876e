import type { IncidentLine, IncidentsSectionData, ReportSection } from '../report-model.js';
import type { IncidentRecord, IncidentSource } from '../report-sources.js';

const DAY_MS = 86_400_000;

function lineOf(i: IncidentRecord): IncidentLine {
  return {
    id: i.id,
    title: i.title,
    severity: i.severity,
    status: i.status,
    service: i.service,
    declaredAt: i.declaredAt,
    ttaMs: i.acknowledgedAt ? i.acknowledgedAt.getTime() - i.declaredAt.getTime() : undefined,
    ttrMs: i.resolvedAt ? i.resolvedAt.getTime() - i.declaredAt.getTime() : undefined,
  };
}

function mean(values: number[]): number | undefined {
  return values.length === 0 ? undefined : Math.round(values.reduce((a, b) => a + b, 0) / values.length);
}

/**
 * Incidents open now and those of the last 24 h with time to acknowledge and resolve; MTTA and
 * MTTR over the incidents declared in the last 7 days. Left out when incidents are not wired.
 */
export function incidentsSection(source: IncidentSource | undefined): ReportSection {
  return {
    id: 'incidents',
    title: 'Incidents',
    async gather(now, signal): Promise<IncidentsSectionData | undefined> {
      if (!source) return undefined;
      const from = new Date(now.getTime() - 7 * DAY_MS);
      const records = await source.incidents({ from, to: now }, signal);
      const dayAgo = now.getTime() - DAY_MS;
      const byDeclared = (a: IncidentLine, b: IncidentLine) =>
        b.declaredAt.getTime() - a.declaredAt.getTime();
      const open = records
        .filter((i) => !i.resolvedAt || i.resolvedAt > now)
        .map(lineOf)
        .sort(byDeclared);
      const lastDay = records
        .filter((i) => i.declaredAt.getTime() > dayAgo || (i.resolvedAt && i.resolvedAt.getTime() > dayAgo))
        .map(lineOf)
        .sort(byDeclared);
      const week = records.filter((i) => i.declaredAt >= from).map(lineOf);
      return {
        kind: 'incidents',
        open,
        lastDay,
        weekCount: week.length,
        mttaMs: mean(week.flatMap((i) => (i.ttaMs === undefined ? [] : [i.ttaMs]))),
        mttrMs: mean(week.flatMap((i) => (i.ttrMs === undefined ? [] : [i.ttrMs]))),
      };
    },
  };
}
