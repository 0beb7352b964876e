/** A page in words (our mrkdwn, not Block Kit): the state line of its card, the short line of the report. */
import { link, type Mrkdwn, md } from '../core/mrkdwn.js';
import { formatTime } from './incident-text.js';
import type { PageRecord } from './page-model.js';

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
