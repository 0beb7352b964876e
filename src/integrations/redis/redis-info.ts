/** `INFO` (and `CLUSTER INFO` in cluster mode) as key → value maps. */
export interface RedisInfo {
  info: Record<string, string>;
  cluster?: Record<string, string>;
}

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
 * connection that never reconnects or queues (see pingRedis).
 */
export async function readRedisInfo(url: string, signal: AbortSignal): Promise<RedisInfo> {
  signal.throwIfAborted();
  // ioredis is loaded with the first Redis check, not at start (see pingRedis).
  const { Redis } = await import('ioredis');
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    reconnectOnError: () => false,
    enableReadyCheck: false,
    disableClientInfo: true,
    connectTimeout: 60_000,
  });
  let lastError: Error | undefined;
  client.on('error', (error: Error) => {
    lastError = error;
  });
  const onAbort = () => client.disconnect();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    await client.connect();
    const info = parseInfo(await client.info());
    if (info.cluster_enabled !== '1') return { info };
    return { info, cluster: parseInfo(String(await client.call('CLUSTER', 'INFO'))) };
  } catch (error) {
    throw lastError ?? error;
  } finally {
    signal.removeEventListener('abort', onAbort);
    client.disconnect();
  }
}
