import type { Chat } from '../core/chat.js';
import type { Reply } from '../core/message.js';
import type { Incident, TimelineEntry } from '../incident/model.js';
import { context, escapeText, fields, header, section } from './blocks.js';
import { formatTime, mention } from './incident-blocks.js';

export function channelOf(incident: Incident, chat: Chat): string {
  if (!incident.channelId) return '_channel being created_';
  const link = chat.channelLink(incident.channelId);
  const name = `#${(incident.channelName ?? incident.channelId).replace(/^#/, '')}`;
  return link.startsWith('http') ? `<${link}|${name}>` : name;
}

export function declaredReply(incident: Incident, created: boolean, chat: Chat): Reply {
  const text = created
    ? `🚨 Declared incident #${incident.number} (${incident.severity}): ${channelOf(incident, chat)}`
    : `Incident #${incident.number} was already declared by this request: ${channelOf(incident, chat)}`;
  return { text, blocks: [section(text)], visibility: 'ephemeral' };
}

export function doneReply(text: string): Reply {
  return { text, blocks: [section(text)], visibility: 'ephemeral' };
}

/** One line per open incident, most severe first; private incidents show no title. */
export function listReply(open: Incident[], chat: Chat): Reply {
  if (open.length === 0) {
    const text = '✅ No open incidents.';
    return { text, blocks: [section(text)], visibility: 'ephemeral' };
  }
  const lines = open.map((i) => {
    const title = i.isPrivate ? '🔒 _private incident_' : escapeText(i.title);
    // A private channel's name carries the title's words, so it stays out of shared answers too.
    const where = i.isPrivate ? '_private channel_' : channelOf(i, chat);
    return `*#${i.number}* ${i.severity} · ${i.status} · ${title} · ${where} · IC ${mention(i.commanderId)} · since ${formatTime(i.declaredAt)}`;
  });
  return {
    text: `${open.length} open incident${open.length === 1 ? '' : 's'}`,
    blocks: [header(`Open incidents (${open.length})`), ...chunk(lines)],
    visibility: 'ephemeral',
  };
}

function chunk(lines: string[]) {
  const blocks = [];
  for (let i = 0; i < lines.length; i += 10) blocks.push(section(lines.slice(i, i + 10).join('\n')));
  return blocks.slice(0, 45);
}

export function statusReply(
  incident: Incident,
  timeline: TimelineEntry[],
  chat: Chat,
  detail: boolean,
): Reply {
  const title = detail || !incident.isPrivate ? escapeText(incident.title) : '🔒 private incident';
  const blocks = [
    header(`#${incident.number} ${incident.severity} · ${incident.status.toUpperCase()}`),
    section(`*${title}*`),
    fields([
      `*Channel*\n${detail || !incident.isPrivate ? channelOf(incident, chat) : '_private channel_'}`,
      `*Commander*\n${mention(incident.commanderId)}`,
      `*Technical lead*\n${mention(incident.leadId)}`,
      `*Communications*\n${mention(incident.commsId)}`,
      `*Declared*\n${formatTime(incident.declaredAt)}`,
      `*Acknowledged*\n${incident.acknowledgedAt ? `${formatTime(incident.acknowledgedAt)} by ${escapeText(incident.acknowledgedBy ?? '')}` : '—'}`,
      `*Next update*\n${incident.resolvedAt ? '—' : formatTime(incident.nextUpdateAt)}`,
      `*Resolved*\n${formatTime(incident.resolvedAt)}`,
    ]),
  ];
  if (detail && timeline.length > 0) {
    const recent = timeline
      .slice(-8)
      .map((e) => `${formatTime(e.at)} · ${keepMentions(escapeText(e.text)).slice(0, 300)}`);
    blocks.push(section(`*Timeline (latest ${recent.length} of ${timeline.length})*\n${recent.join('\n')}`));
  }
  blocks.push(
    context(
      `\`/bers incident update ${incident.number} <status> <text…>\` · \`/bers incident resolve ${incident.number} <resolution…>\``,
    ),
  );
  return { text: `Incident #${incident.number}: ${incident.status}`, blocks, visibility: 'ephemeral' };
}

/** Timeline lines mention people as `<@U…>`; everything else in them is escaped user text. */
function keepMentions(escaped: string): string {
  return escaped.replace(/&lt;@([A-Za-z0-9._-]+)&gt;/g, '<@$1>');
}
