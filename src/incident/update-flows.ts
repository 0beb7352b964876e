import { randomUUID } from 'node:crypto';
import type { Actor } from '../core/actor.js';
import { UsageError } from '../core/errors.js';
import type { Message } from '../core/message.js';
import { md, userMention } from '../core/mrkdwn.js';
import type { Queryable } from '../store/store.js';
import { extraCardSteps } from './declare-steps.js';
import { type IncidentDeps, mustGet, TIMER_KINDS, timerKeys } from './incident-deps.js';
import { resolvedConflict } from './incident-errors.js';
import { type Incident, type IncidentStatus, transitionProblem } from './model.js';
import type { StepPayload } from './step-payload.js';

/** The timeline kind of an update the commander made public (`--public`): the status page's. */
export const PUBLIC_UPDATE = 'public-update';

// Kept importable from here for the other flows; commands take it from incident-errors.ts.
export { resolvedConflict };

/** Runs `change` in a transaction on an open incident, then the steps it stored. */
export async function onOpenIncident(
  deps: IncidentDeps,
  number: number,
  change: (tx: Queryable, incident: Incident, opKey: string) => Promise<Incident>,
): Promise<Incident> {
  const current = await mustGet(deps, number);
  if (current.resolvedAt) throw resolvedConflict(current);
  const updated = await deps.store.transaction((tx) => change(tx, current, `inc-${number}:${randomUUID()}`));
  await deps.runner.run(updated.id);
  return updated;
}

async function scheduleUpdateDue(deps: IncidentDeps, tx: Queryable, incident: Incident): Promise<void> {
  if (!incident.nextUpdateAt) return;
  await deps.timers.schedule(
    timerKeys.updateDue(incident.number, incident.nextUpdateAt),
    TIMER_KINDS.updateDue,
    incident.nextUpdateAt,
    { number: incident.number, dueAt: incident.nextUpdateAt.toISOString() },
    tx,
  );
}

export function posts(
  opKey: string,
  channel: Message,
  announcement?: Message,
): { key: string; payload: StepPayload }[] {
  return [
    { key: `${opKey}:channel`, payload: { kind: 'post', target: 'channel', message: channel } },
    ...(announcement
      ? [
          {
            key: `${opKey}:announcement`,
            payload: { kind: 'post', target: 'announcement', message: announcement } as StepPayload,
          },
        ]
      : []),
    { key: `${opKey}:refresh`, payload: { kind: 'refresh' } },
  ];
}

export async function updateIncident(
  deps: IncidentDeps,
  number: number,
  change: { status: IncidentStatus; text: string; isPublic?: boolean },
  actor: Actor,
): Promise<Incident> {
  const text = change.text.trim();
  if (!text)
    throw new UsageError(
      'Say what changed: `/bers incident update identified the cache is full`.',
      'incident update',
    );
  return onOpenIncident(deps, number, async (tx, current, opKey) => {
    const problem = transitionProblem(current.status, change.status);
    if (problem)
      throw new UsageError(
        `Incident #${number} cannot move to ${change.status}: ${problem}.`,
        'incident update',
      );
    const now = deps.clock.now();
    const updated = await deps.records.incidents.recordUpdate(tx, current.id, {
      status: change.status,
      at: now,
      nextUpdateAt: deps.policies.nextUpdateAt(current.severity, now),
    });
    if (!updated) throw resolvedConflict(current);
    const moved = current.status === change.status ? change.status : `${current.status} → ${change.status}`;
    await deps.records.incidents.addTimeline(tx, current.id, {
      at: now,
      kind: 'update',
      actorId: actor.id,
      actorName: actor.name,
      text: `Update (${moved}): ${text}`,
    });
    // What the status page shows: the commander's words as typed, marked public.
    if (change.isPublic) {
      await deps.records.incidents.addTimeline(tx, current.id, {
        at: now,
        kind: PUBLIC_UPDATE,
        actorId: actor.id,
        actorName: actor.name,
        text: `${change.status}: ${text}`,
      });
    }
    const message = deps.reports.update(updated, change.status, text, actor.id, now);
    await deps.records.steps.add(
      tx,
      current.id,
      now,
      posts(opKey, message, deps.reports.announcement(updated, 'updated', message)),
    );
    await scheduleUpdateDue(deps, tx, updated);
    return updated;
  });
}

