import type { KnownBlock } from '@slack/types';
import { distinctActionId } from '../core/command.js';
import { escapeMrkdwn, renderText, type Text, trustedMrkdwn } from '../core/mrkdwn.js';
import { truncateMrkdwn, truncatePlain } from '../core/truncate.js';

/**
 * Block Kit builders. Every text that goes to Slack passes through here, so escaping and Slack's
 * limits are enforced in one place (Slack rejects a whole message when one field is too long).
 * Text parameters take plain strings, which are escaped, or `Mrkdwn` we built (`md\`…\``);
 * plain_text fields (headers, buttons) are not parsed by Slack and are only cut to length.
 */
export const SLACK_LIMITS = {
  headerText: 150,
  sectionText: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  contextElements: 10,
  buttonText: 75,
  buttonValue: 2000,
  blocksPerMessage: 50,
  /** Top-level `text` of chat.postMessage; Slack truncates at 40k, we keep notifications short. */
  messageText: 3000,
} as const;

/** A message's top-level `text` as Slack gets it: plain text, so escaped, and cut short. */
export function notificationText(text: string): string {
  return truncateMrkdwn(escapeMrkdwn(text), SLACK_LIMITS.messageText);
}

/** A mrkdwn text object, escaped (plain strings) and cut to `max`. */
export function mrkdwnObject(text: Text, max: number): { type: 'mrkdwn'; text: string } {
  return { type: 'mrkdwn', text: truncateMrkdwn(renderText(text), max) };
}

/** A plain_text object: shown as is by Slack (no mentions, no links), so only cut to `max`. */
export function plainObject(text: string, max: number): { type: 'plain_text'; text: string; emoji: true } {
  return { type: 'plain_text', text: truncatePlain(text, max), emoji: true };
}

export function header(text: string): KnownBlock {
  return { type: 'header', text: plainObject(text, SLACK_LIMITS.headerText) };
}

export function section(text: Text): KnownBlock {
  return { type: 'section', text: mrkdwnObject(text, SLACK_LIMITS.sectionText) };
}

export function fields(items: readonly Text[]): KnownBlock {
  return {
    type: 'section',
    fields: items.slice(0, SLACK_LIMITS.fieldsPerSection).map((t) => mrkdwnObject(t, SLACK_LIMITS.fieldText)),
  };
}

export function context(...items: Text[]): KnownBlock {
  return {
    type: 'context',
    elements: items
      .slice(0, SLACK_LIMITS.contextElements)
      .map((t) => mrkdwnObject(t, SLACK_LIMITS.sectionText)),
  };
}

/** Lines packed into as few sections as Slack's limit allows, measured as sent (escaped). */
export function packedSections(lines: readonly Text[], max: number = SLACK_LIMITS.sectionText): KnownBlock[] {
  const chunks: string[] = [];
  for (const line of lines.map(renderText)) {
    const last = chunks.length - 1;
    if (last >= 0 && chunks[last]!.length + 1 + line.length <= max) chunks[last] += `\n${line}`;
    else chunks.push(line);
  }
  // Already rendered: each chunk is escaped lines joined by newlines.
  return chunks.map((chunk) => section(trustedMrkdwn(chunk)));
}

export function divider(): KnownBlock {
  return { type: 'divider' };
}

export interface ButtonSpec {
  text: string;
  actionId: string;
  value?: string;
  style?: 'primary' | 'danger';
}

export function actions(buttons: readonly ButtonSpec[], blockId?: string): KnownBlock {
  const seen = new Map<string, number>();
  const distinct = (id: string) => {
    seen.set(id, (seen.get(id) ?? 0) + 1);
    return distinctActionId(id, seen.get(id)!);
  };
  return {
    type: 'actions',
    ...(blockId ? { block_id: blockId } : {}),
    elements: buttons.map((b) => ({
      type: 'button' as const,
      text: plainObject(b.text, SLACK_LIMITS.buttonText),
      action_id: distinct(b.actionId),
      ...(b.value !== undefined ? { value: truncatePlain(b.value, SLACK_LIMITS.buttonValue) } : {}),
      ...(b.style ? { style: b.style } : {}),
    })),
  };
}

/** Caps a message at Slack's block limit, saying how much was left out. */
export function capBlocks(blocks: KnownBlock[]): KnownBlock[] {
  if (blocks.length <= SLACK_LIMITS.blocksPerMessage) return blocks;
  const kept = blocks.slice(0, SLACK_LIMITS.blocksPerMessage - 1);
  return [...kept, context(`…and ${blocks.length - kept.length} more blocks not shown.`)];
}
