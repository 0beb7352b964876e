import { Socket } from 'node:net';
import pg from 'pg';

export interface PostgresPing {
  rowCount: number;
  /** The first column of the first row, for a reason such as "SELECT count(*) … → 12". */
  firstValue?: unknown;
}

/**
 * Connects to PostgreSQL, runs one query and always ends the client: the probe `psql -c "SELECT 1"`
 * of the runbooks (seeds 003/004). An aborted signal destroys the socket at once: pg's own `end()`
 * during the startup handshake neither closes a silent server's socket nor settles `connect()`,
 * so the probe hands pg a socket it owns.
 */
export async function pingPostgres(url: string, query: string, signal: AbortSignal): Promise<PostgresPing> {
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
    const result = await client.query({ text: query, rowMode: 'array' });
    const rows = result.rows as unknown[][];
    return { rowCount: result.rowCount ?? rows.length, firstValue: rows[0]?.[0] };
  } finally {
    signal.removeEventListener('abort', onAbort);
    if (signal.aborted) socket.destroy();
    else await client.end().catch(() => socket.destroy());
  }
}
