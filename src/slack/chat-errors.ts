import { ChatError, type ChatErrorCode } from '../core/chat.js';

/** Slack's Web API error codes (`data.error`) that the flows handle, in the Chat port's words. */
const OUR_CODES: Record<string, ChatErrorCode> = {
  name_taken: 'name-taken',
  already_in_channel: 'already-member',
  cant_invite_self: 'cannot-invite-self',
  user_not_found: 'user-not-found',
};

/** Rethrows a Web API failure as a ChatError when its code is one the flows handle, else as it is. */
export function toChatError(error: unknown): never {
  const data = (error as { data?: { error?: unknown } } | undefined)?.data;
  const code = typeof data?.error === 'string' ? OUR_CODES[data.error] : undefined;
  if (code) throw new ChatError(code, (error as Error).message ?? String(error), { cause: error });
  throw error;
}
