import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';

export interface HttpRoute {
  method: 'GET' | 'POST';
  path: string;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void> | void;
}

/** Reads a request body up to `limit` bytes; a larger body is refused with 413 by the caller. */
export async function readBody(req: IncomingMessage, limit = 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw Object.assign(new Error('body too large'), { statusCode: 413 });
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** The bot's one HTTP server: Slack (HTTP mode), webhooks, health and metrics. */
export class BotHttpServer {
  private readonly server: Server;

  constructor(
    private readonly routes: readonly HttpRoute[],
    private readonly log: Logger,
  ) {
    this.server = createServer((req, res) => void this.dispatch(req, res));
    // Slack keeps connections alive; don't let idle sockets hold shutdown.
    this.server.keepAliveTimeout = 5_000;
  }

  private async dispatch(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const route = this.routes.find((r) => r.path === path && r.method === req.method);
    if (!route) {
      const known = this.routes.some((r) => r.path === path);
      sendJson(res, known ? 405 : 404, { error: known ? 'method not allowed' : 'not found' });
      return;
    }
    try {
      await route.handle(req, res);
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode ?? 500;
      if (status >= 500) this.log.error({ err: error, path }, 'HTTP handler failed');
      if (!res.headersSent)
        sendJson(res, status, { error: status >= 500 ? 'internal error' : (error as Error).message });
    }
  }

  listen(port: number, host = '0.0.0.0'): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (!this.server.listening) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}
