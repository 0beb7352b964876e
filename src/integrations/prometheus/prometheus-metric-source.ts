import type { MetricSource, Point } from '../../metrics/model.js';
import { PrometheusClient, PrometheusError } from './prometheus-client.js';

/** A KPI from PromQL: instant query for now, query_range for the period; the first series counts. */
export class PrometheusMetricSource implements MetricSource {
  private readonly client: PrometheusClient;

  constructor(
    baseUrl: string,
    private readonly query: string,
  ) {
    this.client = new PrometheusClient(baseUrl);
  }

  async current(signal: AbortSignal): Promise<number | undefined> {
    const samples = await this.explain(() => this.client.instant(this.query, signal));
    return samples[0]?.value;
  }

  async series(start: Date, end: Date, stepSeconds: number, signal: AbortSignal): Promise<Point[]> {
    const series = await this.explain(() => this.client.range(this.query, start, end, stepSeconds, signal));
    return series[0]?.points ?? [];
  }

  private async explain<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof PrometheusError)
        throw new Error(`Prometheus rejected the query \`${this.query}\`: ${error.message}`);
      throw new Error(`Prometheus is unreachable (${(error as Error).message})`);
    }
  }
}
