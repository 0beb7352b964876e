import type { Clock } from '../core/clock.js';
import { didYouMean } from '../core/did-you-mean.js';
import { NotFoundError, UnavailableError } from '../core/errors.js';
import { TimeoutError, withTimeout } from '../core/with-timeout.js';
import type { KpiStatus, MetricDefinition, MetricSource, Point } from './model.js';
import { kpiStatus } from './model.js';
import { type Period, stepSecondsFor } from './period.js';
import { type SeriesStats, seriesStats } from './stats.js';

export interface ConfiguredMetric {
  definition: MetricDefinition;
  source: MetricSource;
}

export interface KpiRow {
  definition: MetricDefinition;
  current?: number;
  status: KpiStatus;
  /** Why there is no value (source down, bad query), in the source's words. */
  error?: string;
}

export interface MetricDetail extends KpiRow {
  period: Period;
  stats?: SeriesStats;
  points: Point[];
}

/** KPI values against their targets, from every metric source at once, each bounded by a timeout. */
export class MetricService {
  constructor(
    private readonly metrics: readonly ConfiguredMetric[],
    private readonly clock: Clock,
    private readonly timeoutMs: number,
  ) {}

  names(): string[] {
    return this.metrics.map((m) => m.definition.name);
  }

  /** One KPI's current value against its target (operation verification watches this). */
  async current(name: string): Promise<KpiRow> {
    return this.row(this.find(name));
  }

  async kpis(): Promise<KpiRow[]> {
    return Promise.all(this.metrics.map((m) => this.row(m)));
  }

  async detail(name: string, period: Period): Promise<MetricDetail> {
    const metric = this.find(name);
    const end = this.clock.now();
    const start = new Date(end.getTime() - period.ms);
    const [row, points] = await Promise.all([
      this.row(metric),
      this.guard(metric, (signal) => metric.source.series(start, end, stepSecondsFor(period), signal)),
    ]);
    const scaled = points.map((p) => ({ at: p.at, value: p.value * metric.definition.scale }));
    return { ...row, period, points: scaled, stats: seriesStats(scaled.map((p) => p.value)) };
  }

  private find(name: string): ConfiguredMetric {
    const metric = this.metrics.find((m) => m.definition.name === name.toLowerCase());
    if (metric) return metric;
    const known = this.names();
    throw new NotFoundError(
      known.length
        ? `No metric \`${name}\`.${didYouMean(name, known)} Known metrics: ${known.map((n) => `\`${n}\``).join(', ')}.`
        : `No metric \`${name}\`: no metrics are configured (\`metrics.definitions\`).`,
    );
  }

  private async row(metric: ConfiguredMetric): Promise<KpiRow> {
    const { definition } = metric;
    try {
      const raw = await this.guard(metric, (signal) => metric.source.current(signal));
      const current = raw === undefined ? undefined : raw * definition.scale;
      return { definition, current, status: kpiStatus(definition, current) };
    } catch (error) {
      return { definition, status: 'unknown', error: (error as Error).message };
    }
  }

  private async guard<T>(metric: ConfiguredMetric, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    try {
      return await withTimeout(this.timeoutMs, fn);
    } catch (error) {
      const name = metric.definition.name;
      if (error instanceof TimeoutError)
        throw new UnavailableError(`${name}: the source did not answer within ${error.ms} ms`);
      throw new UnavailableError(`${name}: ${(error as Error).message}`, { cause: error });
    }
  }
}
