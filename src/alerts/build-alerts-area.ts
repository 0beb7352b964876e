import type { Logger } from 'pino';
import type { AlertsSettings } from '../config/alerts-schema.js';
import type { Chat } from '../core/chat.js';
import type { Clock } from '../core/clock.js';
import type { Store } from '../store/store.js';
import type { AlertGroup } from './alert-group.js';
import { AlertIds } from './alert-ids.js';
import { AlertNotifier, type GroupMessage, type GroupRunbook } from './alert-notifier.js';
import { AlertService } from './alert-service.js';
import type { AlertSource } from './model.js';
import { NotificationStore } from './notification-store.js';
import { SilenceStore } from './silence-store.js';

/** The alert service and the webhook notifier, over the given source adapters. */
export function buildAlertsArea(deps: {
  settings: AlertsSettings;
  sources: AlertSource[];
  store: Store;
  chat: Chat;
  clock: Clock;
  log: Logger;
  /** The runbook that answers a group, offered as *Run runbook* on its notification. */
  runbookOf?: (group: AlertGroup) => GroupRunbook | undefined;
  /** A group's message in Block Kit, from views/ (the composition root hands it in). */
  render: GroupMessage;
}): { service: AlertService; notifier: AlertNotifier } {
  const { settings, store, clock } = deps;
  const service = new AlertService(deps.sources, {
    ids: new AlertIds(store, clock),
    silences: new SilenceStore(store),
    clock,
    timeoutMs: settings.timeoutMs,
    ackSilenceMinutes: settings.ackSilenceMinutes,
  });
  const notifier = new AlertNotifier({
    store: new NotificationStore(store),
    chat: deps.chat,
    clock,
    log: deps.log,
    view: (notification) => deps.render(notification, deps.runbookOf?.(notification.group)),
    routes: settings.routes,
    defaultChannel: settings.channel,
  });
  return { service, notifier };
}
