import { request } from 'undici';

/** One series of an instant query: its labels and value (Prometheus sends values as strings). */
export interface InstantSample {
  labels: Record<string, string>;
  value: number;
  at: Date;
}

export interface RangeSeries {
  labels: Record<string, string>;
  points: { at: Date; value: number }[];
}

/** Prometheus answered with an error (bad PromQL, timeout): its own message, for the user. */
export class PrometheusError extends Error {
  constructor(
    message: string,
    readonly errorType?: string,
  ) {
    super(message);
    this.name = 'PrometheusError';
  }
}

type ApiResponse<T> =
  | { status: 'success'; data: T }
  | { status: 'error'; errorType?: string; error?: string };
type VectorData = {
  resultType: string;
  result: { metric: Record<string, string>; value?: [number, string] }[];
};
type MatrixData = {
  resultType: string;
  result: { metric: Record<string, string>; values: [number, string][] }[];
};

/** The Prometheus HTTP API (`/api/v1/query`, `/api/v1/query_range`), per docs/querying/api.md. */
export class PrometheusClient {
  constructor(private readonly baseUrl: string) {}

  async instant(query: string, signal?: AbortSignal): Promise<InstantSample[]> {
    const data = await this.call<VectorData>('/api/v1/query', { query }, signal);
    // Proxies and look-alikes answer odd shapes; a clear error beats a TypeError further down.
    if (!data || !Array.isArray(data.result)) throw new PrometheusError('the answer has no result list');
    if (data.resultType === 'matrix') {
      throw new PrometheusError('the query returns a range vector; use an instant expression');
    }
    if (data.resultType === 'scalar' || data.resultType === 'string') {
      const [at, value] = data.result as unknown as [number, string];
      return [{ labels: {}, value: Number(value), at: new Date(at * 1000) }];
    }
    return data.result
      .filter((r) => Array.isArray(r?.value))
      .map((r) => ({ labels: r.metric ?? {}, value: Number(r.value![1]), at: new Date(r.value![0] * 1000) }));
  }

  async range(
    query: string,
    start: Date,
    end: Date,
    stepSeconds: number,
    signal?: AbortSignal,
  ): Promise<RangeSeries[]> {
    const data = await this.call<MatrixData>(
      '/api/v1/query_range',
      {
        query,
        start: String(start.getTime() / 1000),
        end: String(end.getTime() / 1000),
        step: String(stepSeconds),
      },
      signal,
    );
    return data.result.map((r) => ({
      labels: r.metric,
      points: r.values.map(([at, value]) => ({ at: new Date(at * 1000), value: Number(value) })),
    }));
  }

  private async call<T>(path: string, params: Record<string, string>, signal?: AbortSignal): Promise<T> {
    const url = new URL(
      path.replace(/^\//, ''),
      this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`,
    );
    const response = await request(url, {
      method: 'POST',
      body: new URLSearchParams(params).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      signal,
    });
    const text = await response.body.text();
    let body: ApiResponse<T>;
    try {
      body = JSON.parse(text) as ApiResponse<T>;
    } catch {
      throw new PrometheusError(`Prometheus answered HTTP ${response.statusCode} without JSON`);
    }
    if (body.status !== 'success')
      throw new PrometheusError(body.error ?? `HTTP ${response.statusCode}`, body.errorType);
    return body.data;
  }
}
