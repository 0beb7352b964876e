import { z } from 'zod';
import type { Command } from '../../src/core/command.js';
import { maintenanceListReply } from '../../src/views/maintenance-view.js';
import type { MaintenanceCommandDeps } from './maintenance-command-deps.js';

const none = z
  .array(z.string())
  .max(0, '`list` takes no arguments')
  .transform(() => ({}));

export const createListCommand = (deps: MaintenanceCommandDeps): Command<z.infer<typeof none>> => ({
  name: 'list',
  summary: 'upcoming and running maintenance windows, recurring and one-off',
  usage: ['list'],
  permission: 'read',
  args: none,
  async run() {
    return maintenanceListReply(await deps.maintenance.upcoming(), deps.clock.now());
  },
});
