import type { Reply } from '../core/message.js';
import type { HealthReport, HealthStatus, ServiceHealth } from '../health/model.js';
import {
  capBlocks,
  context,
  divider,
  escapeText,
  header,
  SLACK_LIMITS,
  section,
  truncate,
} from './blocks.js';

export const STATUS_EMOJI: Record<HealthStatus, string> = {
  healthy: ':large_green_circle:',
  degraded: ':large_yellow_circle:',
  unhealthy: ':red_circle:',
  unknown: ':white_circle:',
};

const ORDER: Record<HealthStatus, number> = { unhealthy: 0, unknown: 1, degraded: 2, healthy: 3 };

function countLine(report: HealthReport): string {
  const counts = new Map<HealthStatus, number>();
  for (const s of report.services) counts.set(s.status, (counts.get(s.status) ?? 0) + 1);
  return (['healthy', 'degraded', 'unhealthy', 'unknown'] as const)
    .filter((s) => counts.has(s))
    .map((s) => `${counts.get(s)} ${s}`)
    .join(' · ');
}

/** One service's reason may list many failing checks; it must not push the next services out of the section. */
const SUMMARY_REASON_MAX = 140;

function serviceLine(s: ServiceHealth): string {
  const reason =
    s.status === 'healthy' ? '' : ` — ${escapeText(truncate(s.reason ?? s.status, SUMMARY_REASON_MAX))}`;
  return `${STATUS_EMOJI[s.status]} *${s.service}* ${s.status} · ${s.latencyMs} ms${reason}`;
}

/** One line per service, worst first: what `/bers health` answers. */
export function healthSummaryReply(report: HealthReport): Reply {
  const services = [...report.services].sort(
    (a, b) => ORDER[a.status] - ORDER[b.status] || a.service.localeCompare(b.service),
  );
  const lines = services.map(serviceLine);
  // Lines packed into sections up to Slack's text limit keep a 200-service answer within 50 blocks
  // without any line being cut off.
  const chunks: string[] = [];
  for (const line of lines) {
    const last = chunks.length - 1;
    if (last >= 0 && chunks[last]!.length + 1 + line.length <= SLACK_LIMITS.sectionText) {
      chunks[last] += `\n${line}`;
    } else chunks.push(line);
  }
  const title = `${STATUS_EMOJI[report.overall]} Health: ${report.overall}`;
  return {
    text: `${title} (${countLine(report)})`,
    blocks: capBlocks([
      header(`Health: ${report.overall}`),
      ...chunks.map(section),
      context(
        `${countLine(report)} · checked in ${report.durationMs} ms · \`/bers health <service>\` for details`,
      ),
    ]),
    visibility: 'in_channel',
  };
}

/** Every check of the named services, with reasons and the components a target reported. */
export function healthDetailReply(report: HealthReport): Reply {
  const blocks = report.services.flatMap((s) => [
    section(
      `${STATUS_EMOJI[s.status]} *${s.service}* — ${s.status}${s.description ? `\n${escapeText(s.description)}` : ''}`,
    ),
    section(
      s.checks
        .map((c) => {
          const parts = (c.components ?? []).map(
            (p) =>
              `    ${STATUS_EMOJI[p.status]} ${escapeText(p.name)}${p.reason ? ` — ${escapeText(p.reason)}` : ''}`,
          );
          const optional = c.critical ? '' : ' _(non-critical)_';
          return [
            `${STATUS_EMOJI[c.status]} \`${c.name}\` (${c.kind}) ${c.status} · ${c.latencyMs} ms${optional}${c.reason ? ` — ${escapeText(c.reason)}` : ''}`,
            ...parts,
          ].join('\n');
        })
        .join('\n'),
    ),
    divider(),
  ]);
  const names = report.services.map((s) => `${s.service}: ${s.status}`).join(', ');
  return {
    text: `Health of ${names}`,
    blocks: capBlocks([
      header('Health details'),
      ...blocks.slice(0, -1),
      context(`checked in ${report.durationMs} ms`),
    ]),
    visibility: 'in_channel',
  };
}
