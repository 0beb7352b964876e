import { z } from 'zod';
import type { Command } from '../src/core/command.js';
import { createConfirmButtons } from './action-buttons.js';
import type { ActionCommandDeps } from './action-deps.js';
import { confirmOrRun } from './operation-start.js';

const args = z
  .array(z.string().max(64, 'a name is at most 64 characters'))
  .min(2, 'name the service and the number of replicas')
  .max(3, 'expected `scale <service> <replicas> [environment]`')
  .transform(([service, replicas, environment]) => ({ service: service!, replicas: replicas!, environment }));

export const createScaleCommand = (deps: ActionCommandDeps): Command<z.infer<typeof args>> => ({
  name: 'scale',
  summary: 'set the replicas of a Kubernetes deployment or compose service (confirmed, then verified)',
  usage: ['scale <service> <replicas> [environment]'],
  examples: ['scale unjucks-api 6', 'scale backend 3'],
  permission: 'operate',
  args,
  async run({ service, replicas, environment }, ctx) {
    const actions = deps.actions.service;
    const target = actions.target(service, environment);
    const who = { actor: ctx.actor, channel: ctx.channel, correlationId: ctx.requestId };
    const request = await actions.requestTyped('scale', target, who, [replicas]);
    return confirmOrRun(request, who, deps, ctx.respond);
  },
  actions: createConfirmButtons(deps),
});
