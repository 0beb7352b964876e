import type { ErrorReplies } from '../core/error-reply.js';
import type { BersError } from '../core/errors.js';
import type { Reply } from '../core/message.js';
import { md } from '../core/mrkdwn.js';
import { section } from './blocks.js';
import { overviewReply, usageReply } from './help-view.js';

/**
 * What a known error answers. Its text often quotes the user's input (`\`P9\` is not a
 * severity`): as plain text it is escaped here like everything else, so quoting `<!channel>`
 * cannot ping anyone.
 */
export function knownErrorReply(error: BersError): Reply {
  const text = md`:no_entry: ${error.text}`;
  return { text: String(text), blocks: [section(text)], visibility: 'ephemeral' };
}

/** The Block Kit rendering of error replies, given to the pipeline by the composition root. */
export const errorReplies: ErrorReplies = {
  usage: usageReply,
  overview: overviewReply,
  known: knownErrorReply,
};
