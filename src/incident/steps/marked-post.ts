import { chatRefusal, type MessageRef, type PostOptions } from '../../core/chat.js';
import type { Message } from '../../core/message.js';
import type { StepRunnerDeps } from '../step-runner-deps.js';
import type { PendingStep } from '../step-store.js';

/**
 * Posts a step's message (top-level or a reply in a card's thread) exactly once. Each post carries
 * the step's key as its marker; a re-run (an earlier attempt's post may have been accepted by
 * Slack before the process died, its ts never recorded) first looks for that marker in the
 * channel or thread since the step was first tried, and adopts the message instead of posting
 * a second one.
 */
export async function postOnce(
  deps: StepRunnerDeps,
  step: PendingStep,
  channel: string,
  message: Message,
  options: PostOptions = {},
): Promise<MessageRef> {
  if (step.attempts > 1) {
    const found = await lookFor(deps, step, channel, options.threadTs);
    if (found) {
      deps.log.info(
        { step: step.key, channel, ts: found.ts },
        'adopted the message an earlier attempt posted',
      );
      return found;
    }
  }
  return deps.chat.post(channel, message, { ...options, marker: step.key });
}

/** A refused look (the bot not in the channel, no history scope) cannot tell: it posts rather than never. */
async function lookFor(deps: StepRunnerDeps, step: PendingStep, channel: string, threadTs?: string) {
  try {
    return await deps.chat.findMarked(channel, step.key, step.firstAttemptAt, threadTs);
  } catch (error) {
    if (!chatRefusal(error)) throw error;
    deps.log.warn({ err: error, step: step.key, channel }, 'cannot look for an earlier post; posting');
    return undefined;
  }
}
