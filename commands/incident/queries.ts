import { z } from 'zod';
import type { Command } from '../../src/core/command.js';
import { NotFoundError } from '../../src/core/errors.js';
import { listReply, statusReply } from '../../src/views/incident-replies.js';
import { splitPageArg } from '../page-arg.js';
import type { IncidentCommandDeps } from './incident-command-deps.js';
import { targetIncident } from './target.js';

const pageOnly = z.array(z.string()).transform((tokens, ctx) => {
  const split = splitPageArg(tokens);
  if ('error' in split || split.rest.length > 0) {
    ctx.addIssue({ code: 'custom', message: 'expected `list [page N]`' });
    return z.NEVER;
  }
  return { page: split.page };
});

export const createListCommand = (deps: IncidentCommandDeps): Command<z.infer<typeof pageOnly>> => ({
  name: 'list',
  summary: 'open incidents, most severe first (a page at a time when there are many)',
  usage: ['list [page N]'],
  examples: ['incident list', 'incident list page 2'],
  permission: 'read',
  args: pageOnly,
  async run({ page }) {
    return listReply(await deps.incidents.listOpen(), deps.chat, page);
  },
});

const tokens = z
  .array(z.string())
  .max(1, 'give at most one incident number')
  .transform((t) => ({ tokens: t }));

export const createStatusCommand = (deps: IncidentCommandDeps): Command<z.infer<typeof tokens>> => ({
  name: 'status',
  summary: 'one incident: status, roles, times, latest timeline (the number is implied in its channel)',
  usage: ['status [number]'],
  examples: ['incident status 12'],
  permission: 'read',
  args: tokens,
  async run(args, ctx) {
    const { number } = await targetIncident(deps, args.tokens, ctx, 'status [number]');
    const { incidents, chat } = deps;
    const incident = await incidents.get(number);
    if (!incident)
      throw new NotFoundError(
        `There is no incident #${number}. \`/bers incident list\` shows the open ones.`,
      );
    // A private incident's detail stays inside its channel (and the console, which is one operator).
    const detail = !incident.isPrivate || ctx.channel.id === incident.channelId || ctx.mode === 'console';
    const timeline = detail ? await incidents.timeline(number) : [];
    return statusReply(incident, timeline, chat, detail, deps.clock.now());
  },
});
