import type { KnownBlock, Reply } from '../core/message.js';
import { renderText } from '../core/mrkdwn.js';
import { truncatePlain } from '../core/truncate.js';
import type { HealthReport, HealthStatus, ServiceHealth } from '../health/model.js';
import { capBlocks, context, divider, header, packedSections, section } from './blocks.js';
import { BLOCK_TEXT_BUDGET, blocksTextLength, pageOfLines } from './message-budget.js';

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

function worstFirst(report: HealthReport): ServiceHealth[] {
  return [...report.services].sort(
    (a, b) => ORDER[a.status] - ORDER[b.status] || a.service.localeCompare(b.service),
  );
}

/** Room left for the summary's other blocks (header, counts, groups, footer). */
const LINES_BUDGET = BLOCK_TEXT_BUDGET - 1500;

/** Whether one line per service fits in a message; when not, the full list goes in a file. */
export function healthListFits(report: HealthReport, notes?: HealthNotes): boolean {
  let used = 0;
  for (const s of report.services) {
    used += renderText(serviceLine(s, notes)).length + 1;
    if (used > LINES_BUDGET) return false;
  }
  return true;
}

/**
 * A service's group for the summary of healthy ones: the first word of its name (`payments-api`
 * → `payments`), which is how service names are usually made.
 */
function groupOf(service: string): string {
  return service.split('-', 1)[0]!;
}

/** Healthy services counted by group, largest first: what a large answer says about them. */
function healthyGroupLines(healthy: readonly ServiceHealth[]): string[] {
  const counts = new Map<string, number>();
  for (const s of healthy) counts.set(groupOf(s.service), (counts.get(groupOf(s.service)) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([group, n]) => `${STATUS_EMOJI.healthy} *${group}* ${n} healthy`);
}

/**
 * `/bers health`: one line per service, worst first, while that fits a message. Past that, the
 * problems first with their reasons (as many as fit), the healthy services counted by group, and
 * the full list in the file whose note is `fileNote`. `fits` is `healthListFits` of the same
 * report and notes, for a caller that has already measured it (rendering every line once more
 * per command is what it saves).
 */
export function healthSummaryReply(
  report: HealthReport,
  {
    notes,
    fileNote,
    fits = healthListFits(report, notes),
  }: { notes?: HealthNotes; fileNote?: string; fits?: boolean } = {},
): Reply {
  const services = worstFirst(report);
  const line = (s: ServiceHealth) => serviceLine(s, notes);
  const title = `${STATUS_EMOJI[report.overall]} Health: ${report.overall}`;
  const footer = `${countLine(report)} · ${checkedText(report)} · \`/bers health <service>\` for details`;
  const reply = (blocks: KnownBlock[]): Reply => ({
    text: `${title} (${countLine(report)})`,
    blocks: capBlocks([header(`Health: ${report.overall}`), ...blocks]),
    visibility: 'in_channel',
  });
  if (fits) {
    // Lines packed into sections up to Slack's text limit, none cut off.
    return reply([...packedSections(services.map(line)), context(footer)]);
  }
  const problems = services.filter((s) => s.status !== 'healthy');
  const healthy = services.filter((s) => s.status === 'healthy');
  const blocks: KnownBlock[] = [section(`*${report.services.length} services:* ${countLine(report)}`)];
  const shownProblems = pageOfLines(problems.map(line), 1, LINES_BUDGET * 0.7);
  if (problems.length > 0) blocks.push(section('*Problems*'), ...shownProblems.sections);
  if (shownProblems.to < problems.length)
    blocks.push(context(`…and ${problems.length - shownProblems.to} more problems, in the full list.`));
  if (healthy.length > 0) {
    const groups = healthyGroupLines(healthy);
    const room = LINES_BUDGET - blocksTextLength(blocks);
    const shownGroups = pageOfLines(groups, 1, Math.max(500, room));
    blocks.push(section(`*Healthy, by group* (${healthy.length})`), ...shownGroups.sections);
    if (shownGroups.to < groups.length)
      blocks.push(context(`…and ${groups.length - shownGroups.to} more groups, in the full list.`));
  }
  blocks.push(context(fileNote ? `${fileNote} · ${footer}` : footer));
  return reply(blocks);
}

/**
 * How long the checks took, and, when some answers were shared from a run just before (see
 * src/health/shared-check.ts), how old: "checked in 0 ms" alone would claim a fresh look.
 */
function checkedText(report: HealthReport): string {
  const took = `checked in ${report.durationMs} ms`;
  if (report.sharedAgeMs === undefined) return took;
  return `${took}, answers up to ${report.sharedAgeMs} ms old`;
}

/** The whole report as plain text, worst first: the file attached when the list does not fit. */
export function healthReportFile(report: HealthReport): { filename: string; title: string; content: string } {
  const stamp = report.at.toISOString().slice(0, 19).replace(/[:T]/g, '-');
  const rows = worstFirst(report).map(
    (s) =>
      `${s.status.padEnd(9)} ${s.service.padEnd(40)} ${String(s.latencyMs).padStart(6)} ms  ${s.reason ?? ''}`,
  );
  return {
    filename: `health-${stamp}.txt`,
    title: `Health of ${report.services.length} services: ${countLine(report)}`,
    content: `# ${report.at.toISOString()} · ${countLine(report)} · ${checkedText(report)}\n${rows.join('\n')}\n`,
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
  // Each service is three blocks; past the message's text budget the rest are named, not shown.
  let shown = blocks.length / 3;
  while (shown > 1 && blocksTextLength(blocks.slice(0, shown * 3)) > BLOCK_TEXT_BUDGET) shown--;
  const left = report.services.slice(shown).map((s) => s.service);
  const more = left.length > 0 ? ` · not shown: ${left.join(', ')} (name fewer services)` : '';
  return {
    text: `Health of ${names}`,
    blocks: capBlocks([
      header('Health details'),
      ...blocks.slice(0, shown * 3 - 1),
      context(`${checkedText(report)}${more}`),
    ]),
    visibility: 'in_channel',
  };
}
