import { type AlertGroup, groupSeverity, groupTitle } from '../alerts/alert-group.js';
import type { StoredNotification } from '../alerts/notification-store.js';
import { actionId } from '../core/command.js';
import type { KnownBlock, Message } from '../core/message.js';
import { actions, context, escapeText, header, section } from './blocks.js';

export const SEVERITY_EMOJI = {
  critical: ':red_circle:',
  warning: ':large_yellow_circle:',
  info: ':large_blue_circle:',
};
const SHOWN = 10;

function alertLine(alert: AlertGroup['alerts'][number]): string {
  const name = alert.labels.alertname ?? 'alert';
  const where = alert.labels.service ?? alert.labels.instance ?? alert.labels.job ?? '';
  const text = alert.annotations.description ?? alert.annotations.summary ?? '';
  const mark = alert.status === 'resolved' ? ':white_check_mark:' : ':rotating_light:';
  return `${mark} *${escapeText(name)}*${where ? ` · ${escapeText(where)}` : ''}${text ? ` — ${escapeText(text)}` : ''}`;
}

/** The channel message for an Alertmanager group: firing with buttons, or resolved without. */
export function alertGroupMessage(notification: StoredNotification): Message {
  const { group, status, note, id } = notification;
  const title = groupTitle(group);
  const severity = groupSeverity(group);
  const firing = group.alerts.filter((a) => a.status === 'firing').length;
  const headline =
    status === 'resolved'
      ? `:white_check_mark: RESOLVED: ${title}`
      : `${SEVERITY_EMOJI[severity]} FIRING (${firing}): ${title}`;
  const lines = group.alerts.slice(0, SHOWN).map(alertLine);
  if (group.alerts.length > SHOWN) lines.push(`…and ${group.alerts.length - SHOWN} more`);
  const labels = Object.entries(group.commonLabels)
    .map(([k, v]) => `${k}=${escapeText(v)}`)
    .join(' · ');
  const blocks: KnownBlock[] = [
    header(headline.replace(/^:[a-z_]+: /, '')),
    section(`${headline}\n${lines.join('\n')}`),
    context(`${severity} · ${labels || 'no common labels'}`),
  ];
  if (note) blocks.push(context(escapeText(note)));
  if (status === 'firing') {
    blocks.push(
      actions(
        [
          { text: 'Acknowledge', actionId: actionId('alerts', 'group-ack'), value: id, style: 'primary' },
          { text: 'Silence 1 h', actionId: actionId('alerts', 'group-silence'), value: id },
          {
            text: 'Declare incident',
            actionId: actionId('alerts', 'group-declare'),
            value: id,
            style: 'danger',
          },
        ],
        `alert-group-${id}`,
      ),
    );
  }
  return { text: headline, blocks };
}
