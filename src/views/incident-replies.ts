import type { Chat } from '../core/chat.js';
import type { Reply } from '../core/message.js';
import { joinMrkdwn, md, type Text, textWithMentions } from '../core/mrkdwn.js';
import { truncateText } from '../core/truncate.js';
import { acknowledger, channelOf, formatTime, mention, nextUpdateLine } from '../incident/incident-text.js';
import type { Incident, TimelineEntry } from '../incident/model.js';
import { context, fields, header, section } from './blocks.js';
import { pageFooter, pageOfLines } from './message-budget.js';

export function declaredReply(incident: Incident, created: boolean, chat: Chat): Reply {
  const text = created
    ? md`🚨 Declared incident #${incident.number} (${incident.severity}): ${channelOf(incident, chat)}`
    : md`Incident #${incident.number} was already declared by this request: ${channelOf(incident, chat)}`;
  return doneReply(text);
}

/** A short ephemeral answer; `text` may be our markup (mentions), plain strings are escaped. */
export function doneReply(text: Text): Reply {
  return { text: String(text), blocks: [section(text)], visibility: 'ephemeral' };
}

/** One line per open incident, most severe first, a page at a time; private incidents show no title. */
export function listReply(open: Incident[], chat: Chat, page = 1): Reply {
  if (open.length === 0) {
    const text = '✅ No open incidents.';
    return { text, blocks: [section(text)], visibility: 'ephemeral' };
  }
  const lines = open.map((i) => {
    const title = i.isPrivate ? md`🔒 _private incident_` : i.title;
    // A private channel's name carries the title's words, so it stays out of shared answers too.
    const where = i.isPrivate ? md`_private channel_` : channelOf(i, chat);
    return md`*#${i.number}* ${i.severity} · ${i.status} · ${title} · ${where} · IC ${mention(i.commanderId)} · since ${formatTime(i.declaredAt)}`;
  });
  const shown = pageOfLines(lines, page);
  const blocks = [header(`Open incidents (${open.length})`), ...shown.sections];
  if (shown.pages > 1) blocks.push(context(pageFooter(shown, (n) => `incident list page ${n}`, open.length)));
  return {
    text: `${open.length} open incident${open.length === 1 ? '' : 's'}`,
    blocks,
    visibility: 'ephemeral',
  };
}

export function statusReply(
  incident: Incident,
  timeline: TimelineEntry[],
  chat: Chat,
  detail: boolean,
  now: Date = new Date(),
): Reply {
  const title = detail || !incident.isPrivate ? incident.title : '🔒 private incident';
  const blocks = [
    header(`#${incident.number} ${incident.severity} · ${incident.status.toUpperCase()}`),
    section(md`*${title}*`),
    fields([
      md`*Channel*\n${detail || !incident.isPrivate ? channelOf(incident, chat) : md`_private channel_`}`,
      md`*Commander*\n${mention(incident.commanderId)}`,
      md`*Technical lead*\n${mention(incident.leadId)}`,
      md`*Communications*\n${mention(incident.commsId)}`,
      md`*Declared*\n${formatTime(incident.declaredAt)}`,
      md`*Acknowledged*\n${incident.acknowledgedAt ? md`${formatTime(incident.acknowledgedAt)} by ${acknowledger(incident)}` : '—'}`,
      md`*Next update*\n${incident.resolvedAt ? '—' : nextUpdateLine(incident, now)}`,
      md`*Resolved*\n${formatTime(incident.resolvedAt)}`,
    ]),
  ];
  if (detail && timeline.length > 0) {
    const recent = timeline
      .slice(-8)
      .map((e) => md`${formatTime(e.at)} · ${truncateText(textWithMentions(e.text), 300)}`);
    blocks.push(
      section(md`*Timeline (latest ${recent.length} of ${timeline.length})*\n${joinMrkdwn(recent, '\n')}`),
    );
  }
  blocks.push(
    context(
      `\`/bers incident update ${incident.number} <status> <text…>\` · \`/bers incident resolve ${incident.number} <resolution…>\``,
    ),
  );
  return { text: `Incident #${incident.number}: ${incident.status}`, blocks, visibility: 'ephemeral' };
}
