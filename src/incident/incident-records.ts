import type { Queryable } from '../store/store.js';
import type { Incident, IncidentRole, IncidentStatus, IncidentTimes, TimelineEntry } from './model.js';
import type { PageChange, PageContext, PageRecord, PageState } from './page-model.js';
import type { StepPayload } from './step-payload.js';

/** A new incident as a declare stores it; the store gives it its id and number. */
export interface NewIncident {
  requestKey: string;
  title: string;
  severity: string;
  impact: string;
  services: string[];
  isPrivate: boolean;
  commanderId?: string;
  declaredById: string;
  declaredByName: string;
  declaredAt: Date;
  nextUpdateAt?: Date;
  origin?: string;
}

/** A resolution as stored; the status becomes `resolved` and no update is due any more. */
export interface Resolution {
  at: Date;
  /** A Slack user id, or the name of the pager's person (who has none). */
  by: string;
  resolution: string;
  rootCause?: string;
}

/**
 * An incident's rows as the flows read and change them, by what they mean to do. The writes named
 * "while open" change nothing once the incident is resolved and return undefined: the condition is
 * the store's (one conditional write), so of two people acting at once exactly one wins.
 */
export interface IncidentRows {
  byNumber(db: Queryable, number: number): Promise<Incident | undefined>;
  byId(db: Queryable, id: number): Promise<Incident | undefined>;
  byRequestKey(db: Queryable, key: string): Promise<Incident | undefined>;
  /** The newest incident whose channel this is, by id or by name (console mode). */
  byChannel(db: Queryable, channel: string): Promise<Incident | undefined>;
  /** The open incidents (the caller orders them by the configured severities). */
  listOpen(db: Queryable): Promise<Incident[]>;
  /** Incidents declared or resolved at or after `since`, by number. */
  declaredOrResolvedSince(db: Queryable, since: Date): Promise<IncidentTimes[]>;
  /** What the status page may show: not private, open or resolved at or after `since`; newest first. */
  publicSince(db: Queryable, since: Date): Promise<Incident[]>;
  /** Holds other declares of the same request key back until this transaction ends. */
  lockRequestKey(db: Queryable, key: string): Promise<void>;
  /** Inserts with the next number unless the request key exists (then undefined). */
  insert(db: Queryable, incident: NewIncident): Promise<Incident | undefined>;
  /** While open. */
  setRole(db: Queryable, id: number, role: IncidentRole, userId: string): Promise<Incident | undefined>;
  /** While open: an update was posted at `at`; the next one is due at `nextUpdateAt` (none if absent). */
  recordUpdate(
    db: Queryable,
    id: number,
    update: { status: IncidentStatus; at: Date; nextUpdateAt?: Date },
  ): Promise<Incident | undefined>;
  /** While open; the next update is due at `nextUpdateAt` (none if absent). */
  setSeverity(
    db: Queryable,
    id: number,
    severity: string,
    nextUpdateAt?: Date,
  ): Promise<Incident | undefined>;
  /** While open and not yet acknowledged. `byId` is absent when it came from the pager. */
  acknowledge(
    db: Queryable,
    id: number,
    ack: { at: Date; by: string; byId?: string },
  ): Promise<Incident | undefined>;
  /** While open. */
  resolve(db: Queryable, id: number, resolution: Resolution): Promise<Incident | undefined>;
  setPostMortemUrl(db: Queryable, id: number, url: string): Promise<Incident | undefined>;
  markArchived(db: Queryable, id: number, at: Date): Promise<Incident | undefined>;
  /** The channel a declare's first step created (or adopted). */
  setChannel(db: Queryable, id: number, channel: { id: string; name: string }): Promise<Incident | undefined>;
  /** The topic channel care last set, so it is set again only when it changes. */
  setChannelTopic(db: Queryable, id: number, topic: string): Promise<Incident | undefined>;
  /** Adds a timeline entry; with a source key, a second record of the same thing is ignored (false). */
  addTimeline(
    db: Queryable,
    incidentId: number,
    entry: TimelineEntry & { sourceKey?: string },
  ): Promise<boolean>;
  timeline(db: Queryable, incidentId: number): Promise<TimelineEntry[]>;
}

