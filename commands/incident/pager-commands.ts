import { z } from 'zod';
import type { Command } from '../../src/core/command.js';
import { UsageError } from '../../src/core/errors.js';
import { md, userMention } from '../../src/core/mrkdwn.js';
import { doneReply } from '../../src/views/incident-replies.js';
import type { IncidentCommandDeps } from './incident-command-deps.js';
import { parseUser, targetIncident } from './target.js';

const tokens = z.array(z.string()).transform((t) => ({ tokens: t }));
type Tokens = z.infer<typeof tokens>;

export const createReassignCommand = (deps: IncidentCommandDeps): Command<Tokens> => ({
  name: 'reassign',
  summary: 'give the page to someone else in PagerDuty (they are notified there)',
  usage: ['reassign [number] <@user>'],
  examples: ['incident reassign 12 @grace'],
  permission: 'incident',
  args: tokens,
  async run(args, ctx) {
    const { number, rest } = await targetIncident(deps, args.tokens, ctx, 'reassign [number] <@user>');
    const userId = parseUser(rest[0], ctx, 'incident reassign');
    if (!userId || rest.length > 1) {
      throw new UsageError(
        'Name one person, mentioned with @: `/bers incident reassign 12 @grace`.',
        'incident reassign',
      );
    }
    const vendor = await deps.incidents.reassignPage(number, userId, ctx.actor, ctx.requestId);
    return doneReply(
      md`🔁 The page for incident #${number} is now with ${userMention(userId)} (${vendor.assignees.join(', ') || 'PagerDuty'}).`,
    );
  },
});

export const createEscalateCommand = (deps: IncidentCommandDeps): Command<Tokens> => ({
  name: 'escalate',
  summary: 'escalate the page to the next level of its PagerDuty escalation policy',
  usage: ['escalate [number]'],
  examples: ['incident escalate 12'],
  permission: 'incident',
  args: tokens,
  async run(args, ctx) {
    const { number, rest } = await targetIncident(deps, args.tokens, ctx, 'escalate [number]');
    if (rest.length > 0)
      throw new UsageError('`escalate` takes only the incident number.', 'incident escalate');
    const vendor = await deps.incidents.escalatePage(number, ctx.actor, ctx.requestId);
    const to = vendor.assignees.join(', ') || 'the next level';
    return doneReply(
      md`⏫ Escalated the page for incident #${number} to level ${vendor.escalationLevel ?? '?'}: ${to}.`,
    );
  },
});
