import { ChatError, type ChatErrorCode } from '../core/chat.js';

/** Slack's Web API error codes (`data.error`) that the flows handle, in the Chat port's words. */
const OUR_CODES: Record<string, ChatErrorCode> = {
  name_taken: 'name-taken',
  already_in_channel: 'already-member',
  cant_invite_self: 'cannot-invite-self',
  user_not_found: 'user-not-found',
};

/**
 * Rethrows a Web API refusal (Slack answered `ok: false`) as a ChatError in our words, keeping
 * Slack's code as its detail; a failure to reach Slack stays the adapter's own error (retried).
 */
export function toChatError(error: unknown): never {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  if (typeof data?.error !== 'string') throw error;
  throw new ChatError(OUR_CODES[data.error] ?? 'refused', (error as Error).message ?? String(error), {
    cause: error,
    detail: data.error,
  });
}
