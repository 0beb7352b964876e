import type { Message } from '../core/message.js';
import { joinMrkdwn, type Mrkdwn, md } from '../core/mrkdwn.js';
import { formatTime, mention } from '../incident/incident-text.js';
import type { Incident } from '../incident/model.js';
import type { PageRecord } from '../incident/page-model.js';
import { pageStateLine } from '../incident/page-text.js';
import { actions, context, section } from './blocks.js';
import { INCIDENT_ACTIONS } from './incident-report-view.js';

/** What the page carried to on-call, so the channel knows what they were told. */
function sentWith(incident: Incident, page: PageRecord): Mrkdwn {
  const c = page.context;
  const parts: Mrkdwn[] = [md`commander ${mention(incident.commanderId, 'none yet')}`];
  parts.push(c.services.length > 0 ? md`services ${c.services.join(', ')}` : md`no services named`);
  if (c.failing.length > 0) parts.push(md`failing: ${c.failing.slice(0, 5).join('; ')}`);
  if (c.origin) parts.push(md`started by ${c.origin}`);
  parts.push(
    c.channelLink ? md`the link to this channel` : md`no channel link (the channel did not exist yet)`,
  );
  return joinMrkdwn(parts, ' · ');
}

/**
 * A page in the incident channel: why on-call was paged, where the page is (edited in place as
 * PagerDuty reports), and what it said. Buttons act on the incident while the page is open.
 */
export function pageCardMessage(incident: Incident, page: PageRecord, reason: string): Message {
  const open = !['resolved', 'unconfigured'].includes(page.state) && !incident.resolvedAt;
  const value = String(incident.number);
  // Reassign and escalate act on PagerDuty's incident: only once it has one.
  const inPagerDuty = page.state === 'triggered' || page.state === 'acknowledged';
  const buttons = [
    ...(incident.acknowledgedAt || page.state === 'acknowledged'
      ? []
      : [{ text: 'Acknowledge', actionId: INCIDENT_ACTIONS.acknowledge, value, style: 'primary' as const }]),
    ...(inPagerDuty
      ? [
          { text: 'Reassign', actionId: INCIDENT_ACTIONS.reassign, value },
          { text: 'Escalate', actionId: INCIDENT_ACTIONS.escalate, value },
        ]
      : []),
    { text: 'Resolve incident', actionId: INCIDENT_ACTIONS.resolve, value, style: 'danger' as const },
  ];
  const title = md`📟 *On-call paged* for incident #${incident.number} (${incident.severity}) — ${reason}`;
  return {
    text: `📟 On-call paged for incident #${incident.number} (${incident.severity}): ${page.state}`,
    blocks: [
      section(md`${title}\n${pageStateLine(page)}`),
      context(md`Sent with ${sentWith(incident, page)} · paged ${formatTime(page.pagedAt)}`),
      ...(open ? [actions(buttons, `page-${incident.number}`)] : []),
    ],
  };
}
