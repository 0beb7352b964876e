import type { BotConfig } from '../../../config/schema.js';
import type { Incident, TimelineEntry } from '../../../incident/model.js';
import { IncidentReports } from '../../../incident/reports.js';
import { SeverityPolicies } from '../../../incident/severity-policies.js';
import type { IncidentTemplates } from '../../../incident/templates.js';
import { incidentMessages } from '../../../views/incident-messages.js';
import { listReply, statusReply } from '../../../views/incident-replies.js';
import { outsideText, SAMPLE_CHAT, SAMPLE_NOW, type Sample, times } from './sample.js';

const minutes = (n: number) => new Date(SAMPLE_NOW.getTime() + n * 60_000);

/** An incident with every field filled in, long, and outside text where people type it. */
function sampleIncident(config: BotConfig, number: number): Incident {
  const severity = Object.keys(config.incidents.severities)[0] ?? 'P1';
  return {
    id: number,
    number,
    title: outsideText(200),
    severity,
    status: 'identified',
    impact: outsideText(1000),
    services: config.services.map((s) => s.name),
    isPrivate: false,
    commanderId: 'U0COMMANDER',
    leadId: 'U0LEAD',
    commsId: 'U0COMMS',
    declaredById: 'U0COMMANDER',
    declaredByName: outsideText(40),
    channelId: 'C0INCIDENT',
    channelName: `inc-${number}-checkout-is-failing`,
    declaredAt: SAMPLE_NOW,
    acknowledgedAt: minutes(5),
    acknowledgedBy: outsideText(40),
    lastUpdateAt: minutes(20),
    nextUpdateAt: minutes(50),
    resolvedAt: minutes(65),
    resolvedBy: 'U0COMMANDER',
    resolution: outsideText(1000),
    rootCause: outsideText(1000),
  };
}

function timeline(count: number): TimelineEntry[] {
  return times(count, (i) => ({ at: minutes(i), kind: 'note', actorId: 'U0LEAD', text: outsideText(300) }));
}

/** The incident replies and every template, rendered through the real view models. */
export function incidentSamples(config: BotConfig, templates: IncidentTemplates): Sample[] {
  const settings = config.incidents;
  const reports = new IncidentReports(
    templates,
    new SeverityPolicies(settings),
    SAMPLE_CHAT,
    incidentMessages,
    settings.postMortemReminderHours,
  );
  const incident = sampleIncident(config, 12);
  const open = { ...incident, resolvedAt: undefined, status: 'investigating' as const };
  return [
    {
      path: 'replies.incident list',
      message: listReply(
        times(60, (n) => sampleIncident(config, n)),
        SAMPLE_CHAT,
      ),
    },
    { path: 'replies.incident status', message: statusReply(open, timeline(40), SAMPLE_CHAT, true) },
    { path: 'templates.initial-report', message: reports.initial(open) },
    {
      path: 'templates.status-update',
      message: reports.update(open, 'identified', outsideText(2500), 'U0LEAD', minutes(20)),
    },
    { path: 'templates.resolution-report', message: reports.resolution({ ...incident, status: 'resolved' }) },
    { path: 'templates.post-mortem', message: reports.postMortem(incident, timeline(200)) },
  ];
}
