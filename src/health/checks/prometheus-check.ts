import type { CheckConfig } from '../../config/schema.js';
import { type Checker, type CheckOutcome, type HealthStatus, worstOf } from '../model.js';
import type { HealthProbes, PrometheusSample } from '../probes.js';

type PrometheusCheckConfig = Extract<CheckConfig, { kind: 'prometheus' }>;
type Bounds = { below?: number; above?: number };

/** How many offending series a reason names before it says "+N more". */
const NAMED_SERIES = 3;

function outside(value: number, bounds: Bounds | undefined): string | undefined {
  if (!bounds) return undefined;
  if (bounds.below !== undefined && value < bounds.below) return `< ${bounds.below}`;
  if (bounds.above !== undefined && value > bounds.above) return `> ${bounds.above}`;
  return undefined;
}

export function seriesName(labels: Record<string, string>): string {
  const { __name__: name = '', ...rest } = labels;
  const pairs = Object.entries(rest)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}="${v}"`);
  const text = pairs.length > 0 || name === '' ? `${name}{${pairs.join(',')}}` : name;
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

function formatValue(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toPrecision(4).replace(/\.?0+$/, '');
}

function grade(
  sample: PrometheusSample,
  config: PrometheusCheckConfig,
): { status: HealthStatus; why?: string } {
  if (Number.isNaN(sample.value)) return { status: 'unknown', why: 'NaN' };
  const bad = outside(sample.value, config.unhealthy);
  if (bad) return { status: 'unhealthy', why: bad };
  const poor = outside(sample.value, config.degraded);
  return poor ? { status: 'degraded', why: poor } : { status: 'healthy' };
}

/** Compares every sample of the query with the bounds; the worst sample decides. */
export function gradeSamples(samples: PrometheusSample[], config: PrometheusCheckConfig): CheckOutcome {
  if (samples.length === 0) return { status: 'unknown', reason: 'query returned no series' };
  const graded = samples.map((sample) => ({ sample, ...grade(sample, config) }));
  const status = worstOf(graded.map((g) => g.status));
  const details = { series: samples.length };
  if (status === 'healthy') {
    const only = samples.length === 1 ? ` (${formatValue(samples[0]!.value)})` : '';
    return { status, reason: `${samples.length} series within bounds${only}`, details };
  }
  const offending = graded.filter((g) => g.status === status);
  const named = offending
    .slice(0, NAMED_SERIES)
    .map(
      (g) =>
        `${seriesName(g.sample.labels)} = ${formatValue(g.sample.value)}${g.why === 'NaN' ? '' : ` (${g.why})`}`,
    );
  const more = offending.length > NAMED_SERIES ? `; +${offending.length - NAMED_SERIES} more` : '';
  return {
    status,
    reason: `${offending.length} of ${samples.length} series: ${named.join('; ')}${more}`,
    details,
  };
}

/** A PromQL instant query whose samples must stay within bounds (`up{job="api"}` ≥ 1 by default). */
export function prometheusChecker(
  config: PrometheusCheckConfig,
  queryPrometheus: HealthProbes['queryPrometheus'],
): Checker {
  return {
    kind: 'prometheus',
    async check(signal) {
      const answer = await queryPrometheus(config.url, config.query, signal);
      // Prometheus answered, but not with data (bad PromQL, query timeout): its own words, and no
      // verdict on the target the query is about.
      if ('error' in answer) return { status: 'unknown', reason: `Prometheus: ${answer.error}` };
      return gradeSamples(answer.samples, config);
    },
  };
}
