import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface BersAlertRecord {
  id: string;
  severity: 'critical' | 'warning' | 'info';
  title: string;
  message: string;
  component?: string;
  timestamp: number;
  acknowledged?: boolean;
  status?: 'active' | 'acknowledged' | 'resolved';
}

export interface BersCall {
  method: string;
  path: string;
  body?: Record<string, unknown>;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString();
  return text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
}

/**
 * The BERS monitoring API as seeds 000/001 document it: `GET /api/monitoring/alerts`
 * (`{ success, data: [...] }`), `POST …/alerts/{id}/acknowledge | resolve`, and
 * `GET /api/monitoring/metrics/<name>` → `{ success, data: { current, history } }`.
 */
export class FakeBers {
  readonly calls: BersCall[] = [];
  alerts: BersAlertRecord[] = [];
  metrics = new Map<string, { current: number; history?: { timestamp: number; value: number }[] }>();
  /** Milliseconds every answer waits (a slow service). */
  delayMs = 0;

  private constructor(
    private readonly server: Server,
    readonly url: string,
  ) {}

  static async start(): Promise<FakeBers> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const fake = new FakeBers(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('request', (req, res) => {
      void (async () => {
        const body = await readJson(req);
        const path = new URL(req.url ?? '/', fake.url).pathname;
        fake.calls.push({ method: req.method ?? 'GET', path, body });
        if (fake.delayMs) await new Promise((r) => setTimeout(r, fake.delayMs));
        const [status, answer] = fake.answer(req.method ?? 'GET', path, body);
        if (res.destroyed) return;
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
      })();
    });
    return fake;
  }

  private answer(method: string, path: string, body?: Record<string, unknown>): [number, unknown] {
    if (method === 'GET' && path === '/api/monitoring/alerts') {
      return [200, { success: true, data: this.alerts.filter((a) => a.status !== 'resolved') }];
    }
    const action = /^\/api\/monitoring\/alerts\/([^/]+)\/(acknowledge|resolve)$/.exec(path);
    if (method === 'POST' && action) {
      const alert = this.alerts.find((a) => a.id === decodeURIComponent(action[1]!));
      if (!alert) return [404, { success: false, error: 'Alert not found' }];
      if (action[2] === 'acknowledge') {
        alert.acknowledged = true;
        alert.status = 'acknowledged';
      } else alert.status = 'resolved';
      return [200, { success: true, data: { ...alert, by: body?.operator } }];
    }
    const metric = /^\/api\/monitoring\/metrics\/([^/]+)$/.exec(path);
    if (method === 'GET' && metric) {
      const value = this.metrics.get(metric[1]!);
      if (!value) return [404, { success: false, error: `Unknown metric ${metric[1]}` }];
      return [200, { success: true, data: value }];
    }
    return [404, { success: false, error: 'not found' }];
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
