import { z } from 'zod';
import type { Command } from '../../src/core/command.js';
import { doneReply } from '../../src/views/incident-replies.js';
import type { IncidentCommandDeps } from './incident-command-deps.js';
import { targetIncident } from './target.js';

const tokens = z.array(z.string()).transform((t) => ({ tokens: t }));

export const createPageCommand = (deps: IncidentCommandDeps): Command<z.infer<typeof tokens>> => ({
  name: 'page',
  summary: 'page on-call now, whatever the severity (P2/P3 do not page on their own)',
  usage: ['page [number]'],
  examples: ['incident page 12'],
  permission: 'incident',
  args: tokens,
  async run(args, ctx) {
    const { number } = await targetIncident(deps, args.tokens, ctx, 'page [number]');
    await deps.incidents.pageNow(number, ctx.actor);
    return doneReply(`On-call is being paged for incident #${number}.`);
  },
});
