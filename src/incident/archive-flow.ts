import { md } from '../core/mrkdwn.js';
import type { DueTimer } from '../scheduler/timers.js';
import type { IncidentDeps } from './incident-deps.js';

/**
 * The channel is archived `archiveAfterDays` after the resolution (a durable timer, so a restart
 * in between changes nothing). It says so first, so whoever opens it later knows why. An incident
 * that is open again, or a channel already archived (by hand), is left alone.
 */
export async function archiveChannelDue(deps: IncidentDeps, timer: DueTimer): Promise<void> {
  const incident = await deps.records.incidents.byNumber(deps.store, Number(timer.payload.number));
  if (!incident?.resolvedAt || !incident.channelId || incident.archivedAt) return;
  const days = deps.settings.channel.archiveAfterDays;
  await deps.chat.post(
    incident.channelId,
    deps.render.notice(
      md`🗄️ Archiving this channel: incident #${incident.number} was resolved ${days === 1 ? 'a day' : `${days} days`} ago. \`/bers incident status ${incident.number}\` still shows it.`,
    ),
  );
  await deps.chat.archive(incident.channelId);
  const now = deps.clock.now();
  await deps.store.transaction(async (tx) => {
    await deps.records.incidents.markArchived(tx, incident.id, now);
    await deps.records.incidents.addTimeline(tx, incident.id, {
      at: now,
      kind: 'channel',
      text: 'Channel archived',
    });
  });
}
