import type { Services } from '../../src/core/services.js';

/** `/bers maintenance …`: the windows, the clock for "upcoming", and the service names. */
export interface MaintenanceCommandDeps {
  maintenance: Pick<Services['maintenance'], 'upcoming' | 'scheduleOneOff' | 'cancel'>;
  clock: Services['clock'];
  config: Pick<Services['config'], 'services'>;
}
