import type { z } from 'zod';
import type { ActionHandler, Command } from '../src/core/command.js';
import { UsageError } from '../src/core/errors.js';
import { operationsReply } from '../src/views/operations-view.js';
import { confirmOrRun } from './operation-start.js';
import { serviceArgs } from './service-args.js';

const args = serviceArgs;

/** A button under `/bers ops`: a request for that operation, guarded like a typed `/bers run`. */
const requestButton: ActionHandler = {
  permission: 'operate',
  async run(inv) {
    const { service, environment, operation } = JSON.parse(inv.value) as Record<string, unknown>;
    if (typeof service !== 'string' || typeof environment !== 'string' || typeof operation !== 'string') {
      throw new UsageError('That button is malformed.');
    }
    const actions = inv.services.actions.service;
    const who = { actor: inv.actor, channel: inv.channel, correlationId: inv.requestId };
    const request = await actions.request(operation, actions.target(service, environment), who);
    return { ...(await confirmOrRun(request, who, inv.services, inv.respond)), replaceOriginal: false };
  },
};

export const opsCommand: Command<z.infer<typeof args>> = {
  name: 'ops',
  summary: "a service's operations (restart, rollback, the configured ones), with a button for each",
  usage: ['ops <service> [environment]'],
  examples: ['ops bers-api', 'ops unjucks-api staging'],
  permission: 'read',
  args,
  async run({ service, environment }, ctx) {
    const actions = ctx.services.actions.service;
    const target = actions.target(service, environment);
    const environments = Object.keys(ctx.services.config.actions.services[target.service]!.environments);
    return operationsReply(target, actions.operations(target), environments);
  },
  actions: { request: requestButton },
};
