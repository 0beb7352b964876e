import { z } from 'zod';
import type { Command } from '../src/core/command.js';
import type { Services } from '../src/core/services.js';
import { parsePeriod } from '../src/metrics/period.js';
import { kpiTableReply, metricDetailReply } from '../src/views/metrics-view.js';

const args = z
  .array(z.string())
  .max(2, 'give at most a metric name and a period')
  .transform(([name, period]) => ({ name, period }));

/** The configured KPIs, the chart renderer, and the channel for the chart. */
export interface MetricsCommandDeps {
  kpis: Pick<Services['kpis'], 'kpis' | 'detail'>;
  charts: Services['charts'];
  chat: Pick<Services['chat'], 'uploadFile'>;
  log: Pick<Services['log'], 'warn'>;
}

export const createMetricsCommand = (deps: MetricsCommandDeps): Command<z.infer<typeof args>> => ({
  name: 'metrics',
  summary: 'KPI table against targets, or one metric over a period with a chart',
  usage: ['metrics [name] [period]'],
  examples: ['metrics', 'metrics error-rate 24h', 'metrics configuration-resolution-time 5m'],
  permission: 'read',
  args,
  async run({ name, period }, ctx) {
    const { kpis, charts, chat, log } = deps;
    if (!name) return kpiTableReply(await kpis.kpis());
    const parsed = parsePeriod(period ?? '1h');
    const detail = await kpis.detail(name, parsed);
    let note = 'Not enough points for a chart.';
    if (detail.points.length >= 2) {
      const title = detail.definition.title ?? detail.definition.name;
      try {
        const png = await charts.render({
          title: `${title} — last ${parsed.text}`,
          unit: detail.definition.unit,
          target: detail.definition.target,
          points: detail.points,
        });
        await chat.uploadFile(ctx.channel.id, {
          filename: `${detail.definition.name}-${parsed.text}.png`,
          content: png,
          title: `${title} — last ${parsed.text}`,
        });
        note = 'Chart uploaded to this channel.';
      } catch (error) {
        log.warn({ err: error, metric: name }, 'chart upload failed');
        note = `The chart could not be uploaded: ${(error as Error).message}`;
      }
    }
    return metricDetailReply(detail, note);
  },
});
