import { request } from 'undici';
import type { Reply } from '../core/message.js';
import { toRespondArguments } from './to-slack.js';

/**
 * Posts replies to a payload's `response_url`, as Bolt's `respond()` does: JSON, and a non-2xx
 * answer (an expired URL, a rate limit) is an error for the caller to log. undici's `request`
 * rather than `fetch`: one reply per command, and fetch's web streams cost several times more CPU.
 */
export function respondTo(responseUrl: string): (reply: Reply) => Promise<void> {
  return async (reply) => {
    const response = await request(responseUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(toRespondArguments(reply)),
    });
    const text = await response.body.text();
    if (response.statusCode < 200 || response.statusCode >= 300) {
      throw new Error(`response_url answered ${response.statusCode}: ${text.slice(0, 200)}`);
    }
  };
}
