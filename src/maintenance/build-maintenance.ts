import type { BotConfig } from '../config/schema.js';
import { ServiceNames } from '../config/service-names.js';
import type { Store } from '../store/store.js';
import { Checklists } from './checklists.js';
import { MaintenanceRepository } from './maintenance-repository.js';
import { type MaintenanceDeps, MaintenanceService } from './maintenance-service.js';

/** The maintenance area, its timer kinds registered (their timers fire once the timers poll). */
export async function buildMaintenance(
  // `render`: the Block Kit of its posts, from views/ (the composition root hands it in).
  w: Pick<MaintenanceDeps, 'timers' | 'alerts' | 'health' | 'chat' | 'clock' | 'log' | 'render'> & {
    config: BotConfig;
    store: Store;
  },
): Promise<MaintenanceService> {
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
    settings,
    timers: w.timers,
    alerts: w.alerts,
    health: w.health,
    chat: w.chat,
    clock: w.clock,
    log: w.log,
    repo: new MaintenanceRepository(w.store),
    checklists,
    render: w.render,
    channelOf: (name) => channels.get(name) ?? settings.channel ?? w.config.alerts.channel,
  });
  service.register();
  return service;
}
