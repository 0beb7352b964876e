import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Command } from '../../src/core/command.js';
import { UsageError } from '../../src/core/errors.js';
import { declareModal } from '../../src/views/incident-modals.js';
import { doneReply } from '../../src/views/incident-replies.js';
import {
  createAssignCommand,
  createNoteCommand,
  createResolveCommand,
  createSeverityCommand,
  createUpdateCommand,
} from './changes.js';
import { createDeclareCommand } from './declare.js';
import type { IncidentCommandDeps } from './incident-command-deps.js';
import { createIncidentActions } from './interactions.js';
import { createIncidentViews } from './modals.js';
import { createPageCommand } from './page.js';
import { createEscalateCommand, createReassignCommand } from './pager-commands.js';
import { createPostmortemCommand } from './postmortem.js';
import { createListCommand, createStatusCommand } from './queries.js';

const args = z.array(z.string()).transform((tokens) => ({ tokens }));

/** `/bers incident …`: the lifecycle. With no subcommand it opens the declare form. */
export const createIncidentCommand = (deps: IncidentCommandDeps): Command<z.infer<typeof args>> => ({
  name: 'incident',
  summary: 'declare and run incidents: channel, reports, roles, reminders, resolution',
  usage: ['incident'],
  examples: ['incident declare P1 checkout is failing', 'incident list'],
  permission: 'incident',
  args,
  subcommands: [
    createDeclareCommand(deps),
    createUpdateCommand(deps),
    createStatusCommand(deps),
    createAssignCommand(deps),
    createNoteCommand(deps),
    createResolveCommand(deps),
    createListCommand(deps),
    createSeverityCommand(deps),
    createPageCommand(deps),
    createReassignCommand(deps),
    createEscalateCommand(deps),
    createPostmortemCommand(deps),
  ],
  actions: createIncidentActions(deps),
  views: createIncidentViews(deps),
  async run({ tokens }, ctx) {
    if (tokens.length > 0) {
      throw new UsageError(`\`${tokens[0]!.slice(0, 30)}\` is not an incident subcommand.`, 'incident');
    }
    if (ctx.mode === 'console' || !ctx.triggerId) {
      return doneReply(
        'Forms need Slack; here, type `/bers incident declare <severity> <title…> [--private]`.',
      );
    }
    const { config } = deps;
    const severities = Object.entries(config.incidents.severities).map(([name, p]): [string, string] => [
      name,
      p.description,
    ]);
    const modal = declareModal(
      severities,
      config.services.map((s) => s.name),
      randomUUID(),
    );
    await deps.chat.openModal(ctx.triggerId, modal);
    return doneReply('Opening the incident form…');
  },
});
