import type { IncidentDeclarer } from '../alerts/incident-declarer.js';
import { channelMention, md } from '../core/mrkdwn.js';
import type { IncidentService } from './incident-service.js';

/**
 * The alerts area's "Declare incident" button, served by the incident domain. Alert labels name
 * services loosely; only configured ones (by name or alias) are attached, under their configured
 * name (the rest stay in the impact text).
 */
export function alertIncidentDeclarer(
  incidents: IncidentService,
  canonical: (name: string) => string | undefined,
): IncidentDeclarer {
  return {
    async declare(draft, actor) {
      const services = [
        ...new Set(draft.services.map(canonical).filter((s): s is string => s !== undefined)),
      ];
      const { incident, created } = await incidents.declare(
        {
          title: draft.title,
          severity: draft.severity,
          services,
          impact: draft.impact,
          requestKey: draft.requestKey,
          origin: draft.origin,
        },
        actor,
      );
      const where = incident.channelId ? md` in ${channelMention(incident.channelId)}` : '';
      return {
        text: created
          ? md`:rotating_light: Declared incident #${incident.number} (${incident.severity})${where}.`
          : md`This alert already has incident #${incident.number} (${incident.severity})${where}.`,
      };
    },
  };
}
