import type { Actor } from '../core/actor.js';
import { GroupCommit } from '../core/group-commit.js';
import type { Message } from '../core/message.js';
import { truncatePlain } from '../core/truncate.js';
import { type IncidentAction, tellAction } from './action-replies.js';
import { type DeclareInput, type DeclareResult, declareIncident } from './declare-flow.js';
import { type IncidentDeps, mustGet } from './incident-deps.js';
import type { MessageSource } from './message-source.js';
import type { Incident, IncidentRole, IncidentStatus, IncidentTimes, TimelineEntry } from './model.js';
import { OpenIncidents } from './open-incidents.js';
import { pageIncident } from './page-flow.js';
import type { PageChange, PageRecord, PageState } from './page-model.js';
import { changePage, type PageUpdate } from './page-updates.js';
import type { VendorIncident } from './pager-actions.js';
import { escalatePage, madeHereRecently, reassignPage } from './pager-actions-flow.js';
import { recordPostMortem } from './post-mortem-flow.js';
import {
  type AcknowledgeResult,
  acknowledgeIncident,
  type ResolveInput,
  resolveIncident,
} from './resolve-flow.js';
import { addNote, assignRole } from './role-flows.js';
import { changeSeverity, PUBLIC_UPDATE, updateIncident } from './update-flows.js';

export interface PublicIncident {
  incident: Incident;
  updates: { at: Date; text: string }[];
}

export interface ExternalTimelineEntry {
  kind: string;
  text: string;
  /** The original time of what happened; defaults to now. */
  at?: Date;
  actorId?: string;
  actorName?: string;
  /** Records the same outside event once (e.g. a webhook's event id); a repeat returns false. */
  sourceKey?: string;
}

/**
 * The incident lifecycle, the API every area uses (commands, alerts, PagerDuty webhooks, reports).
 * Every change is stored first (row, timeline, pending steps, timers in one transaction) and then
 * acted on; `recover()` completes what a crash left unfinished.
 */
export class IncidentService {
  /**
   * The open incidents, read once for every ask of one turn of the event loop (GroupCommit's
   * `gather: 'turn'`): under a burst of `/bers incident list` each read is a large part of a
   * command's CPU on the embedded store. An ask made while a read runs goes in the next one, so
   * it sees whatever was written before it asked.
   */
  private readonly openReads = new GroupCommit(
    async (asks: undefined[]) => {
      const open = await this.deps.records.incidents.listOpen(this.deps.store);
      return asks.map(() => open);
    },
    { gather: 'turn', maxBatch: Number.POSITIVE_INFINITY },
  );

  /**
   * @param open the open incidents shared across asks for a second, when every write to the
   *   incidents' rows goes through `noticingWrites` (the composition root's); by default nothing
   *   is shared past one turn's read.
   */
  constructor(
    private readonly deps: IncidentDeps,
    private readonly messages?: MessageSource,
    private readonly open = new OpenIncidents(deps.clock, 0),
  ) {}

  declare(input: DeclareInput, actor: Actor): Promise<DeclareResult> {
    return declareIncident(this.deps, input, actor);
  }

  get(number: number): Promise<Incident | undefined> {
    return this.deps.records.incidents.byNumber(this.deps.store, number);
  }

  /** The incident whose channel this is (by id, or by name in console mode). */
  byChannel(channelId: string): Promise<Incident | undefined> {
    return this.deps.records.incidents.byChannel(this.deps.store, channelId);
  }

  /** Open incidents, most severe first (the configured severity order), then by number. */
  async listOpen(): Promise<Incident[]> {
    // Each ask gets its own array: the sort below is in place, and the read is shared.
    const open = [...(await this.open.get(() => this.openReads.add(undefined)))];
    const rank = (i: Incident) => this.deps.policies.rank(i.severity);
    return open.sort((a, b) => rank(a) - rank(b) || a.number - b.number);
  }

  /** Incidents declared or resolved at or after `since`, with the times MTTA/MTTR need. */
  declaredOrResolvedSince(since: Date): Promise<IncidentTimes[]> {
    return this.deps.records.incidents.declaredOrResolvedSince(this.deps.store, since);
  }

  async timeline(number: number): Promise<TimelineEntry[]> {
    return this.deps.records.incidents.timeline(this.deps.store, (await mustGet(this.deps, number)).id);
  }

  update(
    number: number,
    change: { status: IncidentStatus; text: string; isPublic?: boolean },
    actor: Actor,
  ): Promise<Incident> {
    return updateIncident(this.deps, number, change, actor);
  }

  changeSeverity(number: number, severity: string, reason: string, actor: Actor): Promise<Incident> {
    return changeSeverity(this.deps, number, severity, reason, actor);
  }

  assign(number: number, role: IncidentRole, userId: string, actor: Actor): Promise<Incident> {
    return assignRole(this.deps, number, role, userId, actor);
  }

  note(number: number, text: string, actor: Actor): Promise<Incident> {
    return addNote(this.deps, number, text, actor);
  }

  acknowledge(
    number: number,
    actor: Actor,
    options?: { at?: Date; fromPager?: boolean },
  ): Promise<AcknowledgeResult> {
    return acknowledgeIncident(this.deps, number, actor, options);
  }

