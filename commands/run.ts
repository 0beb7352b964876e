import { z } from 'zod';
import type { Command } from '../src/core/command.js';
import { createConfirmButtons } from './action-buttons.js';
import type { ActionCommandDeps } from './action-deps.js';
import { INCIDENT_USAGE, incidentFor, withIncidentOption } from './incident-option.js';
import { confirmOrRun } from './operation-start.js';
import { splitEnvironment } from './service-args.js';

/** The command's own arguments; `--incident N` is taken out first. */
const ownArgs = z
  .array(z.string().max(256, 'an argument is at most 256 characters'))
  .transform((tokens, ctx) => {
    const { environment, rest } = splitEnvironment(tokens);
    const [service, operation, ...values] = rest;
    if (!service || !operation) {
      ctx.addIssue({
        code: 'custom',
        message: 'name the service and the operation (`/bers ops <service>` lists them)',
      });
      return z.NEVER;
    }
    return { service, operation: operation.toLowerCase(), environment, values };
  });

const args = withIncidentOption(ownArgs);

export const createRunCommand = (deps: ActionCommandDeps): Command<z.infer<typeof args>> => ({
  name: 'run',
  summary: 'run a named operation of a service (cache clear, VACUUM, DLQ reprocess…), with its guards',
  usage: [`run <service> <operation> [args…] [--env <environment>] ${INCIDENT_USAGE}`],
  examples: [
    'run bers-api cache-clear',
    'run bers-api cache-ttl configuration 10m',
    'run ai-chat-database vacuum',
  ],
  permission: 'operate',
  args,
  async run({ service, operation, environment, values, incident }, ctx) {
    const actions = deps.actions.service;
    const target = actions.target(service, environment);
    const who = {
      ...{ actor: ctx.actor, channel: ctx.channel, correlationId: ctx.requestId },
      incident: await incidentFor(deps.incidents, incident, ctx),
    };
    const request = await actions.requestTyped(operation, target, who, values);
    return confirmOrRun(request, who, deps, ctx.respond);
  },
  actions: createConfirmButtons(deps),
});
