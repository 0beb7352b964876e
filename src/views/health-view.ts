import type { Reply } from '../core/message.js';
import type { HealthReport, HealthStatus, ServiceHealth } from '../health/model.js';
import { capBlocks, context, divider, header, packedSections, section } from './blocks.js';
import { truncatePlain } from './truncate.js';

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

/** Per service, what else to say next to its status: `🔧 in maintenance until 04:00 UTC`. */
export type HealthNotes = ReadonlyMap<string, string>;

function noteOf(notes: HealthNotes | undefined, service: string): string {
  const note = notes?.get(service);
  return note ? ` · ${note}` : '';
}

/** Plain text: what a target said is escaped by the section it lands in. */
function serviceLine(s: ServiceHealth, notes?: HealthNotes): string {
  const reason =
    s.status === 'healthy' ? '' : ` — ${truncatePlain(s.reason ?? s.status, SUMMARY_REASON_MAX)}`;
  return `${STATUS_EMOJI[s.status]} *${s.service}* ${s.status}${noteOf(notes, s.service)} · ${s.latencyMs} ms${reason}`;
}

/** One line per service, worst first: what `/bers health` answers. */
export function healthSummaryReply(report: HealthReport, notes?: HealthNotes): Reply {
  const services = [...report.services].sort(
    (a, b) => ORDER[a.status] - ORDER[b.status] || a.service.localeCompare(b.service),
  );
  // Lines packed into sections up to Slack's text limit keep a 200-service answer within 50 blocks
  // without any line being cut off.
  const sections = packedSections(services.map((s) => serviceLine(s, notes)));
  const title = `${STATUS_EMOJI[report.overall]} Health: ${report.overall}`;
  return {
    text: `${title} (${countLine(report)})`,
    blocks: capBlocks([
      header(`Health: ${report.overall}`),
      ...sections,
      context(
        `${countLine(report)} · checked in ${report.durationMs} ms · \`/bers health <service>\` for details`,
      ),
    ]),
    visibility: 'in_channel',
  };
}

/** Every check of the named services, with reasons and the components a target reported. */
export function healthDetailReply(report: HealthReport, notes?: HealthNotes): Reply {
  const blocks = report.services.flatMap((s) => [
    section(
      `${STATUS_EMOJI[s.status]} *${s.service}* — ${s.status}${noteOf(notes, s.service)}${s.description ? `\n${s.description}` : ''}`,
    ),
    section(
      s.checks
        .map((c) => {
          const parts = (c.components ?? []).map(
            (p) => `    ${STATUS_EMOJI[p.status]} ${p.name}${p.reason ? ` — ${p.reason}` : ''}`,
          );
          const optional = c.critical ? '' : ' _(non-critical)_';
          return [
            `${STATUS_EMOJI[c.status]} \`${c.name}\` (${c.kind}) ${c.status} · ${c.latencyMs} ms${optional}${c.reason ? ` — ${c.reason}` : ''}`,
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
