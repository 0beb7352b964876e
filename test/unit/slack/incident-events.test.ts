import { describe, expect, it } from 'vitest';
import { eventTypes } from '../../../src/slack/events.js';
import { createIncidentEvents } from '../../../src/slack/incident-events.js';
import { commandContext } from '../commands/context.js';

describe('the incident events, built with their one port', () => {
  const pins: string[] = [];
  const events = createIncidentEvents({
    incidents: {
      recordPin: async (channel, ts, userId) => {
        pins.push(`${channel} ${ts} ${userId}`);
        return true;
      },
    },
  });
  const reaction = (
    reaction: string,
    item: Record<string, unknown> = { type: 'message', channel: 'C0INC', ts: '1.2' },
  ) => ({
    type: 'reaction_added',
    reaction,
    item,
  });

  it('acts on a 📌 on a message only', () => {
    const handler = events.reaction_added!;
    expect(handler.permission).toBe('incident');
    expect(handler.accepts(reaction('pushpin'))).toBe(true);
    expect(handler.accepts(reaction('thumbsup'))).toBe(false);
    expect(handler.accepts(reaction('pushpin', { type: 'file', channel: 'C0INC', ts: '1.2' }))).toBe(false);
  });

  it('records the pinned message through the port, never the pipeline services', async () => {
    const { actor, requestId, mode, services, channel } = commandContext();
    await events.reaction_added!.run({
      actor,
      requestId,
      mode,
      services,
      channel,
      event: reaction('pushpin'),
    });
    expect(pins).toEqual(['C0INC 1.2 U0ADA']);
  });

  it('the event types are known without wiring anything (the manifest)', () => {
    expect(eventTypes()).toEqual(['reaction_added']);
  });
});
