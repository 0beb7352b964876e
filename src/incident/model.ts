export const STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type IncidentStatus = (typeof STATUSES)[number];

export const ROLES = ['commander', 'lead', 'comms'] as const;
export type IncidentRole = (typeof ROLES)[number];

export const ROLE_TITLES: Record<IncidentRole, string> = {
  commander: 'Incident Commander',
  lead: 'Technical Lead',
  comms: 'Communications',
};

export const ROLE_DUTIES: Record<IncidentRole, string> = {
  commander:
    'You run the incident: decide, delegate, keep the timeline, and post an update before each one is due.',
  lead: 'You lead the technical investigation and mitigation, and tell the commander what you find.',
  comms: 'You keep stakeholders informed: announcements, status page, and answering questions.',
};

export interface Incident {
  id: number;
  number: number;
  title: string;
  severity: string;
  status: IncidentStatus;
  impact: string;
  services: string[];
  isPrivate: boolean;
  commanderId?: string;
  leadId?: string;
  commsId?: string;
  declaredById: string;
  declaredByName: string;
  channelId?: string;
  channelName?: string;
  declaredAt: Date;
  acknowledgedAt?: Date;
  acknowledgedBy?: string;
  /** The Slack user who acknowledged; absent when it came from the pager. */
  acknowledgedById?: string;
  lastUpdateAt?: Date;
  nextUpdateAt?: Date;
  resolvedAt?: Date;
  resolvedBy?: string;
  resolution?: string;
  rootCause?: string;
  /** What it was declared from (e.g. an alert), as people read it. */
  origin?: string;
  postMortemUrl?: string;
  /** The channel topic as last set. */
  channelTopic?: string;
  archivedAt?: Date;
}

export interface TimelineEntry {
  at: Date;
  kind: string;
  actorId?: string;
  actorName?: string;
  text: string;
}

/** The times the daily report needs for MTTA / MTTR. */
export interface IncidentTimes {
  number: number;
  severity: string;
  title: string;
  isPrivate: boolean;
  declaredAt: Date;
  acknowledgedAt?: Date;
  resolvedAt?: Date;
}

/** The PagerDuty dedup key of an incident: one per incident, stable across replicas. */
export function dedupKeyOf(number: number): string {
  return `bers-incident-${number}`;
}

/**
 * Why a status change is refused, or undefined when it is allowed. Forward moves may skip a step;
 * the only way back is monitoring/identified → investigating (a regression); resolving has its own command.
 */
export function transitionProblem(from: IncidentStatus, to: IncidentStatus): string | undefined {
  if (from === 'resolved') return 'it is already resolved';
  if (to === 'resolved') return 'resolving has its own command: `/bers incident resolve <resolution…>`';
  const order = STATUSES.indexOf(to) - STATUSES.indexOf(from);
  if (order >= 0 || to === 'investigating') return undefined;
  return `it cannot go back from ${from} to ${to} (on a regression, go back to investigating)`;
}

export function isStatus(value: string): value is IncidentStatus {
  return (STATUSES as readonly string[]).includes(value);
}

export function isRole(value: string): value is IncidentRole {
  return (ROLES as readonly string[]).includes(value);
}

/** `inc-42-checkout-is-failing`: Slack's rules (lower case, letters/digits/-_, at most 80). */
export function channelNameFor(number: number, title: string, suffix = ''): string {
  const slug = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const prefix = `inc-${number}`;
  const room = 80 - prefix.length - suffix.length - 1;
  const cut = slug.slice(0, Math.max(0, room)).replace(/-+$/, '');
  return `${prefix}${cut ? `-${cut}` : ''}${suffix}`;
}

export function formatDuration(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  const parts = [days ? `${days}d` : '', hours ? `${hours}h` : '', `${mins}m`].filter(Boolean);
  return parts.join(' ');
}
