import type { MetricSource, Point } from '../../metrics/model.js';
import { periodParam } from '../../metrics/period.js';
import { httpJson, joinUrl } from '../http-json.js';

interface MetricResponse {
  data?: {
    current?: number | string;
    history?: { timestamp: number | string; value: number | string }[];
    values?: { timestamp: number | string; value: number | string }[];
  };
}

/**
 * A service's metrics API (seed 001): `GET /api/monitoring/metrics/<name>` → `data.current`.
 * The history, when the service sends one (`data.history` / `data.values`), becomes the series.
 */
export class BersMetricSource implements MetricSource {
  constructor(
    private readonly baseUrl: string,
    private readonly metric: string,
  ) {}

  async current(signal: AbortSignal): Promise<number | undefined> {
    const body = await this.fetch(undefined, signal);
    const current = body.data?.current;
    return current === undefined || current === null ? undefined : Number(current);
  }

  async series(start: Date, end: Date, _step: number, signal: AbortSignal): Promise<Point[]> {
    const body = await this.fetch(periodParam(end.getTime() - start.getTime()), signal);
    const history = body.data?.history ?? body.data?.values ?? [];
    return history
      .map((p) => ({ at: new Date(Number(p.timestamp) || String(p.timestamp)), value: Number(p.value) }))
      .filter((p) => p.at >= start && p.at <= end && Number.isFinite(p.value));
  }

  private fetch(period: string | undefined, signal: AbortSignal): Promise<MetricResponse> {
    const url = joinUrl(this.baseUrl, `/api/monitoring/metrics/${encodeURIComponent(this.metric)}`);
    if (period) url.searchParams.set('period', period);
    return httpJson<MetricResponse>(url, { signal });
  }
}
