import { z } from 'zod';
import type { Command, CommandContext } from '../src/core/command.js';
import type { Services } from '../src/core/services.js';
import type { HealthReport } from '../src/health/model.js';
import {
  healthDetailReply,
  healthListFits,
  healthReportFile,
  healthSummaryReply,
} from '../src/views/health-view.js';
import { maintenanceNote } from '../src/views/maintenance-view.js';

const args = z
  .array(z.string().max(64, 'a service name is at most 64 characters'))
  .max(50, 'name at most 50 services')
  .transform((services) => ({ services }));

/** What `/bers health` uses: the checks, the maintenance windows, and the channel for the file. */
export interface HealthCommandDeps {
  health: Pick<Services['health'], 'check'>;
  maintenance: Pick<Services['maintenance'], 'current'>;
  chat: Pick<Services['chat'], 'uploadFile'>;
  log: Pick<Services['log'], 'warn'>;
}

/** The full list as a file in the channel, when one line per service would not fit a message. */
async function attachFullList(
  deps: HealthCommandDeps,
  report: HealthReport,
  ctx: CommandContext,
): Promise<string> {
  const file = healthReportFile(report);
  try {
    await deps.chat.uploadFile(ctx.channel.id, {
      filename: file.filename,
      title: file.title,
      content: Buffer.from(file.content, 'utf8'),
    });
    return `Every service is in \`${file.filename}\`, uploaded to this channel`;
  } catch (error) {
    deps.log.warn({ err: error }, 'health list upload failed');
    return `The full list could not be uploaded: ${(error as Error).message}`;
  }
}

export function createHealthCommand(deps: HealthCommandDeps): Command<z.infer<typeof args>> {
  return {
    name: 'health',
    summary: 'status of every service (or the checks of the ones named)',
    usage: ['health [service…]'],
    examples: ['health', 'health upload-bridge'],
    permission: 'read',
    args,
    async run({ services }, ctx) {
      const [report, windows] = await Promise.all([deps.health.check(services), deps.maintenance.current()]);
      // The checks still run in a window: "in maintenance" explains a red service, it does not hide it.
      const notes = new Map(
        windows.flatMap((w) => w.services.map((s): [string, string] => [s, maintenanceNote(w)])),
      );
      if (services.length > 0) return healthDetailReply(report, notes);
      const fits = healthListFits(report, notes);
      const note = fits ? undefined : await attachFullList(deps, report, ctx);
      return healthSummaryReply(report, { notes, fileNote: note, fits });
    },
  };
}
