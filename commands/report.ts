import { z } from 'zod';
import type { Command } from '../src/core/command.js';
import type { Services } from '../src/core/services.js';

const args = z
  .array(z.string())
  .max(0, '`/bers report` takes no arguments')
  .transform(() => ({}));

/** The report service: builds and renders the daily health report. */
export interface ReportCommandDeps {
  reports: Pick<Services['reports'], 'build' | 'dailyTimezone' | 'render'>;
}

export const createReportCommand = (deps: ReportCommandDeps): Command<z.infer<typeof args>> => ({
  name: 'report',
  summary: 'post the daily health report in this channel now',
  usage: ['report'],
  examples: ['report'],
  permission: 'read',
  args,
  async run() {
    const reports = deps.reports;
    const report = await reports.build('daily-health', { timezone: reports.dailyTimezone() });
    return { ...reports.render(report), visibility: 'in_channel' };
  },
});
