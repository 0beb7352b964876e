import { type Mrkdwn, md, plainWithMentions } from '../core/mrkdwn.js';
import type { DueTimer, TimerService } from '../scheduler/timers.js';
import { archiveChannelDue } from './archive-flow.js';
import { type IncidentDeps, TIMER_KINDS } from './incident-deps.js';
import type { Incident } from './model.js';
import { postMortemDue } from './post-mortem-flow.js';
import { updateOverdue } from './update-reminders.js';

/**
 * The incident's durable reminders. Each handler re-reads the incident and does nothing when the
 * reminder no longer applies (an update was posted, a commander assigned, the incident resolved).
 */
export function registerIncidentReminders(timers: Pick<TimerService, 'on'>, deps: IncidentDeps): void {
  const load = async (timer: DueTimer) =>
    deps.records.incidents.byNumber(deps.store, Number(timer.payload.number));
  const say = async (incident: Incident, kind: string, text: Mrkdwn) => {
    // The timeline keeps the people it names (`<@U…>`) but not the emphasis.
    const line = plainWithMentions(text).replace(/[*_]/g, '');
    await deps.records.incidents.addTimeline(deps.store, incident.id, {
      at: deps.clock.now(),
      kind,
      text: line,
    });
    if (incident.channelId) await deps.chat.post(incident.channelId, deps.render.notice(text));
  };

  timers.on(TIMER_KINDS.updateDue, (timer) => updateOverdue(deps, timer));

  timers.on(TIMER_KINDS.commanderCheck, async (timer) => {
    const incident = await load(timer);
    if (!incident || incident.resolvedAt || incident.commanderId) return;
    await say(
      incident,
      'flag',
      md`⚠️ ${incident.severity} incident #${incident.number} has no incident commander. Take it with \`/bers incident assign ${incident.number} @you commander\`.`,
    );
  });

  timers.on(TIMER_KINDS.page, async (timer) => {
    const incident = await load(timer);
    if (!incident) return;
    const skip = incident.resolvedAt
      ? 'resolved before the page was due'
      : timer.payload.onlyIfUnacknowledged && incident.acknowledgedAt
        ? `acknowledged by ${incident.acknowledgedBy} in time`
        : undefined;
    const now = deps.clock.now();
    await deps.store.transaction(async (tx) => {
      if (skip) {
        await deps.records.incidents.addTimeline(tx, incident.id, {
          at: now,
          kind: 'paging',
          text: `No page: ${skip}`,
        });
        return;
      }
      const reason = String(timer.payload.reason ?? 'severity policy');
      await deps.records.incidents.addTimeline(tx, incident.id, {
        at: now,
        kind: 'paging',
        text: `Paging on-call: ${reason}`,
      });
      await deps.records.steps.add(tx, incident.id, now, [
        { key: `inc-${incident.number}:timer-page`, payload: { kind: 'page', reason } },
        { key: `inc-${incident.number}:timer-page-card`, payload: { kind: 'page-card', reason } },
      ]);
    });
    await deps.runner.run(incident.id);
  });

  timers.on(TIMER_KINDS.postMortem, (timer) => postMortemDue(deps, timer));
  timers.on(TIMER_KINDS.archive, (timer) => archiveChannelDue(deps, timer));
}
