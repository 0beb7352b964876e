import { md, plainWithMentions, userMention } from '../core/mrkdwn.js';
import type { DueTimer } from '../scheduler/timers.js';
import { type IncidentDeps, TIMER_KINDS } from './incident-deps.js';
import { formatTime } from './incident-text.js';
import type { Incident } from './model.js';

/** From this many missed updates on, the announcement channel hears about it too. */
export const ANNOUNCE_AFTER_MISSES = 2;

export const updateDueKey = (n: number, due: Date, miss = 1) =>
  `incident:${n}:update-due:${due.toISOString()}${miss > 1 ? `:${miss}` : ''}`;

/**
 * An update is overdue: the commander is nudged in the incident channel every cadence until one is
 * posted; from the second miss the announcement card's thread says so too (the first time also in
 * the channel), so a silent incident cannot stay silent. Each reminder is stored as steps under
 * its timer's key: a reminder fired again after a crash posts once. A due time that moved on (an
 * update was posted) or a resolved incident ends the chain.
 */
export async function updateOverdue(deps: IncidentDeps, timer: DueTimer): Promise<void> {
  const incident = await deps.records.incidents.byNumber(deps.store, Number(timer.payload.number));
  if (!incident || incident.resolvedAt) return;
  const due = incident.nextUpdateAt;
  if (!due || due.toISOString() !== timer.payload.dueAt) return;
  const miss = Number(timer.payload.miss ?? 1);
  const now = deps.clock.now();
  const every = deps.policies.get(incident.severity).updateEveryMinutes;
  await deps.store.transaction(async (tx) => {
    const nudge = nudgeText(incident, due, miss);
    await deps.records.incidents.addTimeline(tx, incident.id, {
      at: now,
      kind: 'reminder',
      text: plainWithMentions(nudge).replace(/[*_]/g, ''),
      sourceKey: `reminder:${timer.key}`,
    });
    const key = `inc-${incident.number}:${timer.key}`;
    await deps.records.steps.add(tx, incident.id, now, [
      {
        key: `${key}:channel`,
        payload: { kind: 'post', target: 'channel', message: deps.render.notice(nudge) },
      },
      ...(miss >= ANNOUNCE_AFTER_MISSES && !incident.isPrivate
        ? [
            {
              key: `${key}:announcement`,
              payload: {
                kind: 'post',
                target: 'announcement',
                message: deps.render.notice(announcementText(incident, due, miss)),
                broadcast: miss === ANNOUNCE_AFTER_MISSES,
              } as const,
            },
          ]
        : []),
      // The cards show the update as overdue.
      { key: `${key}:refresh`, payload: { kind: 'refresh' } },
    ]);
    if (every !== null) {
      const next = new Date(due.getTime() + miss * every * 60_000);
      await deps.timers.schedule(
        updateDueKey(incident.number, due, miss + 1),
        TIMER_KINDS.updateDue,
        next,
        { number: incident.number, dueAt: due.toISOString(), miss: miss + 1 },
        tx,
      );
    }
  });
  await deps.runner.run(incident.id);
}

function nudgeText(incident: Incident, due: Date, miss: number) {
  const who = incident.commanderId
    ? userMention(incident.commanderId)
    : 'Nobody is commander yet, so: everyone here —';
  const missed = miss > 1 ? md` (${miss} updates missed)` : md``;
  return md`⏰ ${who} the ${incident.severity} update for incident #${incident.number} was due at ${formatTime(due)}${missed}. Post one with *Post update* or \`/bers incident update ${incident.number} <status> <text…>\`.`;
}

function announcementText(incident: Incident, due: Date, miss: number) {
  const commander = incident.commanderId ? userMention(incident.commanderId) : md`nobody yet`;
  return md`⚠️ No update on ${incident.severity} incident #${incident.number} since it was due at ${formatTime(due)} (${miss} missed). Commander: ${commander}.`;
}
