import type { Logger } from 'pino';
import type { AlertService } from '../alerts/alert-service.js';
import type { MaintenanceSettings } from '../config/maintenance-schema.js';
import type { Clock } from '../core/clock.js';
import type { Occurrence, OccurrenceSilence } from './model.js';

export interface SilenceDeps {
  settings: MaintenanceSettings;
  alerts: AlertService;
  clock: Clock;
  log: Logger;
}

/** Who the sources see acting: acks and silences name the bot's maintenance, not a person. */
const BOT = { id: 'bers-bot', name: 'bers-bot maintenance' };

/**
 * At a window's start: Alertmanager sources get one silence per service on its label, until the
 * end; other sources (BERS) get what fires for those services acknowledged.
 */
export async function silenceWindow(
  deps: SilenceDeps,
  o: Occurrence,
): Promise<{ silences: OccurrenceSilence[]; silenced: string[]; failures: string[] }> {
  const { alerts, settings, clock } = deps;
  const minutes = Math.max(1, Math.ceil((o.endsAt.getTime() - clock.now().getTime()) / 60_000));
  const silences: OccurrenceSilence[] = [];
  const silenced: string[] = [];
  const failures: string[] = [];
  const silencers = alerts.silencingSources();
  for (const source of silencers) {
    for (const service of o.services) {
      try {
        const result = await alerts.silence(source, {
          labels: silenceLabels(settings, service),
          minutes,
          createdBy: BOT.name,
          comment: `Maintenance #${o.id}: ${o.title}`,
        });
        if (result.silenceId) silences.push({ source, silenceId: result.silenceId });
        silenced.push(`${service} in ${source}`);
      } catch (error) {
        failures.push(`${service} in ${source} (${(error as Error).message})`);
      }
    }
  }
  if (alerts.sourceNames().some((s) => !silencers.includes(s))) {
    const listing = await alerts.list();
    for (const alert of listing.alerts) {
      if (silencers.includes(alert.source) || alert.state !== 'active') continue;
      if (!alert.service || !o.services.includes(alert.service)) continue;
      try {
        await alerts.ack(alert.id, BOT, `Maintenance #${o.id}`);
        silenced.push(`${alert.id} acknowledged in ${alert.source}`);
      } catch (error) {
        failures.push(`${alert.id} in ${alert.source} (${(error as Error).message})`);
      }
    }
  }
  return { silences, silenced, failures };
}

/** The service's configured matchers, else `silenceLabel=<service>` (Unjucks's rules label by `job`). */
export function silenceLabels(settings: MaintenanceSettings, service: string): Record<string, string> {
  const matchers = settings.silenceMatchers[service];
  if (!matchers) return { [settings.silenceLabel]: service };
  return Object.fromEntries(matchers.map((m) => [m.name, m.value]));
}

/** Each silence the start created, expired once (the occurrence's end was claimed by one caller). */
export async function expireSilences(deps: SilenceDeps, o: Occurrence): Promise<void> {
  for (const s of o.silences) {
    try {
      await deps.alerts.expireSilence(s.source, s.silenceId);
    } catch (error) {
      // An expired or vanished silence is what we wanted anyway.
      deps.log.warn(
        { err: error, occurrence: o.id, silence: s.silenceId },
        'could not expire a maintenance silence',
      );
    }
  }
}
