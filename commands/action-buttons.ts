import type { ActionHandler, ActionInvocation } from '../src/core/command.js';
import { md, userMention } from '../src/core/mrkdwn.js';
import { confirmationMessage, decidedMessage } from '../src/views/actions-view.js';

function who(invocation: ActionInvocation) {
  return { actor: invocation.actor, channel: invocation.channel, correlationId: invocation.correlationId };
}

/** Confirm / Cancel on a restart or rollback confirmation; shared by both commands. */
export const confirmButtons: Record<string, ActionHandler> = {
  async confirm(invocation) {
    const { runner } = invocation.services.actions;
    const request = await runner.confirm(invocation.value, who(invocation));
    // The store already says confirmed: a failed message update must not stop the execution.
    await invocation
      .respond(
        decidedMessage(
          request,
          md`:hourglass_flowing_sand: Confirmed by ${userMention(invocation.actor.id)}, running`,
        ),
      )
      .catch((error: unknown) =>
        invocation.services.log.warn({ err: error }, 'could not update the confirmation'),
      );
    await runner.execute(request, who(invocation));
    return undefined;
  },
  async cancel(invocation) {
    const request = await invocation.services.actions.service.cancel(invocation.value, who(invocation));
    return decidedMessage(request, md`Cancelled by ${userMention(invocation.actor.id)}`);
  },
};

/** "Roll back" under a failed verification: a new rollback request, confirmed like any other. */
export const rollbackRequestButton: ActionHandler = async (invocation) => {
  const { service, environment } = JSON.parse(invocation.value) as { service: string; environment: string };
  const actions = invocation.services.actions.service;
  const request = await actions.request('rollback', actions.target(service, environment), who(invocation));
  return { ...confirmationMessage(request), replaceOriginal: false };
};
