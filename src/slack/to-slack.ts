import type { RespondArguments } from '@slack/bolt';
import type { Reply } from '../core/message.js';
import { notificationText } from '../views/blocks.js';

/** A reply as the body posted to `response_url`. */
export function toRespondArguments(reply: Reply): RespondArguments {
  return {
    response_type: reply.visibility ?? 'ephemeral',
    text: notificationText(reply.text),
    ...(reply.blocks ? { blocks: reply.blocks } : {}),
    ...(reply.replaceOriginal !== undefined ? { replace_original: reply.replaceOriginal } : {}),
  } as RespondArguments;
}

type StateValue = {
  type: string;
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
  selected_user?: string | null;
  selected_users?: string[];
  selected_conversation?: string | null;
  selected_channel?: string | null;
  selected_date?: string | null;
};

/** A modal's `state.values` flattened to block id → value (arrays for multi-selects). */
export function flattenViewState(
  values: Record<string, Record<string, StateValue>>,
): Record<string, string | string[] | undefined> {
  const out: Record<string, string | string[] | undefined> = {};
  for (const [blockId, byAction] of Object.entries(values)) {
    // Payloads come from outside: a block that is not an object has no value, rather than an error.
    const v = byAction && typeof byAction === 'object' ? Object.values(byAction)[0] : undefined;
    if (!v || typeof v !== 'object') continue;
    out[blockId] =
      v.value ??
      v.selected_option?.value ??
      v.selected_options?.map((o) => o.value) ??
      v.selected_user ??
      v.selected_users ??
      v.selected_conversation ??
      v.selected_channel ??
      v.selected_date ??
      undefined;
  }
  return out;
}
