import type { Actor } from '../core/actor.js';
import type { Text } from '../core/mrkdwn.js';

export interface IncidentDraft {
  /** P0–P3, derived from the alert's severity. */
  severity: string;
  title: string;
  services: string[];
  impact: string;
  /** The same key declares once: a double click on one alert message returns the first incident. */
  requestKey: string;
  /** The alert as people read it (`alert HighErrorRate (critical, 3 firing)`), carried by pages. */
  origin?: string;
}

/**
 * The incident domain as the alert buttons see it: a port declared here, implemented by
 * incident/alert-incident-declarer.ts and wired in src/build-services.ts. Where services are built
 * without it (some tests), "Declare incident" says it is not enabled.
 */
export interface IncidentDeclarer {
  /** Declares the incident and returns a line for the user (e.g. a link to its channel). */
  declare(draft: IncidentDraft, actor: Actor): Promise<{ text: Text }>;
}