export async function changeSeverity(
  deps: IncidentDeps,
  number: number,
  input: string,
  reason: string,
  actor: Actor,
): Promise<Incident> {
  const severity = deps.policies.parse(input);
  return onOpenIncident(deps, number, async (tx, current, opKey) => {
    if (severity === current.severity)
      throw new UsageError(`Incident #${number} is already ${severity}.`, 'incident severity');
    const now = deps.clock.now();
    const updated = await deps.records.incidents.setSeverity(
      tx,
      current.id,
      severity,
      deps.policies.nextUpdateAt(severity, now),
    );
    if (!updated) throw resolvedConflict(current);
    const raised = deps.policies.rank(severity) < deps.policies.rank(current.severity);
    const change = `Severity ${raised ? 'raised' : 'lowered'} ${current.severity} → ${severity} by`;
    const why = reason ? `: ${reason}` : '';
    await deps.records.incidents.addTimeline(tx, current.id, {
      at: now,
      kind: 'severity',
      actorId: actor.id,
      actorName: actor.name,
      text: `${change} ${actor.name}${why}`,
    });
    // The reason is the user's text: escaped, so `<!channel>` in it stays text in both channels.
    const notice = deps.render.notice(
      md`${raised ? '⬆️' : '⬇️'} Incident #${number}: ${change} ${userMention(actor.id)}${why}`,
    );
    const announcement = updated.isPrivate ? undefined : notice;
    const steps = posts(opKey, notice, announcement);
    if (!updated.acknowledgedAt) steps.push(...(await replanPaging(deps, tx, updated, raised, opKey)));
    // After the page: the channels of the severity it is now get its card, unless they have it.
    const { announceTo } = deps.settings.channel;
    const main = deps.settings.announcementChannel;
    steps.push(...extraCardSteps(number, announceTo[severity] ?? [], main));
    await deps.records.steps.add(tx, current.id, now, steps);
    await scheduleUpdateDue(deps, tx, updated);
    return updated;
  });
}

/**
 * A new severity brings its own paging policy, as if declared at it: raised to "page now" pages;
 * to "page if not acknowledged" (or business hours) arms that deadline; to "no paging" withdraws a
 * pending page. Lowering never pages at once.
 */
async function replanPaging(
  deps: IncidentDeps,
  tx: Queryable,
  incident: Incident,
  raised: boolean,
  opKey: string,
): Promise<{ key: string; payload: StepPayload }[]> {
  const now = deps.clock.now();
  const paging = deps.policies.paging(incident.severity, now);
  const key = timerKeys.page(incident.number);
  if (paging.kind === 'none') {
    await deps.timers.cancel(key, tx);
    return [];
  }
  if (paging.kind === 'now' && !raised) return [];
  await deps.records.incidents.addTimeline(tx, incident.id, {
    at: now,
    kind: 'paging',
    text: `Paging decision: ${paging.reason}`,
  });
  if (paging.kind === 'now') {
    await deps.timers.cancel(key, tx);
    return [
      { key: `${opKey}:page`, payload: { kind: 'page', reason: paging.reason } },
      { key: `${opKey}:page-card`, payload: { kind: 'page-card', reason: paging.reason } },
    ];
  }
  await deps.timers.schedule(
    key,
    TIMER_KINDS.page,
    paging.at,
    {
      number: incident.number,
      onlyIfUnacknowledged: paging.kind === 'if-unacknowledged',
      reason: paging.reason,
    },
    tx,
  );
  return [];
}
