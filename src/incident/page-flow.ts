import type { Actor } from '../core/actor.js';
import type { IncidentDeps } from './incident-deps.js';
import type { Incident } from './model.js';
import { onOpenIncident } from './update-flows.js';

/**
 * `/bers incident page`: pages on-call now whatever the severity's policy (P2/P3 never page on their
 * own). Stored first like every change; the page goes out through the pager port's durable path.
 */
export function pageIncident(deps: IncidentDeps, number: number, actor: Actor): Promise<Incident> {
  return onOpenIncident(deps, number, async (tx, current, opKey) => {
    const now = deps.clock.now();
    const reason = `requested by ${actor.name}`;
    await deps.records.incidents.addTimeline(tx, current.id, {
      at: now,
      kind: 'paging',
      actorId: actor.id,
      actorName: actor.name,
      text: `Paging decision: ${reason}`,
    });
    // The page card says who asked; it is the page's one post, edited as PagerDuty reports.
    await deps.records.steps.add(tx, current.id, now, [
      { key: `${opKey}:page`, payload: { kind: 'page', reason } },
      { key: `${opKey}:page-card`, payload: { kind: 'page-card', reason } },
    ]);
    return current;
  });
}
