import type { BotMetrics } from '../observability/metrics.js';
import type { Store } from '../store/store.js';
import { type HttpRoute, json } from './routes.js';

/** `/healthz` (the process answers), `/readyz` (store reachable, config loaded), `/metrics`. */
export function botRoutes(deps: {
  store: Store;
  metrics: BotMetrics;
  configLoaded: () => boolean;
}): HttpRoute[] {
  return [
    { method: 'GET', path: '/healthz', handle: () => json(200, { status: 'ok' }) },
    {
      method: 'GET',
      path: '/readyz',
      async handle() {
        const store = await deps.store.ping().then(
          () => 'ok',
          (error: Error) => `unreachable: ${error.message}`,
        );
        const config = deps.configLoaded() ? 'ok' : 'not loaded';
        const ready = store === 'ok' && config === 'ok';
        return json(ready ? 200 : 503, { status: ready ? 'ready' : 'not ready', store, config });
      },
    },
    {
      method: 'GET',
      path: '/metrics',
      async handle() {
        return { status: 200, contentType: deps.metrics.contentType, body: await deps.metrics.exposition() };
      },
    },
  ];
}
