import { joinMrkdwn, type Mrkdwn, md } from '../../core/mrkdwn.js';
import type { StepContext } from './step-context.js';

const SHOWN = 10;
const ICON = { critical: '🔴', warning: '🟠', info: '🔵' } as const;

/** The service's open alerts (all sources at once); a source that did not answer is named. */
export async function gatherAlerts(ctx: StepContext): Promise<Mrkdwn> {
  const { alerts, failures, sources } = await ctx.alerts();
  if (sources.length === 0)
    return md`*Alerts of ${ctx.service}:* no alert sources are configured (\`alerts.sources\`).`;
  const open = alerts;
  const lines = open
    .slice(0, SHOWN)
    .map(
      (a) =>
        md`${ICON[a.severity]} \`${a.id}\` *${a.name}* (${a.severity}, ${a.state}, since ${a.startsAt.toISOString().slice(0, 16)}Z) — ${a.summary.slice(0, 200)}`,
    );
  const more = open.length > SHOWN ? md`\n…and ${String(open.length - SHOWN)} more (\`/bers alerts\`)` : md``;
  const failed = failures.map((f) => md`\n⚠️ ${f.source} did not answer: ${f.reason.slice(0, 200)}`);
  const head =
    open.length === 0
      ? failures.length === sources.length
        ? md`*Alerts of ${ctx.service}:* unknown, no source answered.`
        : md`*Alerts of ${ctx.service}:* none open.`
      : md`*Alerts of ${ctx.service}:* ${String(open.length)} open\n${joinMrkdwn(lines, '\n')}${more}`;
  return md`${head}${joinMrkdwn(failed)}`;
}
