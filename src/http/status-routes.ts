import type { StatusPage } from '../status/status-page.js';
import { type HttpRequest, type HttpRoute, headerOf, json } from './routes.js';

/**
 * How long browsers and proxies may reuse a copy: the health snapshot behind the page is at most
 * 30 s old anyway, so a reader misses nothing a reload would have shown.
 */
export const STATUS_MAX_AGE_SECONDS = 30;

type Format = 'html' | 'json' | 'atom';

/** Whether the client's `If-None-Match` names this ETag (weak comparison, as RFC 9110 says). */
function matches(request: HttpRequest, etag: string): boolean {
  const header = headerOf(request, 'if-none-match');
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** The public status page: `/status` (HTML), `/status.json`, `/status.atom`; 404 while disabled. */
export function statusRoutes(page: StatusPage): HttpRoute[] {
  const serve = (format: Format, contentType: string): HttpRoute['handle'] => {
    return async (request) => {
      if (!page.enabled) return json(404, { error: 'not found' });
      const rendering = await page.render();
      // One ETag per representation: the HTML and the JSON of one state are different bytes.
      const etag = `"${rendering.key}-${format}"`;
      const headers = { 'cache-control': `public, max-age=${STATUS_MAX_AGE_SECONDS}`, etag };
      if (matches(request, etag)) return { status: 304, body: '', headers };
      return { status: 200, contentType, body: rendering[format], headers };
    };
  };
  return [
    { method: 'GET', path: '/status', handle: serve('html', 'text/html; charset=utf-8') },
    { method: 'GET', path: '/status.json', handle: serve('json', 'application/json') },
    { method: 'GET', path: '/status.atom', handle: serve('atom', 'application/atom+xml; charset=utf-8') },
  ];
}
