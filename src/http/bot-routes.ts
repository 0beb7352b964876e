import type { BotMetrics } from '../observability/metrics.js';
import type { Store } from '../store/store.js';
import { type HttpRoute, sendJson } from './http-server.js';

/** `/healthz` (the process answers), `/readyz` (store reachable, config loaded), `/metrics`. */
export function botRoutes(deps: {
  store: Store;
  metrics: BotMetrics;
  configLoaded: () => boolean;
}): HttpRoute[] {
  return [
    { method: 'GET', path: '/healthz', handle: (_req, res) => sendJson(res, 200, { status: 'ok' }) },
    {
      method: 'GET',
      path: '/readyz',
      async handle(_req, res) {
        const store = await deps.store.ping().then(
          () => 'ok',
          (error: Error) => `unreachable: ${error.message}`,
        );
        const config = deps.configLoaded() ? 'ok' : 'not loaded';
        const ready = store === 'ok' && config === 'ok';
        sendJson(res, ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', store, config });
      },
    },
    {
      method: 'GET',
      path: '/metrics',
      async handle(_req, res) {
        const body = await deps.metrics.exposition();
        res.writeHead(200, { 'content-type': deps.metrics.contentType }).end(body);
      },
    },
  ];
}
