import type { Who } from '../src/actions/action-service.js';
import type { ActionHandler } from '../src/core/command.js';
import { UsageError } from '../src/core/errors.js';
import { md, userMention } from '../src/core/mrkdwn.js';
import { confirmationMessage, decidedMessage } from '../src/views/actions-view.js';
import type { ActionCommandDeps } from './action-deps.js';

function who(invocation: { actor: Who['actor']; channel: Who['channel']; requestId: string }): Who {
  return { actor: invocation.actor, channel: invocation.channel, correlationId: invocation.requestId };
}

/*
 * Restart and rollback buttons declare `read`, as their commands do: who may restart or roll back
 * is the per-service policy (the `operate` grant, `admin` in production, or the roles configured
 * for that environment), which ActionService checks and audits on every step. A fixed `operate`
 * here would refuse admins of production-only setups and the roles an environment names.
 */

/** Confirm / Cancel on a restart or rollback confirmation; shared by both commands. */
export const createConfirmButtons = (deps: ActionCommandDeps): Record<string, ActionHandler> => ({
  confirm: {
    permission: 'read',
    async run(invocation) {
      const { runner } = deps.actions;
      const request = await runner.confirm(invocation.value, who(invocation));
      // The store already says confirmed: a failed message update must not stop the execution.
      await invocation
        .respond(
          decidedMessage(
            request,
            md`:hourglass_flowing_sand: Confirmed by ${userMention(invocation.actor.id)}, running`,
          ),
        )
        .catch((error: unknown) => deps.log.warn({ err: error }, 'could not update the confirmation'));
      await runner.execute(request, who(invocation));
      return undefined;
    },
  },
  cancel: {
    permission: 'read',
    async run(invocation) {
      const request = await deps.actions.service.cancel(invocation.value, who(invocation));
      return decidedMessage(request, md`Cancelled by ${userMention(invocation.actor.id)}`);
    },
  },
});

function targetOf(value: string): { service: string; environment: string } {
  try {
    const { service, environment } = JSON.parse(value) as Record<string, unknown>;
    if (typeof service === 'string' && typeof environment === 'string') return { service, environment };
  } catch {
    // Falls through: a value we did not write.
  }
  throw new UsageError('That button is malformed.');
}

/** "Roll back" under a failed verification: a new rollback request, confirmed like any other. */
export const createRollbackRequestButton = (deps: ActionCommandDeps): ActionHandler => ({
  permission: 'read',
  async run(invocation) {
    const { service, environment } = targetOf(invocation.value);
    const actions = deps.actions.service;
    const request = await actions.request('rollback', actions.target(service, environment), who(invocation));
    return { ...confirmationMessage(request), replaceOriginal: false };
  },
});
