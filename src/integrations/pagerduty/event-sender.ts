import type { IncomingMessage } from 'node:http';
import type { event } from '@pagerduty/pdjs';
import type { EventBody } from './events-body.js';
import { ResponseWatchingAgent } from './response-watching-agent.js';

type EventParameters = Parameters<typeof event>[0];

export type SendOutcome =
  | { kind: 'accepted' }
  /** 400: PagerDuty will never accept this event. */
  | { kind: 'invalid'; reason: string }
  | { kind: 'retry'; reason: string; retryAfterMs?: number; rateLimited?: boolean };

export interface EventSender {
  send(body: EventBody, routingKey: string): Promise<SendOutcome>;
}

export interface PdjsSenderOptions {
  /** PAGERDUTY_EVENTS_URL; pdjs takes only a host (and port) and always speaks HTTPS. */
  eventsUrl: string;
  attemptTimeoutMs: number;
  /** Extra trusted CA certificates (PEM), e.g. a test's self-signed one. */
  ca?: string;
}

/** Retry-After is seconds or an HTTP date. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function invalidReason(data: unknown): string {
  const d = (data ?? {}) as { message?: unknown; errors?: unknown };
  const errors = Array.isArray(d.errors) ? d.errors.map(String) : [];
  return [typeof d.message === 'string' ? d.message : 'invalid event', ...errors].join(': ');
}

/** Sends one event with pdjs `event()`, each attempt bounded by an abort (pdjs has no real timeout). */
export class PdjsEventSender implements EventSender {
  private readonly server: string;

  constructor(private readonly options: PdjsSenderOptions) {
    this.server = new URL(options.eventsUrl).host;
  }

  async send(body: EventBody, routingKey: string): Promise<SendOutcome> {
    const abort = new AbortController();
    let seen: IncomingMessage | undefined;
    let accepted: () => void = () => {};
    const acceptedEarly = new Promise<SendOutcome>((resolve) => {
      accepted = () => resolve({ kind: 'accepted' });
    });
    const agent = new ResponseWatchingAgent({ ca: this.options.ca, keepAlive: false }, (response) => {
      seen = response;
      const status = response.statusCode ?? 0;
      // A 2xx status line is the answer: waiting for the body only risks resending an accepted event.
      if (status >= 200 && status < 300) accepted();
      // pdjs would wait 20 s and resend blindly; stop it now and honour Retry-After ourselves.
      if (status === 429) abort.abort();
    });
    const timer = setTimeout(() => abort.abort(), this.options.attemptTimeoutMs);
    // The request keeps its bound and agent until it settles, even after an early answer.
    const request = this.request(body, routingKey, agent, abort.signal).finally(() => {
      clearTimeout(timer);
      agent.destroy();
    });
    try {
      return await Promise.race([acceptedEarly, request]);
    } catch (error) {
      if (seen?.statusCode) return this.outcome(seen.statusCode, seen, undefined);
      const reason = abort.signal.aborted
        ? `no answer within ${this.options.attemptTimeoutMs} ms`
        : `network error: ${(error as Error).message}`;
      return { kind: 'retry', reason };
    }
  }

  private async request(
    body: EventBody,
    routingKey: string,
    agent: ResponseWatchingAgent,
    signal: AbortSignal,
  ): Promise<SendOutcome> {
    // node-fetch (under pdjs) takes `agent`; pdjs's types only know RequestInit.
    const parameters: EventParameters & { agent: ResponseWatchingAgent } = {
      server: this.server,
      // pdjs types every event as a trigger; acknowledge/resolve carry no payload.
      data: { ...body, routing_key: routingKey } as EventParameters['data'],
      agent,
      signal,
      // No idle 30 s timer from pdjs; a 429 retry that slipped through would find the signal aborted.
      requestTimeout: 0,
      retryTimeout: this.options.attemptTimeoutMs,
    };
    // pdjs is loaded with the first page, not at start (most processes never page).
    const { event: send } = await import('@pagerduty/pdjs');
    const result = await send(parameters);
    return this.outcome(result.status, undefined, result.data);
  }

  private outcome(status: number, seen: IncomingMessage | undefined, data: unknown): SendOutcome {
    if (status >= 200 && status < 300) return { kind: 'accepted' };
    if (status === 400) return { kind: 'invalid', reason: invalidReason(data) };
    const header = seen?.headers['retry-after'];
    const after = retryAfterMs(Array.isArray(header) ? header[0] : header);
    if (status === 429) {
      return { kind: 'retry', reason: 'rate limited (429)', rateLimited: true, retryAfterMs: after };
    }
    return { kind: 'retry', reason: `HTTP ${status}`, retryAfterMs: after };
  }
}
