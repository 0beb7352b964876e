import type { EventHandler } from '../core/command.js';
import type { Services } from '../core/services.js';

interface ReactionItem {
  type?: string;
  channel?: string;
  ts?: string;
}

const pinnedItem = (event: Record<string, unknown>): ReactionItem | undefined => {
  const item = event.item as ReactionItem | undefined;
  return event.reaction === 'pushpin' && item?.type === 'message' && item.channel && item.ts
    ? item
    : undefined;
};

/** The one port the incident's events use: recording a pinned message in the timeline. */
export interface IncidentEventDeps {
  incidents: Pick<Services['incidents'], 'recordPin'>;
}

/**
 * Slack events the incident area listens to. A 📌 (`pushpin`) reaction on a message in an incident
 * channel records that message in the timeline — a change to the incident, so it needs `incident`
 * like `/bers incident note`. Other reactions are not for the bot and are not audited. Slack's
 * retries of the same event are harmless, because a pin is recorded once per message.
 */
export function createIncidentEvents(deps: IncidentEventDeps): Record<string, EventHandler> {
  return {
    reaction_added: {
      permission: 'incident',
      accepts: (event) => pinnedItem(event) !== undefined,
      async run({ event, actor }) {
        const item = pinnedItem(event)!;
        await deps.incidents.recordPin(item.channel!, item.ts!, actor.id);
      },
    },
  };
}
