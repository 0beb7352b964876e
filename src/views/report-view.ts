import type { Message } from '../core/message.js';
import type { Report } from '../reports/report-model.js';
import { capBlocks, context, divider, header, section } from './blocks.js';
import { STATUS_EMOJI } from './health-view.js';
import { sectionBlocks } from './report-sections-view.js';

function when(at: Date, timezone: string): string {
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(at);
}

/** The notification line: what a phone's lock screen shows. */
function notification(report: Report): string {
  const late = report.late ? ' (late)' : '';
  const health = report.sections.find((s) => s.data.kind === 'health')?.data;
  const status = health?.kind === 'health' ? ` — ${STATUS_EMOJI[health.overall]} ${health.overall}` : '';
  const failed = report.failures.length > 0 ? ` · ${report.failures.length} section(s) failed` : '';
  return `${report.title}${late}${status}${failed}`;
}

/** A report as one compact Block Kit message: header, when, each section, then what failed. */
export function reportMessage(report: Report): Message {
  const blocks = [
    header(report.title),
    context(
      [
        when(report.at, report.timezone),
        ...(report.late ? [`:hourglass: late: ${report.late.reason}`] : []),
        ...(report.scheduleId ? [`schedule \`${report.scheduleId}\``] : ['`/bers report`']),
        ...(report.slot ? [`slot ${report.slot.toISOString()}`] : []),
      ].join(' · '),
    ),
    ...report.sections.flatMap((s, i) => [
      ...(i > 0 ? [divider()] : []),
      ...sectionBlocks(s.data, report.timezone),
    ]),
  ];
  if (report.failures.length > 0) {
    blocks.push(
      section(
        `:warning: *Could not gather:* ${report.failures.map((f) => `${f.title} (${f.error})`).join('; ')}`,
      ),
    );
  }
  blocks.push(context(`gathered in ${report.durationMs} ms · \`/bers health\` for details`));
  return { text: notification(report), blocks: capBlocks(blocks) };
}
