import { Socket } from 'node:net';
import pg from 'pg';
import type { PostgresPing } from '../../health/probes.js';

/**
 * Connects to PostgreSQL, runs `work` on the client and always ends it. An aborted signal destroys
 * the socket at once: pg's own `end()` during the startup handshake neither closes a silent
 * server's socket nor settles `connect()`, so the probe hands pg a socket it owns.
 */
export async function withPostgres<T>(
  url: string,
  signal: AbortSignal,
  work: (client: pg.Client) => Promise<T>,
): Promise<T> {
  signal.throwIfAborted();
  const socket = new Socket();
  const client = new pg.Client({
    connectionString: url,
    application_name: 'bers-bot health check',
    stream: () => socket,
  });
  // Errors after a failed call (the server going away) must not become an unhandled 'error' event.
  client.on('error', () => {});
  const onAbort = () => socket.destroy();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    await client.connect();
    return await work(client);
  } finally {
    signal.removeEventListener('abort', onAbort);
    if (signal.aborted) socket.destroy();
    else await client.end().catch(() => socket.destroy());
  }
}

/** The probe `psql -c "SELECT 1"` of the runbooks (seeds 003/004): one query, one connection. */
export function pingPostgres(url: string, query: string, signal: AbortSignal): Promise<PostgresPing> {
  return withPostgres(url, signal, async (client) => {
    const result = await client.query({ text: query, rowMode: 'array' });
    const rows = result.rows as unknown[][];
    return { rowCount: result.rowCount ?? rows.length, firstValue: rows[0]?.[0] };
  });
}
