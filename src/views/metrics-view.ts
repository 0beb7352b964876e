import type { Reply } from '../core/message.js';
import type { KpiRow, MetricDetail } from '../metrics/metric-service.js';
import type { KpiStatus, MetricDefinition } from '../metrics/model.js';
import { capBlocks, context, header, section } from './blocks.js';

const STATUS = { ok: ':white_check_mark:', breach: ':x:', unknown: ':white_circle:' } satisfies Record<
  KpiStatus,
  string
>;

export function formatValue(value: number | undefined, unit: string): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  // Four significant digits keep 99.95% (uptime) apart from 100% without printing noise.
  const raw = Math.abs(value) >= 1000 ? value.toFixed(0) : value.toPrecision(4);
  const text = raw.includes('.') ? raw.replace(/\.?0+$/, '') : raw;
  return unit === '%' ? `${text}%` : unit ? `${text} ${unit}` : text;
}

export function targetText(d: MetricDefinition): string {
  return `${d.comparison === 'below' ? '<' : '>'}${formatValue(d.target, d.unit)}`;
}

/** `/bers metrics`: the KPI table of the seeds — Metric | Target | Current | Status. */
export function kpiTableReply(rows: readonly KpiRow[]): Reply {
  if (rows.length === 0)
    return {
      text: 'No metrics are configured (`metrics.definitions` in the config).',
      visibility: 'ephemeral',
    };
  const lines = rows.map(
    (r) =>
      `${STATUS[r.status]} *${r.definition.title ?? r.definition.name}* · target ${targetText(r.definition)} · current *${formatValue(r.current, r.definition.unit)}*`,
  );
  const errors = rows.filter((r) => r.error).map((r) => `:warning: ${r.error!}`);
  const chunks: string[] = [];
  for (let i = 0; i < lines.length; i += 15) chunks.push(lines.slice(i, i + 15).join('\n'));
  const breaching = rows.filter((r) => r.status === 'breach').length;
  const summary = `${rows.length - breaching - rows.filter((r) => r.status === 'unknown').length}/${rows.length} on target`;
  return {
    text: `KPIs: ${summary}`,
    blocks: capBlocks([
      header('Key performance indicators'),
      section('*Metric · Target · Current · Status*'),
      ...chunks.map(section),
      ...errors.map(section),
      context(`${summary} · \`/bers metrics <name> [5m|1h|24h|7d]\` for a chart`),
    ]),
    visibility: 'in_channel',
  };
}

/** `/bers metrics <name> [period]`: the numbers over the period (the chart is uploaded separately). */
export function metricDetailReply(detail: MetricDetail, chartNote: string): Reply {
  const d = detail.definition;
  const unit = d.unit;
  const s = detail.stats;
  const title = `${d.title ?? d.name} over ${detail.period.text}`;
  const numbers = [
    `${STATUS[detail.status]} current *${formatValue(detail.current, unit)}* · target ${targetText(d)}`,
    s
      ? `average ${formatValue(s.average, unit)} · p95 ${formatValue(s.p95, unit)} · max ${formatValue(s.max, unit)} · min ${formatValue(s.min, unit)} (${s.count} points)`
      : 'No data points in this period.',
  ];
  return {
    text: `${title}: current ${formatValue(detail.current, unit)}, target ${targetText(d)}`,
    blocks: [
      header(title),
      section(numbers.join('\n')),
      ...(detail.error ? [section(`:warning: ${detail.error}`)] : []),
      context(chartNote),
    ],
    visibility: 'in_channel',
  };
}
