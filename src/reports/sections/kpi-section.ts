import type { KpiRow, KpiSectionData, ReportSection } from '../report-model.js';
import type { KpiReading, KpiSource } from '../report-sources.js';

function verdictOf(reading: KpiReading): KpiRow['verdict'] {
  if (reading.value === undefined || Number.isNaN(reading.value)) return 'no data';
  const { comparator, value } = reading.target;
  const v = reading.value;
  const met =
    comparator === '<'
      ? v < value
      : comparator === '<='
        ? v <= value
        : comparator === '>'
          ? v > value
          : v >= value;
  return met ? 'met' : 'missed';
}

/** The KPI table against targets; missed targets first. Left out when no source or no KPI. */
export function kpiSection(source: KpiSource | undefined): ReportSection {
  return {
    id: 'kpis',
    title: 'KPIs',
    async gather(now, signal): Promise<KpiSectionData | undefined> {
      if (!source) return undefined;
      const readings = await source.readings(now, signal);
      if (readings.length === 0) return undefined;
      const rank = { missed: 0, 'no data': 1, met: 2 } as const;
      const rows = readings
        .map((r) => ({ ...r, verdict: verdictOf(r) }))
        .sort((a, b) => rank[a.verdict] - rank[b.verdict] || a.name.localeCompare(b.name));
      return { kind: 'kpis', rows };
    },
  };
}