  /** Pages on-call now, whatever the severity's policy (`/bers incident page`). */
  pageNow(number: number, actor: Actor): Promise<Incident> {
    return pageIncident(this.deps, number, actor);
  }

  /** `fromPager`: resolved in the pager itself, so nothing is sent back to it. */
  resolve(
    number: number,
    input: ResolveInput,
    actor: Actor,
    options?: { fromPager?: boolean },
  ): Promise<Incident> {
    return resolveIncident(this.deps, number, input, actor, options);
  }

  /** Adds an entry from outside (PagerDuty webhook, alert); false when `sourceKey` was already recorded. */
  async addTimelineEntry(number: number, entry: ExternalTimelineEntry): Promise<boolean> {
    const incident = await mustGet(this.deps, number);
    return this.deps.records.incidents.addTimeline(this.deps.store, incident.id, {
      ...entry,
      at: entry.at ?? this.deps.clock.now(),
    });
  }

  /** Re-renders the posted initial reports (channel and announcement) from the incident's current state. */
  async refreshReports(number: number): Promise<void> {
    await this.deps.runner.refresh(await mustGet(this.deps, number));
  }

  /** Posts a short notice in the incident channel (e.g. "escalated to the secondary on-call"). */
  async notify(number: number, text: string): Promise<void> {
    const incident = await mustGet(this.deps, number);
    if (incident.channelId) await this.deps.chat.post(incident.channelId, this.deps.render.notice(text));
  }

  /** A restart, rollback or `run` for an incident: in its timeline, channel and card thread. */
  tellAction(action: IncidentAction, message: Message): Promise<void> {
    return tellAction(this.deps, action, message);
  }

  /**
   * What the public status page may show: incidents open or resolved since `since`, never private
   * ones, each with only the updates its commander made public (`--public`), newest first.
   */
  async publicView(since: Date): Promise<PublicIncident[]> {
    const out: PublicIncident[] = [];
    for (const incident of await this.deps.records.incidents.publicSince(this.deps.store, since)) {
      const updates = (await this.deps.records.incidents.timeline(this.deps.store, incident.id))
        .filter((e) => e.kind === PUBLIC_UPDATE)
        .map((e) => ({ at: e.at, text: e.text }))
        .reverse();
      out.push({ incident, updates });
    }
    return out;
  }

  /** 📌 on a message in an incident channel: the message goes into the timeline at its original time. */
  async recordPin(channelId: string, ts: string, pinnedBy: string): Promise<boolean> {
    const incident = await this.deps.records.incidents.byChannel(this.deps.store, channelId);
    if (!incident || !this.messages) return false;
    const message = await this.messages.fetch(channelId, ts);
    if (!message) return false;
    return this.deps.records.incidents.addTimeline(this.deps.store, incident.id, {
      at: message.at,
      kind: 'pinned',
      actorId: message.userId,
      text: `📌 ${truncatePlain(message.text, 2000)} (pinned by <@${pinnedBy}>)`,
      sourceKey: `pin:${channelId}:${ts}`,
    });
  }

  /** What the pager reported about the incident's page; its page cards are edited to match. */
  changePage(
    number: number,
    change: PageChange,
    from?: readonly PageState[],
  ): Promise<PageUpdate | undefined> {
    return changePage(this.deps, number, change, from);
  }

  page(number: number): Promise<PageRecord | undefined> {
    return this.get(number).then((i) =>
      i ? this.deps.records.pages.byIncident(this.deps.store, i.id) : undefined,
    );
  }

  /** Reassigns the incident's page in PagerDuty; `requestKey` makes a repeated request the same change. */
  reassignPage(number: number, userId: string, actor: Actor, requestKey: string): Promise<VendorIncident> {
    return reassignPage(this.deps, number, userId, actor, requestKey);
  }

  /** Escalates the incident's page to the next level of its escalation policy in PagerDuty. */
  escalatePage(number: number, actor: Actor, requestKey: string): Promise<VendorIncident> {
    return escalatePage(this.deps, number, actor, requestKey);
  }

  /** Whether a reassign/escalate reported by PagerDuty is most likely one made here just now. */
  madeHereRecently(number: number, kind: 'reassigned' | 'escalated'): Promise<boolean> {
    return madeHereRecently(this.deps, number, kind);
  }

  /** The severity's choice when PagerDuty resolves the page: resolve here too, or only say so. */
  pagerResolves(severity: string): boolean {
    return this.deps.policies.get(severity).pagerResolve === 'resolve';
  }

  /** Records the post-mortem's link (`/bers incident postmortem N <url>`); its reminders stop. */
  recordPostMortem(number: number, url: string, actor: Actor): Promise<Incident> {
    return recordPostMortem(this.deps, number, url, actor);
  }

  /** Completes unfinished steps of every incident (start-up and periodically). */
  recover(): Promise<number> {
    return this.deps.runner.sweep();
  }

  async pendingSteps(number: number): Promise<number> {
    return this.deps.records.steps.pendingCount(this.deps.store, (await mustGet(this.deps, number)).id);
  }
}
