import type { Logger } from 'pino';
import type { AlertNotifier } from '../alerts/alert-notifier.js';
import {
  type AlertsSettings,
  type PushAlertSourceKind,
  pushAlertSourceKinds,
} from '../config/alerts-schema.js';
import type { HttpRoute } from '../http/routes.js';
import { alertmanagerWebhookRoute } from '../integrations/alertmanager/webhook-route.js';

interface PushAlertWiring {
  settings: AlertsSettings;
  notifier: AlertNotifier;
  log: Logger;
}

/** The registry of push alert source kinds: the HTTP route each one's webhook arrives on. */
export function pushAlertRoutes(wiring: PushAlertWiring): HttpRoute[] {
  return pushAlertSourceKinds.map((kind) => pushAlertRouteFor(kind, wiring));
}

/** Exhaustive over the schema's kinds: a new kind is its schema, its adapter and one case here. */
function pushAlertRouteFor(
  kind: PushAlertSourceKind,
  { settings, notifier, log }: PushAlertWiring,
): HttpRoute {
  switch (kind) {
    case 'alertmanager':
      return alertmanagerWebhookRoute({ token: settings.webhook.token, notifier, log });
  }
}
