import { Agent } from 'node:https';
import type { APIParameters } from '@pagerduty/pdjs/build/src/api.js';
import { UnavailableError, UsageError } from '../../core/errors.js';
import type { PagerActions, VendorIncident } from '../../incident/pager-actions.js';

export interface RestClientOptions {
  /** PAGERDUTY_API_URL. */
  apiUrl: string;
  token: string;
  timeoutMs?: number;
  /** Extra trusted CA certificates (PEM) for an HTTPS API base. */
  ca?: string;
}

interface Reference {
  id?: string;
  summary?: string;
}

interface IncidentBody {
  id?: string;
  incident_number?: number;
  html_url?: string;
  escalation_level?: number;
  escalation_policy?: Reference;
  assignments?: { assignee?: Reference }[];
}

type Method = 'GET' | 'PUT';

/**
 * PagerDuty's REST API through pdjs `api()` with a full `url` (its shorthand helpers only know
 * hosts ending in `.com`): find our incident by its key, find a user by e-mail, reassign and
 * escalate. Writes carry `From`, the e-mail of the PagerDuty user acting.
 */
export class PagerDutyRestClient implements PagerActions {
  constructor(private readonly options: RestClientOptions) {}

  /** The open PagerDuty incident our page made (its incident key is our dedup key). */
  async incidentByKey(incidentKey: string): Promise<VendorIncident | undefined> {
    const data = await this.call('GET', '/incidents', {
      query: { incident_key: incidentKey, 'statuses[]': ['triggered', 'acknowledged'] },
    });
    const found = ((data.incidents as IncidentBody[] | undefined) ?? [])[0];
    return found && toVendor(found);
  }

  async userByEmail(email: string): Promise<{ id: string; name: string } | undefined> {
    const data = await this.call('GET', '/users', { query: { query: email } });
    const users = (data.users as { id: string; name?: string; email?: string }[] | undefined) ?? [];
    const user = users.find((u) => u.email?.toLowerCase() === email.toLowerCase());
    return user && { id: user.id, name: user.name ?? email };
  }

  async reassign(incidentId: string, userId: string, from: string): Promise<VendorIncident> {
    const incident = {
      type: 'incident_reference',
      assignments: [{ assignee: { id: userId, type: 'user_reference' } }],
    };
    return this.update(incidentId, incident, from);
  }

  async escalate(incidentId: string, level: number, from: string): Promise<VendorIncident> {
    return this.update(incidentId, { type: 'incident_reference', escalation_level: level }, from);
  }

  private async update(incidentId: string, incident: object, from: string): Promise<VendorIncident> {
    const data = await this.call('PUT', `/incidents/${encodeURIComponent(incidentId)}`, {
      body: { incident },
      from,
    });
    return toVendor((data.incident as IncidentBody | undefined) ?? {});
  }

  private async call(
    method: Method,
    path: string,
    request: { query?: Record<string, string | string[]>; body?: object; from?: string },
  ): Promise<Record<string, unknown>> {
    const url = `${this.options.apiUrl.replace(/\/+$/, '')}${path}`;
    const abort = new AbortController();
    const agent = url.startsWith('https:') ? new Agent({ ca: this.options.ca, keepAlive: false }) : undefined;
    const timer = setTimeout(() => abort.abort(), this.options.timeoutMs ?? 8_000);
    try {
      // node-fetch (under pdjs) takes `agent`; pdjs's types only know RequestInit.
      const parameters: APIParameters & { agent?: Agent } = {
        url,
        method,
        token: this.options.token,
        ...(request.query ? { queryParameters: request.query } : {}),
        ...(request.body ? { data: request.body } : {}),
        headers: request.from ? { From: request.from } : {},
        signal: abort.signal,
        requestTimeout: 0,
        retryTimeout: 1_000,
        ...(agent ? { agent } : {}),
      };
      // pdjs is loaded at the first REST call, not at start (as in oncall-client.ts).
      const { api } = await import('@pagerduty/pdjs');
      const response = await api(parameters);
      if (!response.ok) throw refusal(response.status, response.data);
      return (response.data ?? {}) as Record<string, unknown>;
    } catch (error) {
      if (error instanceof UsageError) throw error;
      const reason = abort.signal.aborted ? 'no answer in time' : describe(error);
      throw new UnavailableError(`PagerDuty did not answer: ${reason}`, { cause: error });
    } finally {
      clearTimeout(timer);
      agent?.destroy();
    }
  }
}

function toVendor(body: IncidentBody): VendorIncident {
  return {
    id: body.id ?? '',
    number: body.incident_number,
    url: body.html_url,
    escalationLevel: body.escalation_level,
    escalationPolicy: body.escalation_policy?.summary,
    assignees: (body.assignments ?? []).map((a) => a.assignee?.summary ?? a.assignee?.id ?? '?'),
  };
}

/** PagerDuty's own reason (a 400's errors, a 403), said to the person who asked. */
function refusal(status: number, data: unknown): Error {
  const error = (data as { error?: { message?: string; errors?: string[] } } | undefined)?.error;
  const detail = [error?.message, ...(error?.errors ?? [])].filter(Boolean).join(': ') || `HTTP ${status}`;
  if (status >= 400 && status < 500 && status !== 429) return new UsageError(`PagerDuty refused: ${detail}`);
  return new Error(detail);
}

function describe(error: unknown): string {
  // pdjs rejects with the Response itself when the body is not JSON.
  if (error && typeof error === 'object' && 'status' in error) return `HTTP ${String(error.status)}`;
  return (error as Error).message ?? String(error);
}
