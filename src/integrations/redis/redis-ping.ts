import { withRedis } from './with-redis.js';

/** `redis-cli ping` (the Unjucks and AI Chat runbooks), on a connection of its own. */
export function pingRedis(url: string, signal: AbortSignal): Promise<string> {
  return withRedis(url, signal, (client) => client.ping());
}
