import type { Message } from '../core/message.js';
import type { HealthReport } from '../health/model.js';
import type { Occurrence } from './model.js';

/**
 * The rendering port of the maintenance timers: they decide what to say (the window, the rendered
 * checklist, what was silenced, the health at the end) and this turns it into the posted message.
 * src/views/maintenance-messages.ts implements it with Block Kit; the composition root hands it in.
 */
export interface MaintenanceMessages {
  /** The announcement `leadMinutes` ahead, with the checklist (mrkdwn rendered from its template). */
  announcement(o: Occurrence, leadMinutes: number, checklist: string): Message;
  /** The window has started: what was silenced and what could not be. */
  started(o: Occurrence, silenced: string[], failures: string[]): Message;
  /** The window is over (or cancelled while under way), with the services' health after it. */
  ended(o: Occurrence, health: HealthReport | undefined, cancelled: boolean): Message;
}
