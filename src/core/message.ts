import type { Block, KnownBlock } from '@slack/types';

/**
 * Block Kit is the message model everywhere: Slack sends it as is, the console renders it to text.
 * `text` is the notification / fallback text Slack requires alongside blocks. It is plain text
 * (what a person reads; `${someMrkdwn}` in it reads as text), escaped when it is sent, so it can
 * never carry a live mention or link; markup belongs in blocks, built with src/views/blocks.ts.
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
