import type { z } from 'zod';
import type { Command } from '../src/core/command.js';
import { confirmationMessage } from '../src/views/actions-view.js';
import { confirmButtons } from './action-buttons.js';
import { INCIDENT_USAGE, incidentFor, withIncidentOption } from './incident-option.js';
import { serviceArgs } from './service-args.js';

const args = withIncidentOption(serviceArgs);

export const restartCommand: Command<z.infer<typeof args>> = {
  name: 'restart',
  summary: 'restart a service (asks for confirmation, then verifies its health)',
  usage: [`restart <service> [environment] ${INCIDENT_USAGE}`],
  examples: ['restart unjucks-api', 'restart ai-chat staging', 'restart unjucks-api --incident 12'],
  // The per-service policy (roles per environment) decides and audits refusals.
  permission: 'read',
  args,
  async run({ service, environment, incident }, ctx) {
    const actions = ctx.services.actions.service;
    const target = actions.target(service, environment);
    const who = {
      ...{ actor: ctx.actor, channel: ctx.channel, correlationId: ctx.requestId },
      incident: await incidentFor(incident, ctx),
    };
    return confirmationMessage(await actions.request('restart', target, who));
  },
  actions: confirmButtons,
};
