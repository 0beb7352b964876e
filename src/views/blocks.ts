import type { KnownBlock } from '@slack/types';

/**
 * Block Kit builders. Every text that goes to Slack passes through here, so Slack's limits are
 * enforced in one place (Slack rejects a whole message when one field is too long).
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

export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max - 1)}…`;
}

export function header(text: string): KnownBlock {
  return {
    type: 'header',
    text: { type: 'plain_text', text: truncate(text, SLACK_LIMITS.headerText), emoji: true },
  };
}

export function section(markdown: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(markdown, SLACK_LIMITS.sectionText) } };
}

export function fields(items: readonly string[]): KnownBlock {
  return {
    type: 'section',
    fields: items
      .slice(0, SLACK_LIMITS.fieldsPerSection)
      .map((text) => ({ type: 'mrkdwn' as const, text: truncate(text, SLACK_LIMITS.fieldText) })),
  };
}

export function context(...markdown: string[]): KnownBlock {
  return {
    type: 'context',
    elements: markdown
      .slice(0, SLACK_LIMITS.contextElements)
      .map((text) => ({ type: 'mrkdwn' as const, text: truncate(text, SLACK_LIMITS.sectionText) })),
  };
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
  return {
    type: 'actions',
    ...(blockId ? { block_id: blockId } : {}),
    elements: buttons.map((b) => ({
      type: 'button' as const,
      text: { type: 'plain_text' as const, text: truncate(b.text, SLACK_LIMITS.buttonText), emoji: true },
      action_id: b.actionId,
      ...(b.value !== undefined ? { value: truncate(b.value, SLACK_LIMITS.buttonValue) } : {}),
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

/** Escapes text from outside (service reasons, user input) so it cannot form Slack mentions or links. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
