import type { Message } from '../core/message.js';
import { joinMrkdwn, link, type Mrkdwn, md } from '../core/mrkdwn.js';
import type { Incident } from '../incident/model.js';
import type { PageRecord } from '../incident/page-state.js';
import { actions, context, section } from './blocks.js';
import { formatTime, mention } from './incident-blocks.js';
import { INCIDENT_ACTIONS } from './incident-report-view.js';

/** The vendor incident as a link when PagerDuty told us where it is. */
function vendorLink(page: PageRecord): Mrkdwn {
  const label = page.vendor.number ? `PagerDuty #${page.vendor.number}` : 'PagerDuty';
  return page.vendor.url ? link(page.vendor.url, label) : md`${label}`;
}

function assigned(page: PageRecord): Mrkdwn {
  if (page.assignees.length === 0) return md``;
  const policy = page.escalationPolicy ? md` (${page.escalationPolicy})` : md``;
  return md`, assigned to *${page.assignees.join(', ')}*${policy}`;
}

/** One line a commander reads at 3 a.m.: did it reach someone, and who. */
export function pageStateLine(page: PageRecord): Mrkdwn {
  switch (page.state) {
    case 'unconfigured':
      return md`⚪ *Nobody was paged:* no paging integration is configured. Call on-call yourself.`;
    case 'queued':
      return md`⏳ *Sending to PagerDuty…*`;
    case 'delayed':
      return md`⚠️ *Not delivered yet:* PagerDuty is not answering (${page.note ?? 'no answer'}) since ${formatTime(page.delayedSince)}. The bot keeps retrying; if this cannot wait, call on-call yourself (\`/bers oncall\`).`;
    case 'failed':
      return md`❌ *Not delivered:* ${page.note ?? 'PagerDuty refused the page'}. Nobody was paged: call on-call yourself.`;
    case 'triggered':
      return md`🔴 *Triggered* in ${vendorLink(page)}${assigned(page)}: waiting for someone to acknowledge.`;
    case 'acknowledged':
      return md`🟡 *Acknowledged* by *${page.acknowledgedBy ?? 'someone'}* in ${vendorLink(page)}${assigned(page)}.`;
    case 'resolved':
      return md`✅ *Resolved* in ${vendorLink(page)}${page.resolvedBy ? md` by *${page.resolvedBy}*` : md``}.`;
  }
}

/** The page in one short line, for the incident's report and cards. */
export function pageSummary(page: PageRecord | undefined): Mrkdwn | '' {
  if (!page) return '';
  switch (page.state) {
    case 'unconfigured':
      return md`nobody paged (no paging integration)`;
    case 'queued':
      return md`sending to PagerDuty…`;
    case 'delayed':
      return md`⚠️ not delivered yet, retrying (PagerDuty: ${page.note ?? 'no answer'})`;
    case 'failed':
      return md`❌ not delivered: nobody was paged`;
    case 'triggered':
      return md`🔴 triggered in ${vendorLink(page)}${assigned(page)}`;
    case 'acknowledged':
      return md`🟡 acknowledged by ${page.acknowledgedBy ?? 'someone'} in ${vendorLink(page)}`;
    case 'resolved':
      return md`✅ resolved in ${vendorLink(page)}`;
  }
}

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