/** The steps still to run for an incident, and the messages its steps posted (by role). */
export interface IncidentSteps {
  /** Adds steps in order; a key already present is left alone. */
  add(
    db: Queryable,
    incidentId: number,
    at: Date,
    steps: { key: string; payload: StepPayload }[],
  ): Promise<void>;
  messages(db: Queryable, incidentId: number): Promise<{ role: string; channel: string; ts: string }[]>;
  /** The message a step posted in this role (a second post of the role replaces the reference). */
  rememberMessage(
    db: Queryable,
    incidentId: number,
    role: string,
    ref: { channel: string; ts: string },
  ): Promise<void>;
  /** The payload a step was stored with (a page card re-reads why it paged). */
  payloadOf(db: Queryable, key: string): Promise<StepPayload | undefined>;
  /** How many of the incident's steps are not done yet. */
  pendingCount(db: Queryable, incidentId: number): Promise<number>;
}

/**
 * An incident's page (one per incident), as the reports from the pager and the changes made in it
 * move it. Who starts a page is the paging step, so recording one is not here.
 */
export interface IncidentPages {
  byIncident(db: Queryable, incidentId: number): Promise<PageRecord | undefined>;
  /**
   * The paging step's record of a page going out (`queued`) or of there being no pager
   * (`unconfigured`): a new page, or a fresh start of one that had ended (resolved, failed,
   * unconfigured); a page still going keeps its state and is only given the new context.
   */
  paged(
    db: Queryable,
    incidentId: number,
    state: 'queued' | 'unconfigured',
    context: PageContext,
    at: Date,
  ): Promise<PageRecord>;
  /**
   * Applies a change; its state only if that moves the page on (a late report never moves it
   * back), or with `from`, only when the page is in one of those states (else nothing is applied).
   * The page before and after, or undefined when nothing was applied (or it was never paged).
   */
  apply(
    db: Queryable,
    incidentId: number,
    change: PageChange,
    at: Date,
    from?: readonly PageState[],
  ): Promise<{ before: PageRecord; after: PageRecord } | undefined>;
}

/** Whom a reassign goes to, or which level an escalation goes to, in the paging tool's incident. */
export type PagerRequestTarget = { vendorId: string; userId?: string; userName?: string; level?: number };

/** Reassign/escalate requests made from Slack, by the request (key) that asked. */
export interface PagerRequests {
  /**
   * The request's target, decided once: the first time by `decide` (nothing is kept when it
   * throws), after that the same, so a request worked again (a retry) repeats the same change — the
   * same person, the same escalation level — which the paging tool treats as no change.
   */
  targetOf(
    db: Queryable,
    at: Date,
    requestKey: string,
    incidentId: number,
    action: 'reassign' | 'escalate',
    decide: () => Promise<PagerRequestTarget>,
  ): Promise<PagerRequestTarget>;
  /** Whether a change of this kind was asked for here after `since` (its webhook is then ours). */
  madeSince(
    db: Queryable,
    incidentId: number,
    action: 'reassign' | 'escalate',
    since: Date,
  ): Promise<boolean>;
}

/**
 * The incident rows, timeline, pending steps, page and PagerDuty requests as the flows see them:
 * the SQL repositories (incident-repository.ts, step-store.ts, page-state.ts, pager-requests.ts)
 * in the bot, in-memory ones in a unit test (test/unit/incident/in-memory-incident-records.ts).
 * Each method takes the `Queryable` it runs on, so a flow's writes stay in the transaction it
 * opened. The steps (steps/) take them from the step runner's deps like every flow; only the
 * runner's queue (claiming and finishing steps, `StepQueue` in step-runner-deps.ts) is the step
 * store's own.
 */
export interface IncidentRecords {
  incidents: IncidentRows;
  steps: IncidentSteps;
  pages: IncidentPages;
  pagerRequests: PagerRequests;
}
