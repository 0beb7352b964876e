import { actionId } from '../core/command.js';
import type { Message } from '../core/message.js';
import { type Mrkdwn, md, type Text, trustedMrkdwn } from '../core/mrkdwn.js';
import type { Incident } from '../incident/model.js';
import { actions, context } from './blocks.js';
import { textSections } from './incident-blocks.js';

export const INCIDENT_ACTIONS = {
  update: actionId('incident', 'update'),
  assign: actionId('incident', 'assign'),
  resolve: actionId('incident', 'resolve'),
  acknowledge: actionId('incident', 'acknowledge'),
  reassign: actionId('incident', 'reassign'),
  escalate: actionId('incident', 'escalate'),
} as const;

/** The rendered initial report with its buttons (post update, assign role, resolve, acknowledge). */
export function initialReportMessage(incident: Incident, rendered: Mrkdwn): Message {
  const value = String(incident.number);
  const buttons =
    incident.status === 'resolved'
      ? []
      : [
          ...(incident.acknowledgedAt
            ? []
            : [
                {
                  text: 'Acknowledge',
                  actionId: INCIDENT_ACTIONS.acknowledge,
                  value,
                  style: 'primary' as const,
                },
              ]),
          { text: 'Post update', actionId: INCIDENT_ACTIONS.update, value },
          { text: 'Assign role', actionId: INCIDENT_ACTIONS.assign, value },
          { text: 'Resolve', actionId: INCIDENT_ACTIONS.resolve, value, style: 'danger' as const },
        ];
  return {
    text: notification(incident, rendered),
    blocks: [
      ...textSections(rendered),
      ...(buttons.length ? [actions(buttons, `incident-${incident.number}`)] : []),
      context(`Incident #${incident.number} · \`/bers incident status ${incident.number}\``),
    ],
  };
}

/** A posted template (status update, resolution report) without buttons. */
export function templateMessage(incident: Incident, rendered: Mrkdwn): Message {
  return { text: notification(incident, rendered), blocks: textSections(rendered) };
}

/** What the announcement channel sees of a private (security) incident: no title, no detail. */
export function privateAnnouncementMessage(
  incident: Incident,
  what: 'declared' | 'updated' | 'resolved',
): Message {
  const text = md`🔒 Private ${incident.severity} incident #${incident.number} ${what}. Details are shared in its private channel with the people involved.`;
  return { text: String(text), blocks: textSections(text) };
}

export function postMortemMessage(incident: Incident, markdown: Mrkdwn): Message {
  return {
    text: `📝 Post-mortem draft for incident #${incident.number}`,
    blocks: [
      context(
        `📝 Post-mortem draft for incident #${incident.number}: the Markdown file below is the same draft, for your wiki.`,
      ),
      ...textSections(markdownToMrkdwn(markdown)),
    ],
  };
}

/**
 * The draft is written in Markdown (it goes to a wiki as a file); in Slack its headings, lists and
 * checkboxes become mrkdwn, which has none of them: `## Timeline` → `*Timeline*`, `- ` → `• `.
 */
export function markdownToMrkdwn(markdown: Mrkdwn): Mrkdwn {
  const lines = markdown.source.split('\n').map((line) =>
    line
      .replace(/^#{1,6}\s+(.+?)\s*$/, (_, heading: string) => `*${heading.replace(/\*/g, '')}*`)
      .replace(/^(\s*)[-*] \[ \]\s?/, '$1☐ ')
      .replace(/^(\s*)[-*] \[x\]\s?/i, '$1☑ ')
      .replace(/^(\s*)[-*] /, '$1• ')
      .replace(/\*\*(.+?)\*\*/g, '*$1*'),
  );
  return trustedMrkdwn(lines.join('\n'));
}

/**
 * A short line in the incident channel (nudges, flags, role notices, severity changes): our
 * markup (`md`, with mentions) or plain text, which is escaped.
 */
export function noticeMessage(text: Text): Message {
  return { text: String(text), blocks: textSections(typeof text === 'string' ? md`${text}` : text) };
}

/** The report's first line as plain text (the slack edge escapes and cuts it). */
function notification(incident: Incident, rendered: Mrkdwn): string {
  const firstLine = String(rendered).split('\n')[0] || `Incident #${incident.number}`;
  return firstLine.replace(/\*/g, '');
}
