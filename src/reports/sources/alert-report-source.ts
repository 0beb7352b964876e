import type { AlertService } from '../../alerts/alert-service.js';
import type { AlertSource } from '../report-sources.js';

/**
 * The daily report's active alerts. Silenced or acknowledged alerts are someone's already; they are
 * left out. When some sources fail the others still count; only when all fail does the section fail
 * (and the report names it).
 */
export function alertReportSource(alerts: Pick<AlertService, 'list'>): AlertSource {
  return {
    async active() {
      const listing = await alerts.list();
      if (listing.sources.length > 0 && listing.failures.length === listing.sources.length) {
        throw new Error(listing.failures.map((f) => `${f.source}: ${f.reason}`).join('; '));
      }
      return listing.alerts
        .filter((a) => a.state === 'active')
        .map((a) => ({
          name: a.name,
          severity: a.severity,
          service: a.service,
          since: a.startsAt,
          summary: a.summary,
        }));
    },
  };
}
