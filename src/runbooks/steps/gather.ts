import type { GatherStep } from '../../config/runbook-schema.js';
import { type Mrkdwn, md } from '../../core/mrkdwn.js';
import { gatherAlerts } from './gather-alerts.js';
import { gatherLogs } from './gather-logs.js';
import { gatherQuery } from './gather-query.js';
import { kpiLine } from './kpi-line.js';
import type { StepContext } from './step-context.js';

const HTTP_TIMEOUT_MS = 10_000;
const BODY_SHOWN = 500;

/** Runs a gather step and says what it found. */
export async function gather(step: GatherStep, ctx: StepContext): Promise<Mrkdwn> {
  if (step.health) {
    const report = await ctx.health.check([ctx.service]);
    const service = report.services[0]!;
    const checks = service.checks.map((c) => `${c.name}: ${c.status}`).join(', ');
    return md`*Health of ${service.service}:* ${service.status}${service.reason ? ` — ${service.reason}` : ''}\n${checks}`;
  }
  if (step.metric !== undefined) return kpiLine(await ctx.kpis.current(step.metric));
  if (step.query) return gatherQuery(step.query, ctx);
  if (step.alerts) return gatherAlerts(ctx);
  if (step.logs) return gatherLogs(step.logs, ctx);
  const url = step.http!;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
    const body = (await response.text()).slice(0, BODY_SHOWN).replaceAll('```', "'''");
    return md`*GET ${url}:* HTTP ${response.status}\n\`\`\`${body || '(empty)'}\`\`\``;
  } catch (error) {
    return md`*GET ${url}:* failed (${(error as Error).message})`;
  }
}
