import { request } from 'undici';
import type { LogQuery, LogSource } from '../../logs/log-source.js';
import { mergeByTime } from '../../logs/log-source.js';

interface QueryRangeResponse {
  status?: string;
  error?: string;
  data?: { resultType?: string; result?: { stream?: Record<string, string>; values?: [string, string][] }[] };
}

/** Which label names a stream in the merged lines: the pod, the container, else the job. */
const ORIGIN_LABELS = ['pod', 'container', 'instance', 'job'];

/** A nanosecond epoch as the RFC 3339 time the other sources put in front of each line. */
function timeOf(ns: string): string {
  return new Date(Number(BigInt(ns) / 1_000_000n)).toISOString();
}

/** Loki's `GET /loki/api/v1/query_range` for a LogQL stream selector: the newest `tail` lines of the window. */
export class LokiLogSource implements LogSource {
  constructor(private readonly options: { url: string; query: string; headers: Record<string, string> }) {}

  describe(): string {
    return `loki ${this.options.query}`;
  }

  async read(query: LogQuery, signal: AbortSignal): Promise<string[]> {
    const end = BigInt(Date.now()) * 1_000_000n;
    const start = end - BigInt(query.sinceSeconds) * 1_000_000_000n;
    const url = new URL('/loki/api/v1/query_range', this.options.url);
    url.search = new URLSearchParams({
      query: this.options.query,
      start: String(start),
      end: String(end),
      limit: String(query.tail),
      direction: 'backward',
    }).toString();
    const response = await request(url, { headers: this.options.headers, signal });
    const body = (await response.body.json().catch(() => ({}))) as QueryRangeResponse;
    if (response.statusCode !== 200 || body.status !== 'success') {
      throw new Error(`loki answered HTTP ${response.statusCode}: ${body.error ?? 'not a query result'}`);
    }
    const streams = (body.data?.result ?? []).map((s) => ({
      origin: ORIGIN_LABELS.map((l) => s.stream?.[l]).find(Boolean) ?? 'loki',
      // Backward: newest first; the other sources (and people) read oldest first.
      lines: [...(s.values ?? [])].reverse().map(([ns, line]) => `${timeOf(ns)} ${line}`),
    }));
    return mergeByTime(streams).slice(-query.tail);
  }
}
