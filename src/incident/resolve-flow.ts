import { randomUUID } from 'node:crypto';
import type { Actor } from '../core/actor.js';
import { ConflictError, UsageError } from '../core/errors.js';
import { md } from '../core/mrkdwn.js';
import { type IncidentDeps, mustGet, TIMER_KINDS, timerKeys } from './incident-deps.js';
import { formatTime, mention } from './incident-text.js';
import type { Incident } from './model.js';

export interface AcknowledgeResult {
  incident: Incident;
  /** False when someone had already acknowledged it (then `incident` says who and when). */
  acknowledged: boolean;
}

/**
 * Records who acknowledged (MTTA). One conditional UPDATE decides; `fromPager` marks an acknowledgement
 * that came from the pager itself, so it is not sent back to it.
 */
export async function acknowledgeIncident(
  deps: IncidentDeps,
  number: number,
  actor: Actor,
  options: { at?: Date; fromPager?: boolean } = {},
): Promise<AcknowledgeResult> {
  const current = await mustGet(deps, number);
  const at = options.at ?? deps.clock.now();
  const result = await deps.store.transaction(async (tx) => {
    const updated = await deps.records.incidents.acknowledge(tx, current.id, {
      at,
      by: actor.name,
      byId: options.fromPager ? undefined : actor.id,
    });
    if (!updated) return undefined;
    await deps.records.incidents.addTimeline(tx, current.id, {
      at,
      kind: 'acknowledged',
      actorId: options.fromPager ? undefined : actor.id,
      actorName: actor.name,
      text: `Acknowledged by ${actor.name}${options.fromPager ? ' (pager)' : ''}`,
    });
    const op = `inc-${number}:ack:${randomUUID()}`;
    await deps.records.steps.add(tx, current.id, deps.clock.now(), [
      ...(options.fromPager
        ? []
        : [{ key: `${op}:pager`, payload: { kind: 'pager-acknowledge' as const, by: actor.name } }]),
      { key: `${op}:refresh`, payload: { kind: 'refresh' } },
    ]);
    return updated;
  });
  if (!result)
    return { incident: (await deps.records.incidents.byId(deps.store, current.id))!, acknowledged: false };
  await deps.runner.run(current.id);
  return { incident: result, acknowledged: true };
}

export interface ResolveInput {
  resolution: string;
  rootCause?: string;
}

/** Resolves once: of two people resolving at the same moment, the loser gets a ConflictError. */
export async function resolveIncident(
  deps: IncidentDeps,
  number: number,
  input: ResolveInput,
  actor: Actor,
  options: { fromPager?: boolean } = {},
): Promise<Incident> {
  const resolution = input.resolution.trim();
  if (!resolution) {
    throw new UsageError(
      'Say how it was resolved: `/bers incident resolve 12 rolled back the release`.',
      'incident resolve',
    );
  }
  const current = await mustGet(deps, number);
  const now = deps.clock.now();
  const resolved = await deps.store.transaction(async (tx) => {
    const updated = await deps.records.incidents.resolve(tx, current.id, {
      at: now,
      // The pager's people have no Slack id: their name is kept, and shown as text.
      by: options.fromPager ? actor.name : actor.id,
      resolution: resolution.slice(0, 2000),
      rootCause: input.rootCause?.trim().slice(0, 2000) || undefined,
    });
    if (!updated) return undefined;
    await deps.records.incidents.addTimeline(tx, current.id, {
      at: now,
      kind: 'resolved',
      actorId: options.fromPager ? undefined : actor.id,
      actorName: actor.name,
      text: `Resolved: ${resolution}${updated.rootCause ? ` (root cause: ${updated.rootCause})` : ''}`,
    });
    const report = deps.reports.resolution(updated);
    const postMortem = deps.reports.postMortem(
      updated,
      await deps.records.incidents.timeline(tx, current.id),
    );
    const op = `inc-${number}:resolve`;
    await deps.records.steps.add(tx, current.id, now, [
      { key: `${op}:channel`, payload: { kind: 'post', target: 'channel', message: report } },
      {
        key: `${op}:announcement`,
        payload: {
          kind: 'post',
          target: 'announcement',
          message: deps.reports.announcement(updated, 'resolved', report),
          broadcast: true,
        },
      },
      { key: `${op}:post-mortem`, payload: { kind: 'post', target: 'channel', message: postMortem } },
      ...(options.fromPager ? [] : [{ key: `${op}:pager`, payload: { kind: 'pager-resolve' } as const }]),
      { key: `${op}:refresh`, payload: { kind: 'refresh' } },
      // Last: a file Slack refuses must not hold up telling PagerDuty.
      { key: `${op}:post-mortem-file`, payload: { kind: 'post-mortem-file' } },
    ]);
    const due = new Date(now.getTime() + deps.settings.postMortemReminderHours * 3_600_000);
    await deps.timers.schedule(timerKeys.postMortem(number), TIMER_KINDS.postMortem, due, { number }, tx);
    const archiveDays = deps.settings.channel.archiveAfterDays;
    if (archiveDays !== null) {
      const at = new Date(now.getTime() + archiveDays * 86_400_000);
      await deps.timers.schedule(timerKeys.archive(number), TIMER_KINDS.archive, at, { number }, tx);
    }
    await deps.timers.cancel(timerKeys.page(number), tx);
    await deps.timers.cancel(timerKeys.commanderCheck(number), tx);
    // Every reminder of a missed update, however far the chain got.
    await deps.timers.cancelPrefix(`incident:${number}:update-due:`, tx);
    return updated;
  });
  if (!resolved) {
    const winner = (await deps.records.incidents.byId(deps.store, current.id))!;
    throw new ConflictError(
      md`Incident #${number} was already resolved by ${mention(winner.resolvedBy, 'someone')} at ${formatTime(winner.resolvedAt)}.`,
    );
  }
  await deps.runner.run(current.id);
  return resolved;
}
