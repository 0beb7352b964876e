import { z } from 'zod';
import type { Command } from '../../src/core/command.js';
import { UsageError } from '../../src/core/errors.js';
import { doneReply } from '../../src/views/incident-replies.js';
import type { IncidentCommandDeps } from './incident-command-deps.js';
import { targetIncident } from './target.js';

const tokens = z.array(z.string()).transform((t) => ({ tokens: t }));

export const createPostmortemCommand = (deps: IncidentCommandDeps): Command<z.infer<typeof tokens>> => ({
  name: 'postmortem',
  summary: 'record the post-mortem’s link (its reminders stop; the cards link to it)',
  usage: ['postmortem [number] <url>'],
  examples: ['incident postmortem 12 https://wiki.example.com/pm/12'],
  permission: 'incident',
  args: tokens,
  async run(args, ctx) {
    const { number, rest } = await targetIncident(deps, args.tokens, ctx, 'postmortem [number] <url>');
    if (rest.length !== 1) {
      throw new UsageError(
        'Give one link: `/bers incident postmortem 12 https://wiki.example.com/pm/12`.',
        'incident postmortem',
      );
    }
    // Slack sends a link it recognised as `<https://…>`; the edge turned that back into the text.
    await deps.incidents.recordPostMortem(number, rest[0]!, ctx.actor);
    return doneReply(`📝 Post-mortem of incident #${number} recorded; its reminders stop.`);
  },
});
