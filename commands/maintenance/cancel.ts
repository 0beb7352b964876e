import { z } from 'zod';
import type { Command } from '../../src/core/command.js';
import { doneReply } from '../../src/views/incident-replies.js';
import type { MaintenanceCommandDeps } from './maintenance-command-deps.js';

const args = z
  .array(z.string())
  .length(1, 'give the window number `/bers maintenance list` shows')
  .transform(([id]) => ({ id: id!.replace(/^#/, '') }))
  .refine(({ id }) => /^\d{1,12}$/.test(id), 'the window number is digits, e.g. `12`')
  .transform(({ id }) => ({ id: Number(id) }));

export const createCancelCommand = (deps: MaintenanceCommandDeps): Command<z.infer<typeof args>> => ({
  name: 'cancel',
  summary: 'cancel a window; one under way ends now (silences expired)',
  usage: ['cancel <id>'],
  examples: ['maintenance cancel 12'],
  permission: 'operate',
  args,
  async run({ id }) {
    const cancelled = await deps.maintenance.cancel(id);
    return doneReply(`Maintenance #${cancelled.id} (${cancelled.title}) is cancelled.`);
  },
});
