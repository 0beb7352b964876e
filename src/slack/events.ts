import type { EventHandler } from '../core/command.js';
import type { Services } from '../core/services.js';
import { createIncidentEvents } from './incident-events.js';

/**
 * Every Events API handler, keyed by event type, each built with the few ports it uses (its
 * factory's deps type says which), as commands are in commands/index.ts. Called by the
 * composition root with the services it built.
 */
export function allEvents(services: Services): Record<string, EventHandler> {
  return { ...createIncidentEvents(services) };
}

/**
 * The event types the bot subscribes to (the app manifest): the handlers built with nothing
 * wired, since a factory only keeps its ports and a handler reads them when it runs.
 */
export function eventTypes(): string[] {
  return Object.keys(allEvents(notWired)).sort();
}

const notWired = new Proxy({} as Services, {
  get(_target, port) {
    throw new Error(`events built by eventTypes() have no ports: ${String(port)} is not wired`);
  },
});
