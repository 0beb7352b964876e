import type { StatusPage } from '../status/status-page.js';
import { type HttpRoute, json } from './routes.js';

/** The public status page: `/status` (HTML), `/status.json`, `/status.atom`; 404 while disabled. */
export function statusRoutes(page: StatusPage): HttpRoute[] {
  const serve = (pick: 'html' | 'json' | 'atom', contentType: string): HttpRoute['handle'] => {
    return async () => {
      if (!page.enabled) return json(404, { error: 'not found' });
      const rendering = await page.render();
      return { status: 200, contentType, body: rendering[pick] };
    };
  };
  return [
    { method: 'GET', path: '/status', handle: serve('html', 'text/html; charset=utf-8') },
    { method: 'GET', path: '/status.json', handle: serve('json', 'application/json') },
    { method: 'GET', path: '/status.atom', handle: serve('atom', 'application/atom+xml; charset=utf-8') },
  ];
}
