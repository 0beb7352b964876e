import { z } from 'zod';
import type { Command } from '../../src/core/command.js';
import { UsageError } from '../../src/core/errors.js';
import { maintenanceListReply } from '../../src/views/maintenance-view.js';
import { createCancelCommand } from './cancel.js';
import { createListCommand } from './list.js';
import type { MaintenanceCommandDeps } from './maintenance-command-deps.js';
import { createScheduleCommand } from './schedule.js';

const args = z.array(z.string()).transform((tokens) => ({ tokens }));

/** `/bers maintenance …`: windows that announce, silence and relax the two-person rule. */
export const createMaintenanceCommand = (deps: MaintenanceCommandDeps): Command<z.infer<typeof args>> => ({
  name: 'maintenance',
  summary: 'maintenance windows: schedule, list, cancel (announced ahead, alerts silenced)',
  usage: ['maintenance'],
  examples: ['maintenance list', 'maintenance schedule unjucks-api 2026-12-06T02:00Z 2h Upgrade'],
  permission: 'read',
  args,
  subcommands: [createScheduleCommand(deps), createListCommand(deps), createCancelCommand(deps)],
  async run({ tokens }) {
    if (tokens.length > 0) {
      throw new UsageError(`\`${tokens[0]!.slice(0, 30)}\` is not a maintenance subcommand.`, 'maintenance');
    }
    return maintenanceListReply(await deps.maintenance.upcoming(), deps.clock.now());
  },
});
