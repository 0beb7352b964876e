import type { Actor } from '../core/actor.js';
import { UsageError } from '../core/errors.js';
import { md, userMention } from '../core/mrkdwn.js';
import { type IncidentDeps, mustGet } from './incident-deps.js';
import { type Incident, type IncidentRole, ROLE_DUTIES, ROLE_TITLES } from './model.js';
import { onOpenIncident, posts, resolvedConflict } from './update-flows.js';

export async function assignRole(
  deps: IncidentDeps,
  number: number,
  role: IncidentRole,
  userId: string,
  actor: Actor,
): Promise<Incident> {
  return onOpenIncident(deps, number, async (tx, current, opKey) => {
    const now = deps.clock.now();
    const updated = await deps.records.incidents.setRole(tx, current.id, role, userId);
    if (!updated) throw resolvedConflict(current);
    await deps.records.incidents.addTimeline(tx, current.id, {
      at: now,
      kind: 'assign',
      actorId: actor.id,
      actorName: actor.name,
      text: `${ROLE_TITLES[role]}: <@${userId}> (assigned by ${actor.name})`,
    });
    const notice = deps.render.notice(
      md`👤 ${userMention(userId)} is now *${ROLE_TITLES[role]}* of incident #${number} (assigned by ${userMention(actor.id)}).\n${ROLE_DUTIES[role]}`,
    );
    await deps.records.steps.add(tx, current.id, now, [
      { key: `${opKey}:invite`, payload: { kind: 'invite', users: [userId] } },
      ...posts(opKey, notice),
    ]);
    return updated;
  });
}

export async function addNote(
  deps: IncidentDeps,
  number: number,
  text: string,
  actor: Actor,
): Promise<Incident> {
  const note = text.trim();
  if (!note)
    throw new UsageError(
      'A note needs text: `/bers incident note 12 restarted the primary`.',
      'incident note',
    );
  const incident = await mustGet(deps, number);
  await deps.records.incidents.addTimeline(deps.store, incident.id, {
    at: deps.clock.now(),
    kind: 'note',
    actorId: actor.id,
    actorName: actor.name,
    text: note.slice(0, 3000),
  });
  return incident;
}
