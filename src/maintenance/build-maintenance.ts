import type { Logger } from 'pino';
import type { AlertService } from '../alerts/alert-service.js';
import type { BotConfig } from '../config/schema.js';
import { ServiceNames } from '../config/service-names.js';
import type { Chat } from '../core/chat.js';
import type { Clock } from '../core/clock.js';
import type { HealthService } from '../health/health-service.js';
import type { TimerService } from '../scheduler/timers.js';
import type { Store } from '../store/store.js';
import { Checklists } from './checklists.js';
import type { MaintenanceMessages } from './maintenance-messages.js';
import { MaintenanceRepository } from './maintenance-repository.js';
import { MaintenanceService } from './maintenance-service.js';

/** The maintenance area, its timer kinds registered (their timers fire once the timers poll). */
export async function buildMaintenance(w: {
  config: BotConfig;
  store: Store;
  timers: TimerService;
  alerts: AlertService;
  health: HealthService;
  chat: Chat;
  clock: Clock;
  log: Logger;
  /** The Block Kit of its posts, from views/ (the composition root hands it in). */
  render: MaintenanceMessages;
}): Promise<MaintenanceService> {
  // Windows may name services by alias (`api`); health and the two-person rule ask by name.
  const names = new ServiceNames(w.config.services);
  const settings = {
    ...w.config.maintenance,
    windows: w.config.maintenance.windows.map((window) => ({
      ...window,
      services: [...new Set(window.services.map((s) => names.resolve(s)))],
    })),
  };
  const checklists = await Checklists.forWindows(settings.windows);
  const channels = new Map(w.config.services.map((s) => [s.name, s.channel]));
  const service = new MaintenanceService({
    ...{
      settings,
      timers: w.timers,
      alerts: w.alerts,
      health: w.health,
      chat: w.chat,
      clock: w.clock,
      log: w.log,
    },
    repo: new MaintenanceRepository(w.store),
    checklists,
    render: w.render,
    channelOf: (name) => channels.get(name) ?? settings.channel ?? w.config.alerts.channel,
  });
  service.register();
  return service;
}
