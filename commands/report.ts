import { z } from 'zod';
import type { Command } from '../src/core/command.js';

const args = z
  .array(z.string())
  .max(0, '`/bers report` takes no arguments')
  .transform(() => ({}));

export const reportCommand: Command<z.infer<typeof args>> = {
  name: 'report',
  summary: 'post the daily health report in this channel now',
  usage: ['report'],
  examples: ['report'],
  permission: 'read',
  args,
  async run(_args, ctx) {
    const reports = ctx.services.reports;
    const report = await reports.build('daily-health', { timezone: reports.dailyTimezone() });
    return { ...reports.render(report), visibility: 'in_channel' };
  },
};
