import type { MetricService } from '../../metrics/metric-service.js';
import type { KpiSource } from '../report-sources.js';

/** The daily report's KPI table, read from the configured metrics (`/bers metrics`). */
export function kpiReportSource(metrics: Pick<MetricService, 'kpis'>): KpiSource {
  return {
    async readings() {
      const rows = await metrics.kpis();
      return rows.map((row) => ({
        name: row.definition.title ?? row.definition.name,
        unit: row.definition.unit || undefined,
        value: row.current,
        target: {
          comparator: row.definition.comparison === 'below' ? '<' : '>',
          value: row.definition.target,
        },
      }));
    },
  };
}
