import type { Actor } from '../core/actor.js';
import { md, userMention } from '../core/mrkdwn.js';
import { noticeMessage } from '../views/incident-report-view.js';
import type { IncidentDeps } from './incident-deps.js';
import { incidentRepository as repo } from './incident-repository.js';
import type { Incident } from './model.js';
import { stepStore } from './step-store.js';
import { onOpenIncident, posts } from './update-flows.js';

/**
 * `/bers incident page`: pages on-call now whatever the severity's policy (P2/P3 never page on their
 * own). Stored first like every change; the page goes out through the pager port's durable path.
 */
export function pageIncident(deps: IncidentDeps, number: number, actor: Actor): Promise<Incident> {
  return onOpenIncident(deps, number, async (tx, current, opKey) => {
    const now = deps.clock.now();
    const reason = `paged on request of ${actor.name}`;
    await repo.addTimeline(tx, current.id, {
      at: now,
      kind: 'paging',
      actorId: actor.id,
      actorName: actor.name,
      text: `Paging decision: ${reason}`,
    });
    const notice = noticeMessage(md`📟 Incident #${number}: on-call paged by ${userMention(actor.id)}`);
    await stepStore.add(tx, current.id, now, [
      { key: `${opKey}:page`, payload: { kind: 'page', reason } },
      ...posts(opKey, notice),
    ]);
    return current;
  });
}
