import type { KnownBlock } from '@slack/types';
import { type Mrkdwn, md, type Text, trustedMrkdwn, userMention } from '../core/mrkdwn.js';
import type { Incident } from '../incident/model.js';
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

/** Who acknowledged: the Slack user as a mention, someone from the pager by name. */
export function acknowledger(incident: Incident): Text {
  if (incident.acknowledgedById) return mention(incident.acknowledgedById);
  return incident.acknowledgedBy ?? 'someone';
}

/** When the next update is due, and how late it is once it is overdue. */
export function nextUpdateLine(incident: Incident, now: Date): Text {
  if (incident.resolvedAt) return 'none (resolved)';
  const due = incident.nextUpdateAt;
  if (!due) return 'when there is news';
  const late = Math.floor((now.getTime() - due.getTime()) / 60_000);
  return late >= 1 ? md`${formatTime(due)} — ⚠️ *overdue by ${formatLate(late)}*` : formatTime(due);
}

function formatLate(minutes: number): string {
  return minutes < 90 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
