import type { QueryGather } from '../../config/runbook-schema.js';
import { type Mrkdwn, md } from '../../core/mrkdwn.js';
import { parsePeriod } from '../../metrics/period.js';
import { kpiLine } from './kpi-line.js';
import type { StepContext } from './step-context.js';

const round = (n: number) => String(Math.round(n * 100) / 100);

/** A KPI over a period (the metrics area's series): now against the target, and the period's statistics. */
export async function gatherQuery(step: QueryGather, ctx: StepContext): Promise<Mrkdwn> {
  let detail: Awaited<ReturnType<StepContext['kpis']['detail']>>;
  try {
    detail = await ctx.kpis.detail(step.metric, parsePeriod(step.period));
  } catch (error) {
    return md`⚠️ *${step.metric} over ${step.period}* could not be read: ${(error as Error).message}`;
  }
  const unit = detail.definition.unit ?? '';
  const stats = detail.stats
    ? md`over ${step.period}: average ${round(detail.stats.average)}, p95 ${round(detail.stats.p95)}, min ${round(detail.stats.min)}, max ${round(detail.stats.max)} ${unit} (${String(detail.stats.count)} points)`
    : md`over ${step.period}: no points`;
  return md`${kpiLine(detail)}\n${stats}`;
}
