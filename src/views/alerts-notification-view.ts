import { type AlertGroup, groupSeverity, groupTitle } from '../alerts/alert-group.js';
import type { GroupRunbook } from '../alerts/alert-notifier.js';
import type { StoredNotification } from '../alerts/notification-store.js';
import { actionId } from '../core/command.js';
import type { KnownBlock, Message } from '../core/message.js';
import { joinMrkdwn, type Mrkdwn, md, textWithMentions } from '../core/mrkdwn.js';
import { actions, context, header, section } from './blocks.js';

export const SEVERITY_EMOJI = {
  critical: ':red_circle:',
  warning: ':large_yellow_circle:',
  info: ':large_blue_circle:',
};
const SHOWN = 10;

/** Labels and annotations are whatever the alert rules (or a forged webhook) say: all plain text. */
function alertLine(alert: AlertGroup['alerts'][number]): Mrkdwn {
  const name = alert.labels.alertname ?? 'alert';
  const where = alert.labels.service ?? alert.labels.instance ?? alert.labels.job ?? '';
  const text = alert.annotations.description ?? alert.annotations.summary ?? '';
  const mark = alert.status === 'resolved' ? ':white_check_mark:' : ':rotating_light:';
  return md`${mark} *${name}*${where ? ` · ${where}` : ''}${text ? ` — ${text}` : ''}`;
}

/** The channel message for a pushed alert group: firing with buttons, or resolved without. */
export function alertGroupMessage(notification: StoredNotification, runbook?: GroupRunbook): Message {
  const { group, status, note, id } = notification;
  const title = groupTitle(group);
  const severity = groupSeverity(group);
  const firing = group.alerts.filter((a) => a.status === 'firing').length;
  const state = status === 'resolved' ? 'RESOLVED' : `FIRING (${firing})`;
  const icon = status === 'resolved' ? ':white_check_mark:' : SEVERITY_EMOJI[severity];
  const lines = group.alerts.slice(0, SHOWN).map(alertLine);
  if (group.alerts.length > SHOWN) lines.push(md`…and ${group.alerts.length - SHOWN} more`);
  const labels = Object.entries(group.labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(' · ');
  const blocks: KnownBlock[] = [
    header(`${state}: ${title}`),
    section(md`${icon} ${state}: ${title}\n${joinMrkdwn(lines, '\n')}`),
    context(`${severity} · ${labels || 'no common labels'}`),
  ];
  // The note is ours ("Acknowledged by <@U…> — …") around the source's answer.
  if (note) blocks.push(context(textWithMentions(note)));
  if (runbook && status === 'firing') blocks.push(context(md`Runbook: \`${runbook.name}\``));
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
          ...(runbook
            ? [
                {
                  text: 'Run runbook',
                  actionId: actionId('runbook', 'start'),
                  value: JSON.stringify(runbook),
                },
              ]
            : []),
        ],
        `alert-group-${id}`,
      ),
    );
  }
  return { text: `${icon} ${state}: ${title}`, blocks };
}
