import { z } from 'zod';
import { ServiceNames } from '../../src/config/service-names.js';
import type { Command } from '../../src/core/command.js';
import { parseSchedule, SCHEDULE_USAGE } from '../../src/maintenance/schedule-input.js';
import { scheduledReply } from '../../src/views/maintenance-view.js';
import type { MaintenanceCommandDeps } from './maintenance-command-deps.js';

const args = z
  .array(z.string().max(200, 'a word is at most 200 characters'))
  .max(60, 'that is too many words for a maintenance window')
  .transform((tokens) => ({ tokens }));

export const createScheduleCommand = (deps: MaintenanceCommandDeps): Command<z.infer<typeof args>> => ({
  name: 'schedule',
  summary: 'a one-off window: announced ahead, alerts silenced, restarts without a second person',
  usage: [SCHEDULE_USAGE.replace('maintenance ', '')],
  examples: ['maintenance schedule unjucks-api unjucks-db 2026-12-06T02:00Z 2h Database upgrade'],
  permission: 'operate',
  args,
  async run({ tokens }, ctx) {
    const { config, clock, maintenance } = deps;
    const names = new ServiceNames(config.services);
    const input = parseSchedule(
      tokens,
      { canonical: (n) => names.canonical(n), all: config.services.map((s) => s.name) },
      clock.now(),
    );
    const { occurrence, announcements } = await maintenance.scheduleOneOff({
      ...input,
      createdBy: ctx.actor.name,
    });
    return scheduledReply(occurrence, announcements);
  },
});
