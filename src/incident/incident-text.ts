/**
 * The words of an incident that its templates, notices and views share: text (our mrkdwn), not
 * Block Kit, so the flows write them and src/views/ lays them out.
 */
import type { Chat } from '../core/chat.js';
import { link, type Mrkdwn, md, type Text, userMention } from '../core/mrkdwn.js';
import type { Incident } from './model.js';

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

/** The incident channel as a link when the team's URL is known, else as its name. */
export function channelOf(incident: Incident, chat: Chat): Mrkdwn {
  if (!incident.channelId) return md`_channel being created_`;
  const url = chat.channelLink(incident.channelId);
  const name = `#${(incident.channelName ?? incident.channelId).replace(/^#/, '')}`;
  return url.startsWith('http') ? link(url, name) : md`${name}`;
}
