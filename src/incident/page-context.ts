import type { Chat } from '../core/chat.js';
import { withTimeout } from '../core/with-timeout.js';
import type { Incident } from './model.js';
import type { PageContext } from './page-model.js';

/** The affected services' health, as the paging step reads it (the health area implements it). */
export interface ServiceHealthProbe {
  /** Failing checks of these services, as `checkout · health: HTTP 503`. */
  failing(services: readonly string[]): Promise<string[]>;
}

/** A page waits at most this long for the extras it carries; without them it still goes. */
const CONTEXT_BUDGET_MS = 3_000;

/**
 * What a page tells on-call besides the title: the commander's name (PagerDuty knows no Slack
 * ids), the services with their failing checks, what started the incident, the channel. Every
 * lookup is bounded: a slow health check or Slack must never hold a page back.
 */
export async function pageContextOf(
  incident: Incident,
  chat: Chat,
  probe: ServiceHealthProbe | undefined,
): Promise<PageContext> {
  const bounded = <T>(fallback: T, fn: () => Promise<T>) =>
    withTimeout(CONTEXT_BUDGET_MS, fn).catch(() => fallback);
  const commander = async () => {
    if (!incident.commanderId) return undefined;
    if (incident.commanderId === incident.declaredById) return incident.declaredByName;
    return (await chat.userName(incident.commanderId)) ?? incident.commanderId;
  };
  const [name, failing] = await Promise.all([
    bounded(incident.commanderId, commander),
    probe && incident.services.length > 0 ? bounded([], () => probe.failing(incident.services)) : [],
  ]);
  return {
    ...(name ? { commander: name } : {}),
    services: incident.services,
    failing,
    ...(incident.origin ? { origin: incident.origin } : {}),
    ...(incident.channelId ? { channelLink: chat.channelLink(incident.channelId) } : {}),
  };
}
