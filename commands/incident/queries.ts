import { z } from 'zod';
import type { Command } from '../../src/core/command.js';
import { NotFoundError } from '../../src/core/errors.js';
import { listReply, statusReply } from '../../src/views/incident-replies.js';
import { targetIncident } from './target.js';

const none = z
  .array(z.string())
  .max(0, '`list` takes no arguments')
  .transform(() => ({}));

export const listCommand: Command<z.infer<typeof none>> = {
  name: 'list',
  summary: 'open incidents, most severe first',
  usage: ['list'],
  permission: 'read',
  args: none,
  async run(_args, ctx) {
    return listReply(await ctx.services.incidents.listOpen(), ctx.services.chat);
  },
};

const tokens = z
  .array(z.string())
  .max(1, 'give at most one incident number')
  .transform((t) => ({ tokens: t }));

export const statusCommand: Command<z.infer<typeof tokens>> = {
  name: 'status',
  summary: 'one incident: status, roles, times, latest timeline (the number is implied in its channel)',
  usage: ['status [number]'],
  examples: ['incident status 12'],
  permission: 'read',
  args: tokens,
  async run(args, ctx) {
    const { number } = await targetIncident(args.tokens, ctx, 'status [number]');
    const { incidents, chat } = ctx.services;
    const incident = await incidents.get(number);
    if (!incident)
      throw new NotFoundError(
        `There is no incident #${number}. \`/bers incident list\` shows the open ones.`,
      );
    // A private incident's detail stays inside its channel (and the console, which is one operator).
    const detail = !incident.isPrivate || ctx.channel.id === incident.channelId || ctx.mode === 'console';
    const timeline = detail ? await incidents.timeline(number) : [];
    return statusReply(incident, timeline, chat, detail, ctx.services.clock.now());
  },
};
