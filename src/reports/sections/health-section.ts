import type { HealthService } from '../../health/health-service.js';
import type { HealthStatus } from '../../health/model.js';
import type { HealthSectionData, ReportSection } from '../report-model.js';

const ORDER: Record<HealthStatus, number> = { unhealthy: 0, unknown: 1, degraded: 2, healthy: 3 };

/** Overall status and counts; every service that is not healthy, worst first, with its reason. */
export function healthSection(health: Pick<HealthService, 'check'>): ReportSection {
  return {
    id: 'health',
    title: 'Health',
    async gather(): Promise<HealthSectionData> {
      const report = await health.check();
      const counts: HealthSectionData['counts'] = {};
      for (const s of report.services) counts[s.status] = (counts[s.status] ?? 0) + 1;
      const attention = report.services
        .filter((s) => s.status !== 'healthy')
        .sort((a, b) => ORDER[a.status] - ORDER[b.status] || a.service.localeCompare(b.service))
        .map((s) => ({ service: s.service, status: s.status, reason: s.reason }));
      return {
        kind: 'health',
        overall: report.overall,
        counts,
        total: report.services.length,
        attention,
        checkedInMs: report.durationMs,
      };
    },
  };
}
