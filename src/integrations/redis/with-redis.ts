import type { Redis } from 'ioredis';

/**
 * Runs `use` on one Redis connection that is always dropped afterwards. ioredis is told not to
 * reconnect, queue or retry, so a dead server fails this call instead of keeping a client alive in
 * the background; an aborted signal disconnects at once. ioredis itself is loaded with the first
 * Redis check, not at start: most configs have none.
 */
export async function withRedis<T>(
  url: string,
  signal: AbortSignal,
  use: (client: Redis) => Promise<T>,
): Promise<T> {
  signal.throwIfAborted();
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
  // Without a listener ioredis prints errors to stderr. Errors emitted here are about the connection
  // (ECONNREFUSED, WRONGPASS…) and are the real cause when the call only says "Connection is closed.".
  let lastError: Error | undefined;
  client.on('error', (error: Error) => {
    lastError = error;
  });
  const onAbort = () => client.disconnect();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    await client.connect();
    return await use(client);
  } catch (error) {
    // A failed AUTH (WRONGPASS) is only emitted; the command after it just says NOAUTH.
    throw lastError ?? error;
  } finally {
    signal.removeEventListener('abort', onAbort);
    client.disconnect();
  }
}
