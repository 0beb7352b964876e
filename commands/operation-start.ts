import type { ActionRequest } from '../src/actions/action-request.js';
import type { Who } from '../src/actions/action-service.js';
import type { Reply } from '../src/core/message.js';
import { confirmationMessage } from '../src/views/actions-view.js';
import { runningNowMessage } from '../src/views/operations-view.js';
import type { ActionCommandDeps } from './action-deps.js';

/**
 * A fresh request: its confirmation, or, for an operation configured without one (already
 * confirmed by its requester), the run itself; its results are posted in the channel as usual.
 */
export async function confirmOrRun(
  request: ActionRequest,
  who: Who,
  deps: ActionCommandDeps,
  respond: (reply: Reply) => Promise<void>,
): Promise<Reply> {
  if (request.state !== 'confirmed') return confirmationMessage(request);
  await respond(runningNowMessage(request)).catch((error: unknown) =>
    deps.log.warn({ err: error }, 'could not say the operation is running'),
  );
  await deps.actions.runner.execute(request, who);
  return { text: `Finished; the result is in <#${request.channelId}>.`, visibility: 'ephemeral' };
}
