import type { MaintenanceMessages } from '../maintenance/maintenance-messages.js';
import { announcementMessage, endedMessage, startedMessage } from './maintenance-view.js';

/** The maintenance timers' messages in Block Kit; wired into the maintenance service by the composition root. */
export const maintenanceMessages: MaintenanceMessages = {
  announcement: announcementMessage,
  started: startedMessage,
  ended: endedMessage,
};
