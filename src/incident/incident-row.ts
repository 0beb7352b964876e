import type { Incident, IncidentStatus } from './model.js';

/** An `incidents` row as the drivers return it. */
export interface IncidentRow {
  id: string | number;
  number: number;
  title: string;
  severity: string;
  status: IncidentStatus;
  impact: string;
  services: string[];
  is_private: boolean;
  commander_id: string | null;
  lead_id: string | null;
  comms_id: string | null;
  declared_by_id: string;
  declared_by_name: string;
  channel_id: string | null;
  channel_name: string | null;
  declared_at: Date;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  last_update_at: Date | null;
  next_update_at: Date | null;
  resolved_at: Date | null;
  resolved_by: string | null;
  resolution: string | null;
  root_cause: string | null;
  origin: string | null;
  acknowledged_by_id: string | null;
  postmortem_url: string | null;
  channel_topic: string | null;
  archived_at: Date | null;
}

export const opt = <T>(value: T | null): T | undefined => value ?? undefined;

export function toIncident(r: IncidentRow): Incident {
  return {
    id: Number(r.id),
    number: r.number,
    title: r.title,
    severity: r.severity,
    status: r.status,
    impact: r.impact,
    services: r.services,
    isPrivate: r.is_private,
    commanderId: opt(r.commander_id),
    leadId: opt(r.lead_id),
    commsId: opt(r.comms_id),
    declaredById: r.declared_by_id,
    declaredByName: r.declared_by_name,
    channelId: opt(r.channel_id),
    channelName: opt(r.channel_name),
    declaredAt: r.declared_at,
    acknowledgedAt: opt(r.acknowledged_at),
    acknowledgedBy: opt(r.acknowledged_by),
    lastUpdateAt: opt(r.last_update_at),
    nextUpdateAt: opt(r.next_update_at),
    resolvedAt: opt(r.resolved_at),
    resolvedBy: opt(r.resolved_by),
    resolution: opt(r.resolution),
    rootCause: opt(r.root_cause),
    origin: opt(r.origin),
    acknowledgedById: opt(r.acknowledged_by_id),
    postMortemUrl: opt(r.postmortem_url),
    channelTopic: opt(r.channel_topic),
    archivedAt: opt(r.archived_at),
  };
}
