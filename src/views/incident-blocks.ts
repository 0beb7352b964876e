import type { KnownBlock } from '@slack/types';
import { type Mrkdwn, md, trustedMrkdwn, userMention } from '../core/mrkdwn.js';
import { capBlocks, SLACK_LIMITS, section } from './blocks.js';

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

/** `2026-01-05 08:00 UTC`: incidents span teams in several time zones; UTC is the shared clock. */
export function formatTime(at: Date | undefined): string {
  if (!at) return '—';
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/**
 * A person: a Slack user (or a console name) as a mention; someone known only by their full name,
 * such as a PagerDuty user who resolved the page there (`Grace Hopper (PagerDuty)`), as text.
 */
export function mention(userId: string | undefined, fallback = '_unassigned_'): Mrkdwn {
  if (!userId) return md`${fallback}`;
  return /\s/.test(userId) ? md`${userId}` : userMention(userId);
}
