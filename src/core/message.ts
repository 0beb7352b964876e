import type { Block, KnownBlock } from '@slack/types';

/**
 * Block Kit is the message model everywhere: Slack sends it as is, the console renders it to text.
 * `text` is the notification / fallback text Slack requires alongside blocks.
 */
export interface Message {
  text: string;
  blocks?: (KnownBlock | Block)[];
}

/** What a command answers to the person who ran it. */
export interface Reply extends Message {
  /** Ephemeral (only the caller sees it) unless the answer is meant for the whole channel. */
  visibility?: 'ephemeral' | 'in_channel';
  /** Replace the message the interaction came from (buttons) instead of posting a new one. */
  replaceOriginal?: boolean;
}

export type { KnownBlock };
