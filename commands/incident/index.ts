import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Command } from '../../src/core/command.js';
import { UsageError } from '../../src/core/errors.js';
import { declareModal } from '../../src/views/incident-modals.js';
import { doneReply } from '../../src/views/incident-replies.js';
import { assignCommand, noteCommand, resolveCommand, severityCommand, updateCommand } from './changes.js';
import { declareCommand } from './declare.js';
import { incidentActions } from './interactions.js';
import { incidentViews } from './modals.js';
import { pageCommand } from './page.js';
import { escalateCommand, reassignCommand } from './pager-commands.js';
import { postmortemCommand } from './postmortem.js';
import { listCommand, statusCommand } from './queries.js';

const args = z.array(z.string()).transform((tokens) => ({ tokens }));

/** `/bers incident …`: the lifecycle. With no subcommand it opens the declare form. */
export const incidentCommand: Command<z.infer<typeof args>> = {
  name: 'incident',
  summary: 'declare and run incidents: channel, reports, roles, reminders, resolution',
  usage: ['incident'],
  examples: ['incident declare P1 checkout is failing', 'incident list'],
  permission: 'incident',
  args,
  subcommands: [
    declareCommand,
    updateCommand,
    statusCommand,
    assignCommand,
    noteCommand,
    resolveCommand,
    listCommand,
    severityCommand,
    pageCommand,
    reassignCommand,
    escalateCommand,
    postmortemCommand,
  ],
  actions: incidentActions,
  views: incidentViews,
  async run({ tokens }, ctx) {
    if (tokens.length > 0) {
      throw new UsageError(`\`${tokens[0]!.slice(0, 30)}\` is not an incident subcommand.`, 'incident');
    }
    if (ctx.mode === 'console' || !ctx.triggerId) {
      return doneReply(
        'Forms need Slack; here, type `/bers incident declare <severity> <title…> [--private]`.',
      );
    }
    const { config } = ctx.services;
    const severities = Object.entries(config.incidents.severities).map(([name, p]): [string, string] => [
      name,
      p.description,
    ]);
    const modal = declareModal(
      severities,
      config.services.map((s) => s.name),
      randomUUID(),
    );
    await ctx.services.chat.openModal(ctx.triggerId, modal);
    return doneReply('Opening the incident form…');
  },
};
