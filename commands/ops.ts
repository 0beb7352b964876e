import type { z } from 'zod';
import type { ActionHandler, Command } from '../src/core/command.js';
import { UsageError } from '../src/core/errors.js';
import type { Services } from '../src/core/services.js';
import { operationsReply } from '../src/views/operations-view.js';
import type { ActionCommandDeps } from './action-deps.js';
import { confirmOrRun } from './operation-start.js';
import { serviceArgs } from './service-args.js';

const args = serviceArgs;

/** `/bers ops` also reads which environments a service has from the configuration. */
export interface OpsCommandDeps extends ActionCommandDeps {
  config: Pick<Services['config'], 'actions'>;
}

/** A button under `/bers ops`: a request for that operation, guarded like a typed `/bers run`. */
const requestButton = (deps: ActionCommandDeps): ActionHandler => ({
  permission: 'operate',
  async run(inv) {
    const { service, environment, operation } = JSON.parse(inv.value) as Record<string, unknown>;
    if (typeof service !== 'string' || typeof environment !== 'string' || typeof operation !== 'string') {
      throw new UsageError('That button is malformed.');
    }
    const actions = deps.actions.service;
    const who = { actor: inv.actor, channel: inv.channel, correlationId: inv.requestId };
    const request = await actions.request(operation, actions.target(service, environment), who);
    return { ...(await confirmOrRun(request, who, deps, inv.respond)), replaceOriginal: false };
  },
});

export const createOpsCommand = (deps: OpsCommandDeps): Command<z.infer<typeof args>> => ({
  name: 'ops',
  summary: "a service's operations (restart, rollback, the configured ones), with a button for each",
  usage: ['ops <service> [environment]'],
  examples: ['ops bers-api', 'ops unjucks-api staging'],
  permission: 'read',
  args,
  async run({ service, environment }) {
    const actions = deps.actions.service;
    const target = actions.target(service, environment);
    const environments = Object.keys(deps.config.actions.services[target.service]!.environments);
    return operationsReply(target, actions.operations(target), environments);
  },
  actions: { request: requestButton(deps) },
});
