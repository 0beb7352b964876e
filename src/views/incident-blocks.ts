import type { KnownBlock } from '@slack/types';
import { type Mrkdwn, trustedMrkdwn } from '../core/mrkdwn.js';
import { capBlocks, SLACK_LIMITS, section } from './blocks.js';

// commands/ still import the time format from here; it is the incident's own words (incident-text.ts).
export { formatTime } from '../incident/incident-text.js';

/** Long mrkdwn as consecutive sections, split on line boundaries under Slack's section limit. */
export function textSections(text: Mrkdwn): KnownBlock[] {
  const max = SLACK_LIMITS.sectionText - 10;
  const chunks: string[] = [];
  let current = '';
  for (const line of text.source.split('\n')) {
    if (current && current.length + line.length + 1 > max) {
      chunks.push(current);
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) chunks.push(current);
  // Whole lines of mrkdwn: a line never ends inside an entity or a `<…>` token.
  return capBlocks(chunks.map((chunk) => section(trustedMrkdwn(chunk))));
}
