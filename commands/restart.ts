import type { z } from 'zod';
import type { Command } from '../src/core/command.js';
import { confirmationMessage } from '../src/views/actions-view.js';
import { createConfirmButtons } from './action-buttons.js';
import type { ActionCommandDeps } from './action-deps.js';
import { INCIDENT_USAGE, incidentFor, withIncidentOption } from './incident-option.js';
import { serviceArgs } from './service-args.js';

const args = withIncidentOption(serviceArgs);

export const createRestartCommand = (deps: ActionCommandDeps): Command<z.infer<typeof args>> => ({
  name: 'restart',
  summary: 'restart a service (asks for confirmation, then verifies its health)',
  usage: [`restart <service> [environment] ${INCIDENT_USAGE}`],
  examples: ['restart unjucks-api', 'restart ai-chat staging', 'restart unjucks-api --incident 12'],
  // The per-service policy (roles per environment) decides and audits refusals.
  permission: 'read',
  args,
  async run({ service, environment, incident }, ctx) {
    const actions = deps.actions.service;
    const target = actions.target(service, environment);
    const who = {
      ...{ actor: ctx.actor, channel: ctx.channel, correlationId: ctx.requestId },
      incident: await incidentFor(deps.incidents, incident, ctx),
    };
    return confirmationMessage(await actions.request('restart', target, who));
  },
  actions: createConfirmButtons(deps),
});
