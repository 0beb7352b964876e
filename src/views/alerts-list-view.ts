import type { AlertListing } from '../alerts/alert-service.js';
import type { Alert, Severity } from '../alerts/model.js';
import { SEVERITIES } from '../alerts/model.js';
import { formatAge, type ResponseTargets, responseStatus } from '../alerts/response-target.js';
import type { KnownBlock, Reply } from '../core/message.js';
import { joinMrkdwn, type Mrkdwn, md } from '../core/mrkdwn.js';
import { SEVERITY_EMOJI } from './alerts-notification-view.js';
import { capBlocks, context, header, section } from './blocks.js';

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

function severitySection(
  severity: Severity,
  alerts: Alert[],
  now: Date,
  targets: ResponseTargets,
  runbookOf: RunbookOf,
): KnownBlock[] {
  const lines = alerts.map((a) => alertLine(a, now, targets, runbookOf(a)));
  const chunks: Mrkdwn[] = [];
  for (let i = 0; i < lines.length; i += 10) chunks.push(joinMrkdwn(lines.slice(i, i + 10), '\n'));
  return chunks.map((chunk, i) =>
    section(md`${i === 0 ? `${SEVERITY_EMOJI[severity]} *${severity}* (${alerts.length})\n` : ''}${chunk}`),
  );
}

/** `/bers alerts`: active alerts by severity, age against the response target, failed sources named. */
export function alertListReply(
  listing: AlertListing,
  now: Date,
  targets: ResponseTargets,
  runbookOf: RunbookOf = () => undefined,
): Reply {
  const blocks: KnownBlock[] = [header(`Alerts: ${listing.alerts.length} active`)];
  for (const severity of SEVERITIES) {
    const alerts = listing.alerts.filter((a) => a.severity === severity);
    if (alerts.length > 0) blocks.push(...severitySection(severity, alerts, now, targets, runbookOf));
  }
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
