/**
 * An incident's page as the flows, the steps and the page card see it; the SQL that stores it is
 * page-state.ts (behind `IncidentPages` for the flows, incident-records.ts).
 */

/**
 * Where an incident's page is, as its page card shows it. `unconfigured`: no paging integration,
 * nobody was paged. The order matters: a late report never moves a page back (a delivery report
 * arriving after PagerDuty's acknowledgement leaves it acknowledged).
 */
export const PAGE_STATES = [
  'unconfigured',
  'queued',
  'delayed',
  'failed',
  'triggered',
  'acknowledged',
  'resolved',
] as const;
export type PageState = (typeof PAGE_STATES)[number];

/** What the page told on-call, kept so the card can show it. */
export interface PageContext {
  commander?: string;
  services: string[];
  /** `checkout · health: HTTP 503`, for the affected services' failing checks. */
  failing: string[];
  /** What the incident was declared from (an alert), if anything. */
  origin?: string;
  channelLink?: string;
}

export interface PageRecord {
  incidentId: number;
  state: PageState;
  /** Why it is delayed or failed, in PagerDuty's or the network's words. */
  note?: string;
  delayedSince?: Date;
  vendor: { id?: string; number?: number; url?: string };
  assignees: string[];
  escalationPolicy?: string;
  escalationLevel?: number;
  acknowledgedBy?: string;
  resolvedBy?: string;
  context: PageContext;
  pagedAt: Date;
}

/** A change to a page; `vendor` fields fill in what is known, they never blank what was. */
export interface PageChange {
  state?: PageState;
  note?: string | null;
  delayedSince?: Date | null;
  vendor?: { id?: string; number?: number; url?: string };
  assignees?: string[];
  escalationPolicy?: string;
  escalationLevel?: number;
  acknowledgedBy?: string;
  resolvedBy?: string;
}

export const rankOf = (state: PageState) => PAGE_STATES.indexOf(state);

/** A page that went out and is not over: what PagerDuty may be told about (acknowledge, resolve). */
export function isOpenPage(page: PageRecord | undefined): page is PageRecord {
  return page !== undefined && !['unconfigured', 'failed', 'resolved'].includes(page.state);
}
