import { z } from 'zod';
import type { Command } from '../src/core/command.js';
import { healthDetailReply, healthSummaryReply } from '../src/views/health-view.js';
import { maintenanceNote } from '../src/views/maintenance-view.js';

const args = z
  .array(z.string().max(64, 'a service name is at most 64 characters'))
  .max(50, 'name at most 50 services')
  .transform((services) => ({ services }));

export const healthCommand: Command<z.infer<typeof args>> = {
  name: 'health',
  summary: 'status of every service (or the checks of the ones named)',
  usage: ['health [service…]'],
  examples: ['health', 'health upload-bridge'],
  permission: 'read',
  args,
  async run({ services }, ctx) {
    const [report, windows] = await Promise.all([
      ctx.services.health.check(services),
      ctx.services.maintenance.current(),
    ]);
    // The checks still run in a window: "in maintenance" explains a red service, it does not hide it.
    const notes = new Map(
      windows.flatMap((w) => w.services.map((s): [string, string] => [s, maintenanceNote(w)])),
    );
    return services.length === 0 ? healthSummaryReply(report, notes) : healthDetailReply(report, notes);
  },
};
