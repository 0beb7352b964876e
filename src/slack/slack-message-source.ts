import type { WebClient } from '@slack/web-api';
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
    return { text: message.text ?? '', userId: message.user, at: new Date(Number(ts) * 1000) };
  }
}
