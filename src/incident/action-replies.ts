import type { Message } from '../core/message.js';
import { cardsOf } from './cards.js';
import type { IncidentDeps } from './incident-deps.js';

/** An operation as the incident sees it: the incident it runs for, and where it was typed. */
export interface IncidentAction {
  incidentNumber?: number;
  channelId: string;
}

/**
 * An operation run for an incident (restart, rollback, `run`), told where the incident's people
 * look: its timeline, its channel when it was typed elsewhere, and the thread of its card (not a
 * private incident's). The command decided which incident (see commands/incident-option.ts);
 * an operation for none is told nowhere else.
 */
export async function tellAction(deps: IncidentDeps, action: IncidentAction, message: Message) {
  const { store, chat } = deps;
  if (action.incidentNumber === undefined) return;
  const incident = await deps.records.incidents.byNumber(store, action.incidentNumber);
  if (!incident) return;
  await deps.records.incidents.addTimeline(store, incident.id, {
    at: deps.clock.now(),
    kind: 'action',
    // The message's own text (plain, escaped when shown), bounded like any timeline entry.
    text: [...message.text].slice(0, 2000).join(''),
  });
  if (incident.resolvedAt) return;
  if (incident.channelId && incident.channelId !== action.channelId)
    await chat.post(incident.channelId, message);
  if (incident.isPrivate) return;
  const [card] = await cardsOf(deps.records.steps, store, incident.id, deps.settings.announcementChannel);
  if (card) await chat.post(card.channel, message, { threadTs: card.ts });
}
