import type { AlertSource } from '../alerts/model.js';
import type { AlertsSettings } from '../config/alerts-schema.js';
import type { Clock } from '../core/clock.js';
import { AlertmanagerClient } from './alertmanager/alertmanager-client.js';
import { AlertmanagerSource } from './alertmanager/alertmanager-source.js';
import { BersAlertSource } from './bers/bers-alert-source.js';

/** The configured alert sources, as adapters behind the AlertSource port. */
export function buildAlertSources(settings: AlertsSettings, clock: Clock): AlertSource[] {
  return settings.sources.map((source) =>
    source.kind === 'alertmanager'
      ? new AlertmanagerSource(source.name, new AlertmanagerClient(source.url), {
          filter: source.filter,
          ackSilenceMinutes: settings.ackSilenceMinutes,
          clock,
        })
      : new BersAlertSource(source.name, source.url, source.service),
  );
}
