import { Agent } from 'node:https';
import type { APIParameters } from '@pagerduty/pdjs/build/src/api.js';
import { UnavailableError } from '../../core/errors.js';
import type { OnCallEntry } from '../../incident/on-call.js';

export type { OnCallEntry } from '../../incident/on-call.js';

export interface OnCallClientOptions {
  /** PAGERDUTY_API_URL. */
  apiUrl: string;
  token: string;
  timeoutMs?: number;
  /** Extra trusted CA certificates (PEM) for an HTTPS API base. */
  ca?: string;
}

interface OnCallRow {
  escalation_policy?: { id: string; summary: string } | null;
  schedule?: { id: string; summary: string } | null;
  escalation_level?: number;
  user?: { id: string; summary?: string; name?: string; email?: string } | null;
  end?: string | null;
}

/**
 * `GET /oncalls` through pdjs `api()`, given a full `url` (its `resource` and `.all()` helpers
 * only understand hosts ending in `.com`, so paging is done here).
 */
export class OnCallClient {
  constructor(private readonly options: OnCallClientOptions) {}

  async onCall(filter: { escalationPolicies: string[]; schedules: string[] }): Promise<OnCallEntry[]> {
    // PagerDuty ANDs the two filters; people ask "who is on call for either".
    const [byPolicy, bySchedule] = await Promise.all([
      filter.escalationPolicies.length > 0
        ? this.fetchAll({ 'escalation_policy_ids[]': filter.escalationPolicies })
        : [],
      filter.schedules.length > 0 ? this.fetchAll({ 'schedule_ids[]': filter.schedules }) : [],
    ]);
    return [
      ...byPolicy.flatMap((row) => toEntry(row, 'escalation policy')),
      ...bySchedule.flatMap((row) => toEntry(row, 'schedule')),
    ];
  }

  private async fetchAll(filter: Record<string, string[]>): Promise<OnCallRow[]> {
    const rows: OnCallRow[] = [];
    for (let offset = 0, page = 0; page < 10; page++) {
      const data = await this.get({
        ...filter,
        'include[]': ['users'],
        limit: '100',
        offset: String(offset),
      });
      const oncalls = Array.isArray(data.oncalls) ? (data.oncalls as OnCallRow[]) : [];
      rows.push(...oncalls);
      if (data.more !== true || oncalls.length === 0) break;
      offset += oncalls.length;
    }
    return rows;
  }

  private async get(query: Record<string, string | string[]>): Promise<Record<string, unknown>> {
    const abort = new AbortController();
    const url = `${this.options.apiUrl.replace(/\/+$/, '')}/oncalls`;
    const agent = url.startsWith('https:') ? new Agent({ ca: this.options.ca, keepAlive: false }) : undefined;
    const timer = setTimeout(() => abort.abort(), this.options.timeoutMs ?? 5_000);
    try {
      // node-fetch (under pdjs) takes `agent`; pdjs's types only know RequestInit.
      const parameters: APIParameters & { agent?: Agent } = {
        url,
        token: this.options.token,
        queryParameters: query,
        signal: abort.signal,
        requestTimeout: 0,
        retryTimeout: 1_000,
        ...(agent ? { agent } : {}),
      };
      // pdjs is loaded with the first lookup, not at start.
      const { api } = await import('@pagerduty/pdjs');
      const response = await api(parameters);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return (response.data ?? {}) as Record<string, unknown>;
    } catch (error) {
      const reason = abort.signal.aborted ? 'no answer in time' : describe(error);
      throw new UnavailableError(`PagerDuty on-call lookup failed: ${reason}`, { cause: error });
    } finally {
      clearTimeout(timer);
      agent?.destroy();
    }
  }
}

function describe(error: unknown): string {
  // pdjs rejects with the Response itself when the body is not JSON.
  if (error && typeof error === 'object' && 'status' in error) return `HTTP ${String(error.status)}`;
  return (error as Error).message ?? String(error);
}

function toEntry(row: OnCallRow, kind: OnCallEntry['source']['kind']): OnCallEntry[] {
  const source = kind === 'schedule' ? row.schedule : row.escalation_policy;
  if (!source || !row.user) return [];
  return [
    {
      source: { kind, id: source.id, name: source.summary },
      level: row.escalation_level ?? 1,
      user: {
        id: row.user.id,
        name: row.user.name ?? row.user.summary ?? row.user.id,
        email: row.user.email,
      },
      until: row.end ? new Date(row.end) : undefined,
    },
  ];
}
