import type { KnownBlock } from '@slack/types';
import { capBlocks, SLACK_LIMITS, section } from './blocks.js';

/** Long text as consecutive sections, split on line boundaries under Slack's section limit. */
export function textSections(text: string): KnownBlock[] {
  const max = SLACK_LIMITS.sectionText - 10;
  const blocks: KnownBlock[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    if (current && current.length + line.length + 1 > max) {
      blocks.push(section(current));
      current = '';
    }
    current = current ? `${current}\n${line}` : line;
  }
  if (current) blocks.push(section(current));
  return capBlocks(blocks);
}

/** `2026-01-05 08:00 UTC`: incidents span teams in several time zones; UTC is the shared clock. */
export function formatTime(at: Date | undefined): string {
  if (!at) return '—';
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function mention(userId: string | undefined, fallback = '_unassigned_'): string {
  return userId ? `<@${userId}>` : fallback;
}
