import type { LogsGather } from '../../config/runbook-schema.js';
import { durationMs } from '../../core/duration.js';
import { type Mrkdwn, md } from '../../core/mrkdwn.js';
import type { StepContext } from './step-context.js';

/** What fits a step's section (3000 characters) with its heading, escaped as Slack gets it. */
const CODE_CHARS = 2_400;

/** The service's last log lines in a code block, masked by the logs area; a failure says why. */
export async function gatherLogs(step: LogsGather, ctx: StepContext): Promise<Mrkdwn> {
  const request = {
    sinceSeconds: Math.round(durationMs(step.since)! / 1000),
    tail: step.tail,
    ...(step.grep !== undefined && { grep: step.grep }),
  };
  let result: Awaited<ReturnType<StepContext['logs']>>;
  try {
    result = await ctx.logs(request);
  } catch (error) {
    return md`⚠️ *Logs of ${ctx.service}* could not be read: ${(error as Error).message}`;
  }
  const filter = step.grep === undefined ? '' : `, containing "${step.grep}"`;
  const heading = md`*Logs of ${ctx.service} (${result.environment}), last ${step.since}${filter}:*`;
  if (result.lines.length === 0) return md`${heading} no lines (${result.source}).`;
  const shown: string[] = [];
  let size = 0;
  for (let i = result.lines.length - 1; i >= 0; i--) {
    const line = result.lines[i]!.replaceAll('```', "'''").slice(0, 300);
    if (size + line.length + 1 > CODE_CHARS) break;
    shown.unshift(line);
    size += line.length + 1;
  }
  const cut =
    shown.length < result.lines.length ? ` (last ${shown.length} shown; \`/bers logs\` has all)` : '';
  return md`${heading} ${String(result.lines.length)} of ${String(result.matched)} lines${cut}\n\`\`\`${shown.join('\n')}\`\`\``;
}
