import type { Actor } from '../core/actor.js';
import { ConflictError, UsageError } from '../core/errors.js';
import { link, md, plainWithMentions, userMention } from '../core/mrkdwn.js';
import type { DueTimer } from '../scheduler/timers.js';
import { type IncidentDeps, mustGet, TIMER_KINDS, timerKeys } from './incident-deps.js';
import { formatTime } from './incident-text.js';
import type { Incident } from './model.js';

/**
 * The post-mortem reminder: after the resolution, every `postMortemReminderHours` until its link is
 * recorded, at most `postMortemReminders` times (the last says so). The commander (or the declarer)
 * is reminded in the incident channel; a link ends it.
 */
export async function postMortemDue(deps: IncidentDeps, timer: DueTimer): Promise<void> {
  const incident = await deps.records.incidents.byNumber(deps.store, Number(timer.payload.number));
  if (!incident?.resolvedAt || incident.postMortemUrl) return;
  const round = Number(timer.payload.round ?? 1);
  const last = round >= deps.settings.postMortemReminders;
  const owner = userMention(incident.commanderId ?? incident.declaredById);
  const again = last
    ? md` (reminder ${round}, the last one: no more after this)`
    : round > 1
      ? md` (reminder ${round} of ${deps.settings.postMortemReminders})`
      : md``;
  const text = md`📝 ${owner} the post-mortem for incident #${incident.number} is due${again}: it was resolved ${formatTime(incident.resolvedAt)}. The draft is above in this channel; when it is written, record its link with \`/bers incident postmortem ${incident.number} <url>\`.`;
  const now = deps.clock.now();
  await deps.store.transaction(async (tx) => {
    await deps.records.incidents.addTimeline(tx, incident.id, {
      at: now,
      kind: 'reminder',
      text: plainWithMentions(text).replace(/[*_`]/g, ''),
      sourceKey: `reminder:${timer.key}`,
    });
    await deps.records.steps.add(tx, incident.id, now, [
      {
        key: `inc-${incident.number}:${timer.key}`,
        payload: { kind: 'post', target: 'channel', message: deps.render.notice(text) },
      },
    ]);
    if (last) return;
    const next = new Date(now.getTime() + deps.settings.postMortemReminderHours * 3_600_000);
    await deps.timers.schedule(
      `${timerKeys.postMortem(incident.number)}:${round + 1}`,
      TIMER_KINDS.postMortem,
      next,
      { number: incident.number, round: round + 1 },
      tx,
    );
  });
  await deps.runner.run(incident.id);
}

/** `/bers incident postmortem N <url>`: records the post-mortem's link; its reminders stop. */
export async function recordPostMortem(
  deps: IncidentDeps,
  number: number,
  url: string,
  actor: Actor,
): Promise<Incident> {
  if (!/^https?:\/\/[^\s<>|]+$/i.test(url)) {
    throw new UsageError(
      'Give the post-mortem’s link, e.g. `/bers incident postmortem 12 https://wiki.example.com/pm/12`.',
      'incident postmortem',
    );
  }
  const current = await mustGet(deps, number);
  if (!current.resolvedAt) {
    throw new ConflictError(`Incident #${number} is still open: the post-mortem comes after it is resolved.`);
  }
  const now = deps.clock.now();
  const updated = await deps.store.transaction(async (tx) => {
    const incident = (await deps.records.incidents.setPostMortemUrl(tx, current.id, url.slice(0, 500)))!;
    await deps.records.incidents.addTimeline(tx, incident.id, {
      at: now,
      kind: 'post-mortem',
      actorId: actor.id,
      actorName: actor.name,
      text: `Post-mortem: ${url}`,
    });
    const notice = deps.render.notice(
      md`📝 ${userMention(actor.id)} recorded the post-mortem of incident #${number}: ${link(url, 'read it')}`,
    );
    const op = `inc-${number}:post-mortem:${now.toISOString()}`;
    await deps.records.steps.add(tx, incident.id, now, [
      { key: `${op}:channel`, payload: { kind: 'post', target: 'channel', message: notice } },
      ...(incident.isPrivate
        ? []
        : [
            {
              key: `${op}:announcement`,
              payload: { kind: 'post', target: 'announcement', message: notice } as const,
            },
          ]),
      { key: `${op}:refresh`, payload: { kind: 'refresh' } },
    ]);
    return incident;
  });
  await deps.runner.run(updated.id);
  return updated;
}
