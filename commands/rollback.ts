import { z } from 'zod';
import type { Command } from '../src/core/command.js';
import { confirmationMessage } from '../src/views/actions-view.js';
import { createConfirmButtons, createRollbackRequestButton } from './action-buttons.js';
import type { ActionCommandDeps } from './action-deps.js';
import { INCIDENT_USAGE, incidentFor, withIncidentOption } from './incident-option.js';

/** The command's own arguments; `--incident N` is taken out first. */
const ownArgs = z
  .array(z.string().max(64, 'a name is at most 64 characters'))
  .min(1, 'name the service to roll back')
  .transform((tokens, ctx) => {
    const [service, ...rest] = tokens;
    const to = rest.findIndex((t) => t.toLowerCase() === 'to');
    const before = to >= 0 ? rest.slice(0, to) : rest;
    const after = to >= 0 ? rest.slice(to + 1) : [];
    if (before.length > 1 || (to >= 0 && after.length !== 1)) {
      ctx.addIssue({
        code: 'custom',
        message: 'expected `rollback <service> [environment] [to <revision>]`',
      });
      return z.NEVER;
    }
    return { service: service!, environment: before[0], revision: after[0] };
  });

const args = withIncidentOption(ownArgs);

export const createRollbackCommand = (deps: ActionCommandDeps): Command<z.infer<typeof args>> => ({
  name: 'rollback',
  summary: 'roll a service back to the previous or a named revision (confirmed, then verified)',
  usage: [`rollback <service> [environment] [to <revision>] ${INCIDENT_USAGE}`],
  examples: [
    'rollback unjucks-api',
    'rollback unjucks-api production to 41',
    'rollback unjucks-api --incident 12',
  ],
  // The per-service policy (roles per environment, two-person rule) decides and audits refusals.
  permission: 'read',
  args,
  async run({ service, environment, revision, incident }, ctx) {
    const actions = deps.actions.service;
    const target = actions.target(service, environment);
    const who = {
      ...{ actor: ctx.actor, channel: ctx.channel, correlationId: ctx.requestId },
      incident: await incidentFor(deps.incidents, incident, ctx),
    };
    const args: Record<string, string> = revision === undefined ? {} : { revision };
    return confirmationMessage(await actions.request('rollback', target, who, args));
  },
  actions: { ...createConfirmButtons(deps), request: createRollbackRequestButton(deps) },
});
