import type { RedisInfo } from '../../health/probes.js';
import { withRedis } from './with-redis.js';
/** Parses `key:value` lines (INFO, CLUSTER INFO); `# Section` headers and blank lines are skipped. */
export function parseInfo(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const at = line.indexOf(':');
    if (at > 0 && !line.startsWith('#')) fields[line.slice(0, at)] = line.slice(at + 1).trim();
  }
  return fields;
}

/**
 * `redis-cli info` and, when the server is in cluster mode, `redis-cli cluster info`, over one
 * connection of its own (see with-redis.ts).
 */
export function readRedisInfo(url: string, signal: AbortSignal): Promise<RedisInfo> {
  return withRedis(url, signal, async (client) => {
    const info = parseInfo(await client.info());
    if (info.cluster_enabled !== '1') return { info };
    return { info, cluster: parseInfo(String(await client.call('CLUSTER', 'INFO'))) };
  });
}
