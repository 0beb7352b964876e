import type { z } from 'zod';
import type { Command } from '../src/core/command.js';
import { historyReply } from '../src/views/actions-view.js';
import type { ActionCommandDeps } from './action-deps.js';
import { serviceArgs } from './service-args.js';

const args = serviceArgs;

export const createHistoryCommand = (deps: ActionCommandDeps): Command<z.infer<typeof args>> => ({
  name: 'history',
  summary: 'recent revisions of a service (where the executor can tell) and its restarts/rollbacks',
  usage: ['history <service> [environment]'],
  examples: ['history unjucks-api'],
  permission: 'read',
  args,
  async run({ service, environment }) {
    const actions = deps.actions.service;
    const target = actions.target(service, environment);
    const { revisions, recent } = await actions.history(target);
    return historyReply(target.service, target.environment, revisions, recent);
  },
});
