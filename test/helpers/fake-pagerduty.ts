import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { FakePdIncidents } from './fake-pagerduty-incidents.js';
import { pollUntil } from './poll.js';

export interface EnqueuedEvent {
  routing_key?: string;
  event_action?: string;
  dedup_key?: string;
  payload?: { summary?: string; severity?: string; custom_details?: Record<string, unknown> };
  links?: { href: string; text: string }[];
}

export interface EnqueueAnswer {
  status: number;
  headers?: Record<string, string>;
  /** JSON body; a string is sent as is (e.g. an HTML error page). */
  body?: unknown;
  /** Never answer (a hung connection). */
  hang?: boolean;
}

/** What PagerDuty answers to a valid or invalid event (fixtures/pagerduty-events-v2.md). */
export function documentedAnswer(event: EnqueuedEvent): EnqueueAnswer {
  const errors: string[] = [];
  if (event.routing_key?.length !== 32) errors.push("'routing_key' is missing or blank");
  if (!['trigger', 'acknowledge', 'resolve'].includes(event.event_action ?? '')) {
    errors.push("'event_action' is invalid");
  }
  if (event.event_action === 'trigger') {
    if (!event.payload?.summary || event.payload.summary.length > 1024) errors.push("'summary' is invalid");
    if (!['critical', 'error', 'warning', 'info'].includes(event.payload?.severity ?? '')) {
      errors.push("'severity' is invalid");
    }
  }
  if (errors.length > 0) {
    return { status: 400, body: { status: 'invalid event', message: 'Event object is invalid', errors } };
  }
  return { status: 202, body: { status: 'success', message: 'Event processed', dedup_key: event.dedup_key } };
}

let certificate: Promise<{ cert: string; key: string }> | undefined;

/** One self-signed certificate for 127.0.0.1 per test process (RSA key generation is slow). */
function testCertificate(): Promise<{ cert: string; key: string }> {
  certificate ??= generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 7, ip: '127.0.0.1' },
          { type: 2, value: 'localhost' },
        ],
      },
    ],
  }).then((pems) => ({ cert: pems.cert, key: pems.private }));
  return certificate;
}

/**
 * A fake PagerDuty over real HTTPS (pdjs only builds https:// URLs): Events v2 `/v2/enqueue`,
 * REST `/oncalls`, and the incidents our events open (REST and webhooks: see FakePdIncidents). `answer` decides each enqueue response (default: the documented 202/400);
 * `delivered` keeps the events it accepted, `attempts` every request.
 */
export class FakePagerDuty {
  readonly attempts: EnqueuedEvent[] = [];
  readonly delivered: EnqueuedEvent[] = [];
  readonly oncallQueries: URLSearchParams[] = [];
  answer: (event: EnqueuedEvent, attempt: number) => EnqueueAnswer = documentedAnswer;
  oncalls: Record<string, unknown>[] = [];
  /** PagerDuty's incidents made by our events, its REST API on them, and its webhooks about them. */
  readonly incidents = new FakePdIncidents();
  apiToken = 'pd-api-token';
  private readonly hung = new Set<ServerResponse>();
  private readonly deliveryWaiters: ((event: EnqueuedEvent) => void)[] = [];

  private constructor(
    private readonly server: Server,
    readonly url: string,
    /** The certificate to trust (PEM). */
    readonly ca: string,
  ) {}

  static async start(): Promise<FakePagerDuty> {
    const { cert, key } = await testCertificate();
    const server = createServer({ cert, key });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fake = new FakePagerDuty(
      server,
      `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
      cert,
    );
    server.on('request', (req, res) => void fake.handle(req, res));
    return fake;
  }

  /** Answers 503 to every event until `recover()`. */
  outage(): void {
    this.answer = () => ({ status: 503, body: '<html>Service Unavailable</html>' });
  }

  recover(): void {
    this.answer = documentedAnswer;
  }

  /** The next event accepted, the moment it is (no polling interval in a latency figure). */
  nextDelivery(): Promise<EnqueuedEvent> {
    return new Promise((resolve) => this.deliveryWaiters.push(resolve));
  }

  async waitFor<T>(
    predicate: () => T | undefined | false,
    timeoutMs = 15_000,
    what = 'condition',
  ): Promise<T> {
    return pollUntil(predicate, { what: `fake PagerDuty: ${what}`, timeoutMs, intervalMs: 20 });
  }

  close(): Promise<void> {
    for (const res of this.hung) res.destroy();
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', this.url);
    if (req.method === 'POST' && url.pathname === '/v2/enqueue') {
      const event = JSON.parse(Buffer.concat(chunks).toString() || '{}') as EnqueuedEvent;
      this.attempts.push(event);
      const answer = this.answer(event, this.attempts.length);
      if (answer.hang) {
        this.hung.add(res);
        return;
      }
      send(res, answer);
      if (answer.status === 202) {
        this.delivered.push(event);
        this.incidents.onEvent(event);
        for (const resolve of this.deliveryWaiters.splice(0)) resolve(event);
      }
    } else if (req.method === 'GET' && url.pathname === '/oncalls') {
      this.oncallQueries.push(url.searchParams);
      if (req.headers.authorization !== `Token token=${this.apiToken}`) {
        send(res, { status: 401, body: { error: { message: 'Unauthorized', code: 2006 } } });
        return;
      }
      send(res, { status: 200, body: this.answerOncalls(url.searchParams) });
    } else if (req.headers.authorization !== `Token token=${this.apiToken}` && req.method !== 'POST') {
      send(res, { status: 401, body: { error: { message: 'Unauthorized', code: 2006 } } });
    } else if (this.incidents.handle(req, url, Buffer.concat(chunks).toString(), res)) {
      return;
    } else {
      send(res, { status: 404, body: { error: 'not found' } });
    }
  }

  private answerOncalls(query: URLSearchParams): Record<string, unknown> {
    const policies = query.getAll('escalation_policy_ids[]');
    const schedules = query.getAll('schedule_ids[]');
    const rows = this.oncalls.filter((row) => {
      const policy = (row.escalation_policy as { id?: string } | null)?.id;
      const schedule = (row.schedule as { id?: string } | null)?.id;
      return (
        (policies.length === 0 || policies.includes(policy ?? '')) &&
        (schedules.length === 0 || schedules.includes(schedule ?? ''))
      );
    });
    const offset = Number(query.get('offset') ?? 0);
    const limit = Number(query.get('limit') ?? 25);
    const page = rows.slice(offset, offset + limit);
    return { oncalls: page, limit, offset, more: offset + limit < rows.length, total: null };
  }
}

function send(res: ServerResponse, answer: EnqueueAnswer): void {
  const text = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? {});
  const type = typeof answer.body === 'string' ? 'text/html' : 'application/json';
  res.writeHead(answer.status, { 'content-type': type, ...answer.headers }).end(text);
}
