import type { WatchStep } from '../../config/runbook-schema.js';
import { type Mrkdwn, md } from '../../core/mrkdwn.js';
import { kpiLine } from './kpi-line.js';
import type { StepContext } from './step-context.js';

/** One look of a watch step: met (healthy, or the KPI on target) or not yet, and what was seen. */
export async function watchOnce(step: WatchStep, ctx: StepContext): Promise<{ met: boolean; seen: Mrkdwn }> {
  if (step.health) {
    const service = (await ctx.health.check([ctx.service])).services[0]!;
    return { met: service.status === 'healthy', seen: md`${service.service} is ${service.status}` };
  }
  const row = await ctx.kpis.current(step.metric!);
  return { met: row.status === 'ok', seen: kpiLine(row) };
}

export function watchWhat(step: WatchStep, service: string): string {
  return step.health ? `${service} healthy` : `${step.metric} on target`;
}
