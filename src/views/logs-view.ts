import { durationText } from '../core/duration.js';
import type { Reply } from '../core/message.js';
import { escapeMrkdwn } from '../core/mrkdwn.js';
import type { LogRequest, LogResult } from '../logs/log-service.js';
import { context, header, SLACK_LIMITS, section } from './blocks.js';

/** Room for the code fence and a note inside one section. */
const CODE_BLOCK_CHARS = SLACK_LIMITS.sectionText - 200;

/** Log text inside a code block, unable to close the block early (the section escapes it). */
function codeLine(line: string): string {
  return line.replace(/```/g, '`\u200b``');
}

/** The last lines that fit in one code block, and whether that was all of them. */
export function lastLinesThatFit(lines: readonly string[]): { shown: string[]; all: boolean } {
  const shown: string[] = [];
  let size = 0;
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = codeLine(lines[i]!);
    // Measured as Slack gets it: escaped.
    const length = escapeMrkdwn(line).length;
    if (size + length + 1 > CODE_BLOCK_CHARS) break;
    shown.unshift(line);
    size += length + 1;
  }
  return { shown, all: shown.length === lines.length };
}

/** `/bers logs`: what was asked, the last lines in a code block, and where the rest went. */
export function logsReply(
  target: { service: string; environment: string },
  request: LogRequest,
  result: LogResult,
  fileNote?: string,
): Reply {
  const title = `Logs of ${target.service} (${target.environment})`;
  const { shown, all } = lastLinesThatFit(result.lines);
  const asked = [
    `last ${durationText(request.sinceSeconds * 1000)}`,
    request.grep
      ? `lines containing “${request.grep}”: ${result.matched} of ${result.fetched}`
      : `${result.fetched} lines`,
    `showing the last ${shown.length}`,
  ];
  const body = result.lines.length === 0 ? '_No lines._' : `\`\`\`${shown.join('\n')}\`\`\``;
  return {
    text: `${title}: ${result.lines.length} lines`,
    visibility: 'ephemeral',
    blocks: [
      header(title),
      context(`${result.source} · ${asked.join(' · ')}`),
      section(body),
      ...(all ? [] : [context(fileNote ?? `${result.lines.length - shown.length} earlier lines not shown.`)]),
    ],
  };
}
