import type { Logger } from 'pino';

/**
 * An HTTP request as the bot's routes see it: read whole (bounded) by the ingress thread that owns
 * the socket, then handed to the routes on the main thread. Plain data, so it crosses threads.
 */
export interface HttpRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
  remoteAddress?: string;
}

export interface HttpResponse {
  status: number;
  contentType?: string;
  body: string;
  /** Further response headers (e.g. `cache-control`, `etag`), lower-case names. */
  headers?: Record<string, string>;
  /** Work that must start only once the answer is on its way (e.g. a webhook's processing). */
  afterResponse?: () => void;
}

export interface HttpRoute {
  method: 'GET' | 'POST';
  path: string;
  handle(request: HttpRequest): Promise<HttpResponse> | HttpResponse;
}

/** Bodies larger than this are refused with 413 before they reach a route. */
export const MAX_BODY_BYTES = 1024 * 1024;

export function json(status: number, body: unknown): HttpResponse {
  return { status, contentType: 'application/json', body: JSON.stringify(body) };
}

export function bodyText(request: HttpRequest): string {
  return Buffer.from(request.body).toString('utf8');
}

export function headerOf(request: HttpRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

/** The bot's routes (webhooks, health, metrics): 404/405 for unknown ones, 500 for a failing one. */
export class HttpRouter {
  constructor(
    private readonly routes: readonly HttpRoute[],
    private readonly log: Logger,
  ) {}

  async handle(request: HttpRequest): Promise<HttpResponse> {
    const route = this.routes.find((r) => r.path === request.path && r.method === request.method);
    if (!route) {
      const known = this.routes.some((r) => r.path === request.path);
      return json(known ? 405 : 404, { error: known ? 'method not allowed' : 'not found' });
    }
    try {
      return await route.handle(request);
    } catch (error) {
      this.log.error({ err: error, path: request.path }, 'HTTP handler failed');
      return json(500, { error: 'internal error' });
    }
  }
}
