import { z } from 'zod';
import type { Command } from '../../src/core/command.js';
import { freeText } from '../../src/core/command-text.js';
import { UsageError } from '../../src/core/errors.js';
import { md, userMention } from '../../src/core/mrkdwn.js';
import { isRole, isStatus, ROLE_TITLES, ROLES, STATUSES } from '../../src/incident/model.js';
import { doneReply } from '../../src/views/incident-replies.js';
import { truncatePlain } from '../../src/views/truncate.js';
import type { IncidentCommandDeps } from './incident-command-deps.js';
import { parseUser, targetIncident } from './target.js';

const tokens = z.array(z.string()).transform((t) => ({ tokens: t }));
type Tokens = z.infer<typeof tokens>;

export const createUpdateCommand = (deps: IncidentCommandDeps): Command<Tokens> => ({
  name: 'update',
  summary: 'post a status update (channel and announcement) and set when the next one is due',
  usage: ['update [number] <investigating|identified|monitoring> <text…> [--public]'],
  examples: [
    'incident update 12 identified a bad deploy of checkout; rolling back',
    'incident update 12 monitoring checkout works again --public',
  ],
  permission: 'incident',
  args: tokens,
  async run(args, ctx) {
    // `--public`: the text also goes on the public status page (anywhere in the line).
    const isPublic = args.tokens.some((t) => t.toLowerCase() === '--public');
    const tokens = args.tokens.filter((t) => t.toLowerCase() !== '--public');
    const { number, rest } = await targetIncident(deps, tokens, ctx, 'update [number] <status> <text…>');
    const [status = '', ...text] = rest;
    const wanted = status.toLowerCase();
    if (!isStatus(wanted)) {
      throw new UsageError(
        `\`${truncatePlain(status, 20) || '(nothing)'}\` is not a status. Use one of: ${STATUSES.filter((s) => s !== 'resolved').join(', ')} (and \`resolve\` to resolve).`,
        'incident update',
      );
    }
    const incident = await deps.incidents.update(
      number,
      { status: wanted, text: freeText(text), isPublic },
      ctx.actor,
    );
    return doneReply(
      `Update posted for incident #${number} (${incident.status})${isPublic ? ', also on the public status page' : ''}.`,
    );
  },
});

export const createAssignCommand = (deps: IncidentCommandDeps): Command<Tokens> => ({
  name: 'assign',
  summary: 'give someone a role: commander, lead (technical lead) or comms',
  usage: ['assign [number] <@user> <commander|lead|comms>'],
  examples: ['incident assign 12 @ada commander'],
  permission: 'incident',
  args: tokens,
  async run(args, ctx) {
    const { number, rest } = await targetIncident(deps, args.tokens, ctx, 'assign [number] <@user> <role>');
    const [who, roleToken = ''] = rest;
    const userId = parseUser(who, ctx);
    if (!userId) {
      throw new UsageError(
        `\`${truncatePlain(who ?? '(nobody)', 40)}\` is not a Slack user. Mention them with @ so Slack sends who they are, e.g. \`/bers incident assign ${number} @ada commander\`.`,
        'incident assign',
      );
    }
    const role = roleToken.toLowerCase();
    if (!isRole(role)) {
      throw new UsageError(
        `\`${truncatePlain(roleToken, 20) || '(nothing)'}\` is not a role. Use one of: ${ROLES.join(', ')}.`,
        'incident assign',
      );
    }
    await deps.incidents.assign(number, role, userId, ctx.actor);
    return doneReply(md`${userMention(userId)} is now ${ROLE_TITLES[role]} of incident #${number}.`);
  },
});

export const createNoteCommand = (deps: IncidentCommandDeps): Command<Tokens> => ({
  name: 'note',
  summary: 'add a line to the incident timeline',
  usage: ['note [number] <text…>'],
  examples: ['incident note 12 failed over to the replica'],
  permission: 'incident',
  args: tokens,
  async run(args, ctx) {
    const { number, rest } = await targetIncident(deps, args.tokens, ctx, 'note [number] <text…>');
    await deps.incidents.note(number, freeText(rest), ctx.actor);
    return doneReply(`📝 Noted in the timeline of incident #${number}.`);
  },
});

export const createSeverityCommand = (deps: IncidentCommandDeps): Command<Tokens> => ({
  name: 'severity',
  summary: 'raise or lower the severity (announced; paging and cadence follow the new policy)',
  usage: ['severity [number] <severity> [reason…]'],
  examples: ['incident severity 12 P0 all regions down now'],
  permission: 'incident',
  args: tokens,
  async run(args, ctx) {
    const { number, rest } = await targetIncident(
      deps,
      args.tokens,
      ctx,
      'severity [number] <severity> [reason…]',
    );
    const [severity, ...reason] = rest;
    if (!severity) throw new UsageError('Give the new severity, e.g. `P0`.', 'incident severity');
    const incident = await deps.incidents.changeSeverity(number, severity, freeText(reason), ctx.actor);
    return doneReply(`Incident #${number} is now ${incident.severity}.`);
  },
});

export const createResolveCommand = (deps: IncidentCommandDeps): Command<Tokens> => ({
  name: 'resolve',
  summary: 'resolve: resolution report, post-mortem draft, post-mortem reminder',
  usage: ['resolve [number] <resolution…> [root cause: <cause…>]'],
  examples: ['incident resolve 12 rolled back to 1.4.2 root cause: a missing index'],
  permission: 'incident',
  args: tokens,
  async run(args, ctx) {
    const { number, rest } = await targetIncident(deps, args.tokens, ctx, 'resolve [number] <resolution…>');
    const [resolution = '', rootCause] = freeText(rest).split(/\broot cause:\s*/i);
    await deps.incidents.resolve(number, { resolution, rootCause }, ctx.actor);
    return doneReply(`✅ Incident #${number} resolved.`);
  },
});
