import type { WebClient } from '@slack/web-api';
import { freeText, fromSlackText } from '../core/command-text.js';
import type { MessageSource, SourceMessage } from '../incident/message-source.js';

/** One message by its ts: `conversations.history` with latest=ts, inclusive, limit 1. */
export class SlackMessageSource implements MessageSource {
  constructor(private readonly client: WebClient) {}

  async fetch(channel: string, ts: string): Promise<SourceMessage | undefined> {
    const result = await this.client.conversations.history({
      channel,
      latest: ts,
      inclusive: true,
      limit: 1,
    });
    const message = result.messages?.[0];
    if (!message || message.ts !== ts) return undefined;
    // Slack's mrkdwn as the plain text the timeline stores (`<!channel>` → `@channel`, `&lt;` → `<`).
    const text = freeText([fromSlackText(message.text ?? '')]);
    return { text, userId: message.user, at: new Date(Number(ts) * 1000) };
  }
}
