import type { Services } from '../core/services.js';
import type { SlackEventHandlers } from './slack-deliveries.js';

/**
 * Slack events the incident area listens to. A 📌 (`pushpin`) reaction on a message in an incident
 * channel records that message in the timeline; Slack's retries of the same event are harmless,
 * because a pin is recorded once per message.
 */
export function incidentEvents(services: Services): SlackEventHandlers {
  return {
    reaction_added: async (event) => {
      const item = event.item as { type?: string; channel?: string; ts?: string } | undefined;
      if (event.reaction !== 'pushpin' || item?.type !== 'message' || !item.channel || !item.ts) return;
      await services.incidents.recordPin(item.channel, item.ts, String(event.user ?? 'unknown'));
    },
  };
}
