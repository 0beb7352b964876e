import { type Mrkdwn, md } from '../../core/mrkdwn.js';

/** A note is shown as written (escaped: it cannot ping a channel), inline code and all. */
export function note(text: string): Mrkdwn {
  return md`📝 ${text}`;
}
