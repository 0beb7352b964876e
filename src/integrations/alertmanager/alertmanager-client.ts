import { httpJson, joinUrl } from '../http-json.js';

/** An alert as /api/v2/alerts returns it (gettableAlert in api/v2/openapi.yaml). */
export interface GettableAlert {
  fingerprint: string;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt: string;
  endsAt?: string;
  generatorURL?: string;
  status: { state: 'active' | 'suppressed' | 'unprocessed'; silencedBy: string[]; inhibitedBy: string[] };
}

export interface Matcher {
  name: string;
  value: string;
  isRegex: boolean;
  isEqual?: boolean;
}

export interface PostableSilence {
  matchers: Matcher[];
  startsAt: string;
  endsAt: string;
  createdBy: string;
  comment: string;
}

/** Alertmanager API v2: alerts with filters, silences create / expire. */
export class AlertmanagerClient {
  constructor(private readonly baseUrl: string) {}

  alerts(
    options: { filter?: string[]; active?: boolean; silenced?: boolean; inhibited?: boolean },
    signal?: AbortSignal,
  ): Promise<GettableAlert[]> {
    const url = joinUrl(this.baseUrl, '/api/v2/alerts');
    for (const key of ['active', 'silenced', 'inhibited'] as const) {
      if (options[key] !== undefined) url.searchParams.set(key, String(options[key]));
    }
    for (const matcher of options.filter ?? []) url.searchParams.append('filter', matcher);
    return httpJson<GettableAlert[]>(url, { signal });
  }

  async createSilence(silence: PostableSilence, signal?: AbortSignal): Promise<string> {
    const body = await httpJson<{ silenceID: string }>(joinUrl(this.baseUrl, '/api/v2/silences'), {
      method: 'POST',
      body: silence,
      signal,
    });
    return body.silenceID;
  }

  async expireSilence(id: string, signal?: AbortSignal): Promise<void> {
    await httpJson(joinUrl(this.baseUrl, `/api/v2/silence/${encodeURIComponent(id)}`), {
      method: 'DELETE',
      signal,
    });
  }

  async silence(id: string, signal?: AbortSignal): Promise<{ id: string; status: { state: string } }> {
    return httpJson(joinUrl(this.baseUrl, `/api/v2/silence/${encodeURIComponent(id)}`), { signal });
  }
}
