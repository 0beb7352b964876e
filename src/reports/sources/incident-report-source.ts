import type { IncidentService } from '../../incident/incident-service.js';
import type { IncidentRecord, IncidentSource } from '../report-sources.js';

type IncidentQueries = Pick<IncidentService, 'listOpen' | 'declaredOrResolvedSince'>;

/** Private incidents are counted and timed, but their titles stay out of a channel-wide report. */
const PRIVATE_TITLE = '(private incident)';

/** The daily report's view of the incident area: open ones plus those declared or resolved since `from`. */
export function incidentReportSource(incidents: IncidentQueries): IncidentSource {
  return {
    async incidents({ from }) {
      const [open, recent] = await Promise.all([
        incidents.listOpen(),
        incidents.declaredOrResolvedSince(from),
      ]);
      const byNumber = new Map<number, IncidentRecord>();
      for (const i of recent) {
        byNumber.set(i.number, {
          id: `#${i.number}`,
          title: i.isPrivate ? PRIVATE_TITLE : i.title,
          severity: i.severity,
          status: i.resolvedAt ? 'resolved' : i.acknowledgedAt ? 'acknowledged' : 'open',
          declaredAt: i.declaredAt,
          acknowledgedAt: i.acknowledgedAt,
          resolvedAt: i.resolvedAt,
        });
      }
      for (const i of open) {
        byNumber.set(i.number, {
          id: `#${i.number}`,
          title: i.isPrivate ? PRIVATE_TITLE : i.title,
          severity: i.severity,
          status: i.status,
          service: i.services[0],
          declaredAt: i.declaredAt,
          acknowledgedAt: i.acknowledgedAt,
          resolvedAt: i.resolvedAt,
        });
      }
      return [...byNumber.values()];
    },
  };
}
