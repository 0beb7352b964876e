import type { AlertSource } from '../alerts/model.js';
import type { AlertsSettings } from '../config/alerts-schema.js';
import type { Clock } from '../core/clock.js';
import { AlertmanagerClient } from '../integrations/alertmanager/alertmanager-client.js';
import { AlertmanagerSource } from '../integrations/alertmanager/alertmanager-source.js';
import { BersAlertSource } from '../integrations/bers/bers-alert-source.js';

type AlertSourceConfig = AlertsSettings['sources'][number];

/** The registry of pull alert source kinds: each configured source as an adapter behind the AlertSource port. */
export function buildAlertSources(settings: AlertsSettings, clock: Clock): AlertSource[] {
  return settings.sources.map((source) => alertSourceFor(source, settings, clock));
}

/** Exhaustive over the schema's kinds: a new kind is its schema, its adapter and one case here. */
function alertSourceFor(source: AlertSourceConfig, settings: AlertsSettings, clock: Clock): AlertSource {
  switch (source.kind) {
    case 'alertmanager':
      return new AlertmanagerSource(source.name, new AlertmanagerClient(source.url), {
        filter: source.filter,
        ackSilenceMinutes: settings.ackSilenceMinutes,
        clock,
      });
    case 'bers':
      return new BersAlertSource(source.name, source.url, source.service);
  }
}
