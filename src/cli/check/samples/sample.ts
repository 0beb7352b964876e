import type { Chat } from '../../../core/chat.js';
import type { Message } from '../../../core/message.js';
import { HOSTILE } from '../escaping.js';

/** One rendered reply or post, named by where it comes from (`replies.health`, `templates.…`). */
export interface Sample {
  path: string;
  message: Message;
}

export const SAMPLE_NOW = new Date('2026-01-05T08:00:00Z');

/** Outside text as long as it gets in practice, with the hostile markers in it. */
export function outsideText(length = 300): string {
  const filler = ' connection reset by peer after 3 retries;';
  let text = `${HOSTILE}:`;
  while (text.length < length) text += filler;
  return text.slice(0, length);
}

/** Channel links as Slack mode gives them (the console gives plain names, which prove less). */
export const SAMPLE_CHAT = {
  channelLink: (channel: string) => `https://example.slack.com/archives/${channel}`,
} as Chat;

/** `count` of something, numbered from 1. */
export function times<T>(count: number, make: (i: number) => T): T[] {
  return Array.from({ length: count }, (_, i) => make(i + 1));
}
