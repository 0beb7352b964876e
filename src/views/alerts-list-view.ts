import type { AlertListing } from '../alerts/alert-service.js';
import type { Alert, Severity } from '../alerts/model.js';
import { SEVERITIES } from '../alerts/model.js';
import { formatAge, type ResponseTargets, responseStatus } from '../alerts/response-target.js';
import type { KnownBlock, Reply } from '../core/message.js';
import { type Mrkdwn, md } from '../core/mrkdwn.js';
import { SEVERITY_EMOJI } from './alerts-notification-view.js';
import { capBlocks, context, header, section } from './blocks.js';
import { BLOCK_TEXT_BUDGET, pageFooter, pageOfLines } from './message-budget.js';

/** The name of the runbook that answers an alert, if one matches it. */
type RunbookOf = (alert: Alert) => string | undefined;

const STATE_NOTE = { active: '', acknowledged: ' · _acknowledged_', silenced: ' · _silenced_' };

function alertLine(alert: Alert, now: Date, targets: ResponseTargets, runbook?: string): Mrkdwn {
  const age = Number.isNaN(alert.startsAt.getTime())
    ? 'age unknown'
    : (() => {
        const r = responseStatus(alert.severity, alert.startsAt, now, targets);
        const text = `${formatAge(r.ageMs)} (target ${r.target})`;
        return r.overdue && alert.state === 'active' ? `:bell: *OVERDUE ${text}*` : text;
      })();
  const service = alert.service ? ` · ${alert.service}` : '';
  const book = runbook ? md` · runbook \`${runbook}\`` : '';
  return md`\`${alert.id}\` *${alert.name}*${service} · ${alert.source} · ${age}${STATE_NOTE[alert.state]}${book}\n      ${alert.summary}`;
}

/** A severity's heading, then its alerts: lines of one list that pages cut anywhere. */
function severityLines(
  severity: Severity,
  alerts: Alert[],
  now: Date,
  targets: ResponseTargets,
  runbookOf: RunbookOf,
): Mrkdwn[] {
  return [
    md`${SEVERITY_EMOJI[severity]} *${severity}* (${alerts.length})`,
    ...alerts.map((a) => alertLine(a, now, targets, runbookOf(a))),
  ];
}

/** `/bers alerts`: active alerts by severity, age against the response target, failed sources named. */
export function alertListReply(
  listing: AlertListing,
  now: Date,
  targets: ResponseTargets,
  page = 1,
  runbookOf: RunbookOf = () => undefined,
): Reply {
  const blocks: KnownBlock[] = [header(`Alerts: ${listing.alerts.length} active`)];
  const lines: Mrkdwn[] = [];
  for (const severity of SEVERITIES) {
    const alerts = listing.alerts.filter((a) => a.severity === severity);
    if (alerts.length > 0) lines.push(...severityLines(severity, alerts, now, targets, runbookOf));
  }
  // Room for the failures and the footer below the list.
  const shown = pageOfLines(lines, page, BLOCK_TEXT_BUDGET - 1500);
  blocks.push(...shown.sections);
  if (shown.pages > 1)
    blocks.push(
      context(
        pageFooter(shown, (n) => `alerts page ${n}`, lines.length).replace(/ of (\d+)\)/, ' of $1 lines)'),
      ),
    );
  if (listing.sources.length === 0) {
    blocks.push(section('No alert sources are configured (`alerts.sources` in the config).'));
  } else if (listing.alerts.length === 0 && listing.failures.length < listing.sources.length) {
    blocks.push(section(':white_check_mark: Nothing is firing.'));
  }
  for (const failure of listing.failures) {
    // The reason starts with the source's name ("bers did not answer within 3000 ms.").
    blocks.push(section(`:warning: ${failure.reason}`));
  }
  const answered = listing.sources.filter((s) => !listing.failures.some((f) => f.source === s));
  blocks.push(
    context(
      `sources: ${answered.join(', ') || 'none answered'} · \`/bers alerts ack <id> [reason]\` · \`/bers alerts resolve <id> [resolution]\``,
    ),
  );
  const counts = SEVERITIES.map((s) => `${listing.alerts.filter((a) => a.severity === s).length} ${s}`).join(
    ', ',
  );
  const failed = listing.failures.length
    ? ` — ${listing.failures.map((f) => f.source).join(', ')} unavailable`
    : '';
  return { text: `Alerts: ${counts}${failed}`, blocks: capBlocks(blocks), visibility: 'in_channel' };
}
