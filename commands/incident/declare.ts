import { z } from 'zod';
import type { Command } from '../../src/core/command.js';
import { freeText } from '../../src/core/command-text.js';
import { UsageError } from '../../src/core/errors.js';
import { declaredReply } from '../../src/views/incident-replies.js';

const args = z.array(z.string()).transform((tokens) => ({
  isPrivate: tokens.some((t) => t.toLowerCase() === '--private'),
  words: tokens.filter((t) => t.toLowerCase() !== '--private'),
}));

export const declareCommand: Command<z.infer<typeof args>> = {
  name: 'declare',
  summary: 'declare an incident: a channel, the initial report, paging per severity',
  usage: ['declare <severity> <title…> [--private]'],
  examples: ['incident declare P1 checkout is failing', 'incident declare P0 --private leaked credentials'],
  permission: 'incident',
  args,
  async run({ isPrivate, words }, ctx) {
    const [severity, ...title] = words;
    const { incidents } = ctx.services;
    if (!severity) {
      throw new UsageError('Give a severity and a title, e.g. `P1 checkout is failing`.', 'incident declare');
    }
    const { incident, created } = await incidents.declare(
      {
        severity,
        title: freeText(title),
        isPrivate,
        // Slack gives each invocation its own trigger id: a replayed request cannot declare twice.
        requestKey: ctx.triggerId ? `trigger:${ctx.triggerId}` : undefined,
      },
      ctx.actor,
    );
    return declaredReply(incident, created, ctx.services.chat);
  },
};
