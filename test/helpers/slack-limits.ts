import { blockKitProblems } from '../../src/cli/check/block-kit-limits.js';
import type { Message } from '../../src/core/message.js';

/**
 * What real Slack refuses, so a test that passes through the fake proves the message fits:
 * - a block that breaks Block Kit's limits (50 blocks, 3,000 characters of section text, …):
 *   `invalid_blocks` from the Web API (HTTP 200, `ok: false`, with the problems in `errors`), and
 *   HTTP 400 with the body `invalid_blocks` from a `response_url`;
 * - a top-level `text` over 40,000 characters: `msg_too_long`;
 * - blocks carrying more than about 12,000 characters of text in all: `msg_blocks_too_long`
 *   (undocumented, measured by Slack's users at 11,300–13,300; Slack staff: "12,000 text
 *   characters with a buffer", slackapi/bolt-js#2509 and #2867). Reported for chat.* methods
 *   only, so a `response_url` is not held to it here.
 */
export const BLOCKS_TEXT_LIMIT = 11_000;
const MESSAGE_TEXT_LIMIT = 40_000;
const MESSAGE_METHODS = new Set([
  'chat.postMessage',
  'chat.update',
  'chat.postEphemeral',
  'chat.scheduleMessage',
]);

function blocksOf(value: unknown): unknown[] | undefined {
  return Array.isArray(value) ? value : undefined;
}

/** Every `text` string under `blocks`, summed. */
export function blocksTextLength(blocks: readonly unknown[]): number {
  let total = 0;
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) for (const v of value) walk(v);
    else if (value && typeof value === 'object')
      for (const [key, v] of Object.entries(value)) {
        if (key === 'text' && typeof v === 'string') total += v.length;
        else walk(v);
      }
  };
  walk(blocks);
  return total;
}

function structuralProblems(args: Record<string, unknown>): string[] {
  const blocks = blocksOf(args.blocks);
  if (!blocks) return [];
  // Only the blocks are judged here: a missing notification text is Slack's warning, not an error.
  const message = { text: 'x', blocks } as Message;
  return blockKitProblems(message);
}

/** Slack's error answer to a Web API call, or undefined when Slack would accept it. */
export function apiRefusal(
  method: string,
  args: Record<string, unknown>,
): Record<string, unknown> | undefined {
  if (!MESSAGE_METHODS.has(method)) return undefined;
  if (String(args.text ?? '').length > MESSAGE_TEXT_LIMIT) return { ok: false, error: 'msg_too_long' };
  const problems = structuralProblems(args);
  if (problems.length > 0) return { ok: false, error: 'invalid_blocks', errors: problems };
  const blocks = blocksOf(args.blocks);
  if (blocks && blocksTextLength(blocks) > BLOCKS_TEXT_LIMIT)
    return { ok: false, error: 'msg_blocks_too_long' };
  return undefined;
}

/** The plain-text body of a `response_url`'s HTTP 400, or undefined when Slack would accept the post. */
export function responseUrlRefusal(body: Record<string, unknown>): string | undefined {
  if (String(body.text ?? '').length > MESSAGE_TEXT_LIMIT) return 'msg_too_long';
  return structuralProblems(body).length > 0 ? 'invalid_blocks' : undefined;
}
